/** Worker thread for `WorkerBriefer`: briefs the documents (or the stored story) it is sent and posts the JSON back. */
import { workerData } from "node:worker_threads";
import { SqliteStore } from "../store/sqlite.js";
import { briefStoryJson, type BriefJob, type StoredBriefJob } from "./briefer.js";
import { toRawDocument } from "./pipeline.js";
import { answerRequests } from "./worker-channel.js";

const dbPath = (workerData as { dbPath?: string } | undefined)?.dbPath;
let store: SqliteStore | undefined;

answerRequests(async (job: BriefJob | StoredBriefJob) => {
  if (!("storyId" in job)) return briefStoryJson(job);
  if (!dbPath) throw new Error("this briefer has no database to read stories from");
  store ??= new SqliteStore(dbPath);
  const articles = await store.storyArticles(job.storyId, { last: job.last });
  return briefStoryJson({ docs: articles.map(toRawDocument), options: job.options });
});
