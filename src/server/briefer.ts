import { briefDocuments } from "../core/brief.js";
import type { BriefOptions, RawDocument } from "../types/index.js";
import { WorkerChannel } from "./worker-channel.js";

/** Computes a briefing (the JSON `brief` prints, unindented) from a story's documents. */
export interface Briefer {
  brief(docs: RawDocument[], options: BriefOptions): Promise<string>;
  close(): Promise<void>;
}

export interface BriefJob {
  docs: RawDocument[];
  options: BriefOptions;
}

/** A stored story briefed whole: the service groups articles into stories itself. */
export function briefStoryJson({ docs, options }: BriefJob): string {
  return JSON.stringify(briefDocuments(docs, [], { ...options, separateStories: false }));
}

/** Briefs on the calling thread: simple, but blocks the event loop while it runs. */
export class InlineBriefer implements Briefer {
  async brief(docs: RawDocument[], options: BriefOptions): Promise<string> {
    return briefStoryJson({ docs, options });
  }
  async close(): Promise<void> {}
}

/** Briefs on a worker thread, one job at a time, so reads are never blocked by a recompute. */
export class WorkerBriefer implements Briefer {
  private readonly channel = new WorkerChannel<BriefJob, string>(new URL("./brief-worker.js", import.meta.url), "briefer");

  brief(docs: RawDocument[], options: BriefOptions): Promise<string> {
    return this.channel.request({ docs, options });
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
