import { Worker } from "node:worker_threads";
import { briefDocuments } from "../core/brief.js";
import type { BriefOptions, RawDocument } from "../types/index.js";

/** Computes a briefing (the JSON `brief` prints, unindented) from a story's documents. */
export interface Briefer {
  brief(docs: RawDocument[], options: BriefOptions): Promise<string>;
  close(): Promise<void>;
}

/** Briefs on the calling thread: simple, but blocks the event loop while it runs. */
export class InlineBriefer implements Briefer {
  async brief(docs: RawDocument[], options: BriefOptions): Promise<string> {
    return JSON.stringify(briefDocuments(docs, [], { ...options, separateStories: false }));
  }
  async close(): Promise<void> {}
}

interface Pending {
  resolve: (json: string) => void;
  reject: (error: Error) => void;
}

/** Briefs on a worker thread, one job at a time, so reads are never blocked by a recompute. */
export class WorkerBriefer implements Briefer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  brief(docs: RawDocument[], options: BriefOptions): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, docs, options });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
    this.failAll(new Error("briefer closed"));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./brief-worker.js", import.meta.url));
    worker.unref();
    worker.on("message", (m: { id: number; json?: string; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.json!);
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`briefing worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
