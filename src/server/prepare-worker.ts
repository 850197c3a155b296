/** Worker thread for `WorkerPreparer`: prepares each batch it is sent and posts the items back. */
import { parentPort } from "node:worker_threads";
import { prepareItem } from "./pipeline.js";
import type { PrepareJob } from "./preparer.js";

parentPort?.on("message", (m: { id: number; jobs: PrepareJob[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, items: m.jobs.map((j) => prepareItem(j.item, j.input, j.file)) });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: (error as Error).message });
  }
});
