import type { IngestItem, RawInput } from "../store/types.js";
import type { ArticleInput, Message } from "../types/index.js";
import { prepareItem } from "./pipeline.js";
import { WorkerChannel } from "./worker-channel.js";

/** One article to prepare for the store, with the raw input it came from. */
export interface PrepareJob {
  item: ArticleInput;
  input: RawInput;
  file?: string;
  /** Why the item holds no article (its URL could not be fetched): stored as received and rejected with this message. */
  problem?: Message;
  /** Replace the text of an article stored under the same URL (see `IngestItem.replace`). */
  replace?: boolean;
}

/** Turns submitted articles into store items (HTML extraction, cleaning, hashing). */
export interface Preparer {
  prepare(jobs: PrepareJob[]): Promise<IngestItem[]>;
  close(): Promise<void>;
}

export function prepareAll(jobs: PrepareJob[]): IngestItem[] {
  return jobs.map((j) => (j.problem ? { input: j.input, messages: [j.problem] } : { ...prepareItem(j.item, j.input, j.file), ...(j.replace ? { replace: true } : {}) }));
}

/** Prepares on the calling thread (tests, tools). */
export class InlinePreparer implements Preparer {
  async prepare(jobs: PrepareJob[]): Promise<IngestItem[]> {
    return prepareAll(jobs);
  }
  async close(): Promise<void> {}
}

/**
 * Prepares on a worker thread so that cleaning a large batch (about 0.7 ms of CPU per article)
 * never stalls page reads on the main thread. Jobs run in order, one message per batch.
 */
export class WorkerPreparer implements Preparer {
  private readonly channel = new WorkerChannel<PrepareJob[], IngestItem[]>(new URL("./prepare-worker.js", import.meta.url), "preparer");

  prepare(jobs: PrepareJob[]): Promise<IngestItem[]> {
    return jobs.length ? this.channel.request(jobs) : Promise.resolve([]);
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
