/** Worker thread for `WorkerBriefer`: briefs the documents it is sent and posts the JSON back. */
import { briefStoryJson } from "./briefer.js";
import { answerRequests } from "./worker-channel.js";

answerRequests(briefStoryJson);
