/** Worker thread for `WorkerPreparer`: prepares each batch it is sent and posts the items back. */
import { prepareAll } from "./preparer.js";
import { answerRequests } from "./worker-channel.js";

answerRequests(prepareAll);
