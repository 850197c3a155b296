/** Worker thread for `WorkerArticlePages`: renders the page of each article id it is sent. */
import { workerData } from "node:worker_threads";
import { SqliteStore } from "../store/sqlite.js";
import { renderArticlePage } from "./article-page.js";
import { answerRequests } from "./worker-channel.js";

const { dbPath } = workerData as { dbPath: string };
let store: SqliteStore | undefined;

answerRequests((articleId: string) => renderArticlePage((store ??= new SqliteStore(dbPath)), articleId));
