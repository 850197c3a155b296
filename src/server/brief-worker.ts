/** Worker thread for `WorkerBriefer`: briefs the documents it is sent and posts the JSON back. */
import { parentPort } from "node:worker_threads";
import { briefDocuments } from "../core/brief.js";
import type { BriefOptions, RawDocument } from "../types/index.js";

parentPort?.on("message", (m: { id: number; docs: RawDocument[]; options: BriefOptions }) => {
  try {
    parentPort!.postMessage({ id: m.id, json: JSON.stringify(briefDocuments(m.docs, [], { ...m.options, separateStories: false })) });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: (error as Error).message });
  }
});
