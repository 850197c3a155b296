import { briefDocuments } from "../core/brief.js";
import type { BriefOptions, RawDocument } from "../types/index.js";
import { WorkerChannel } from "./worker-channel.js";

/** Computes a briefing (the JSON `brief` prints, unindented) from a story's documents. */
export interface Briefer {
  brief(docs: RawDocument[], options: BriefOptions): Promise<string>;
  /**
   * Briefs a stored story from its `last` articles, read by the briefer itself (a worker's own
   * connection), so that reading a large story's texts never blocks the caller. Optional.
   */
  briefStored?(storyId: string, last: number, options: BriefOptions): Promise<string>;
  close(): Promise<void>;
}

export interface BriefJob {
  docs: RawDocument[];
  options: BriefOptions;
}

export interface StoredBriefJob {
  storyId: string;
  last: number;
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
  private readonly channel: WorkerChannel<BriefJob | StoredBriefJob, string>;
  readonly briefStored?: (storyId: string, last: number, options: BriefOptions) => Promise<string>;

  /** With `dbPath`, the worker also briefs stored stories, reading them on its own connection. */
  constructor(dbPath?: string) {
    this.channel = new WorkerChannel<BriefJob | StoredBriefJob, string>(new URL("./brief-worker.js", import.meta.url), "briefer", { dbPath });
    if (dbPath) this.briefStored = (storyId, last, options) => this.channel.request({ storyId, last, options });
  }

  brief(docs: RawDocument[], options: BriefOptions): Promise<string> {
    return this.channel.request({ docs, options });
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
