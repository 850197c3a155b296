/**
 * Worker thread for `WorkerWriter`: owns its own connection to the database. Requests queue while
 * a group is being written; each group is one transaction, answered request by request after it commits.
 */
import { parentPort, workerData } from "node:worker_threads";
import { SqliteStore } from "../store/sqlite.js";
import { GroupWriter, type WriteOp, type WriterConfig } from "./writer.js";

const config = workerData as WriterConfig;
const writer = await GroupWriter.open(new SqliteStore(config.dbPath, { synchronous: config.synchronous }), config.assigner);
const queue: Array<{ id: number; body: WriteOp }> = [];
let writing = false;

async function writeQueued(): Promise<void> {
  writing = true;
  try {
    while (queue.length) {
      const group = queue.splice(0);
      const replies = await writer.apply(group.map((m) => m.body));
      group.forEach((m, i) => parentPort!.postMessage({ id: m.id, ...replies[i] }));
    }
  } finally {
    writing = false;
  }
}

parentPort!.on("message", (m: { id: number; body: WriteOp }) => {
  queue.push(m);
  // Messages already delivered join this group: start writing once they are all queued.
  if (!writing) {
    writing = true;
    setImmediate(() => void writeQueued());
  }
});
