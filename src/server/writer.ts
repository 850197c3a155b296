import { assignWithChanges, SingleStoryAssigner, StoryIndexAssigner, TitleWordsAssigner, type StoryAssigner } from "../store/assigner.js";
import type { SqliteStore } from "../store/sqlite.js";
import type { IngestItem, IngestOutcome, Store, StoredBriefing } from "../store/types.js";
import { InlinePreparer, prepareAll, type PrepareJob, type Preparer } from "./preparer.js";
import { WorkerChannel } from "./worker-channel.js";

export type BriefingToSave = StoredBriefing & { computeMs?: number };

/**
 * Where the newsroom's writes go. Every write resolves only once it is committed: an answer the
 * API sends after it survives a crash of the process.
 */
export interface Writer {
  /** Prepares submitted articles (extraction, cleaning, hashing), assigns stories and stores them. */
  submit(jobs: PrepareJob[]): Promise<IngestOutcome[]>;
  /** Stores items already prepared. */
  ingest(items: IngestItem[]): Promise<IngestOutcome[]>;
  saveBriefing(briefing: BriefingToSave): Promise<void>;
  close(): Promise<void>;
}

/** Writes through the store on the calling thread (tests, tools, any `Store`). */
export class InlineWriter implements Writer {
  private constructor(
    private readonly store: Store,
    private readonly assigner: StoryAssigner,
    private readonly preparer: Preparer,
  ) {}

  /** Replays the stored articles into the assigner, so that new ones continue its grouping. */
  static async open(store: Store, assigner: StoryAssigner, preparer: Preparer = new InlinePreparer()): Promise<InlineWriter> {
    assigner.load(await store.assignmentState(), await store.assignKeys());
    return new InlineWriter(store, assigner, preparer);
  }

  async submit(jobs: PrepareJob[]): Promise<IngestOutcome[]> {
    return this.ingest(await this.preparer.prepare(jobs));
  }

  ingest(items: IngestItem[]): Promise<IngestOutcome[]> {
    return this.store.ingest(items, (a) => assignWithChanges(this.assigner, a));
  }

  saveBriefing(briefing: BriefingToSave): Promise<void> {
    return this.store.saveBriefing(briefing);
  }

  close(): Promise<void> {
    return this.preparer.close();
  }
}

/** What a writer thread opens: its own connection to the database, and the story assigner by name. */
export interface WriterConfig {
  dbPath: string;
  synchronous?: "NORMAL" | "FULL";
  assigner: string;
}

export type WriteOp = { op: "ready" } | { op: "close" } | { op: "submit"; jobs: PrepareJob[] } | { op: "ingest"; items: IngestItem[] } | { op: "saveBriefing"; briefing: BriefingToSave };

/**
 * Writes on a thread of their own, owning their own SQLite connection: preparing articles,
 * SQLite inserts, FTS indexing and commits never block the event loop that serves reads (WAL lets
 * the main thread's connection read meanwhile). Requests that arrive while a transaction runs are
 * committed together in the next one (group commit), each answered after that commit.
 */
export class WorkerWriter implements Writer {
  private readonly channel: WorkerChannel<WriteOp, unknown>;
  private closed = false;
  /**
   * Settles once the thread has opened the database and loaded the assigner's state (writes sent
   * before wait their turn): true then, false when the writer was closed first.
   */
  readonly ready: Promise<boolean>;
  private loaded = false;

  private constructor(config: WriterConfig) {
    this.channel = new WorkerChannel<WriteOp, unknown>(new URL("./writer-worker.js", import.meta.url), "writer", config);
    this.ready = this.channel.request({ op: "ready" }).then(
      () => (this.loaded = true),
      (error: Error) => {
        if (this.closed) return false;
        throw error;
      },
    );
  }

  /** Starts the thread; it loads the assigner's state (seconds for thousands of stored articles) while the caller goes on. */
  static start(config: WriterConfig): WorkerWriter {
    assignerNamed(config.assigner);
    return new WorkerWriter(config);
  }

  /** Starts the thread and waits until it is `ready`. */
  static async open(config: WriterConfig): Promise<WorkerWriter> {
    const writer = WorkerWriter.start(config);
    await writer.ready;
    return writer;
  }

  submit(jobs: PrepareJob[]): Promise<IngestOutcome[]> {
    return this.request({ op: "submit", jobs }) as Promise<IngestOutcome[]>;
  }

  ingest(items: IngestItem[]): Promise<IngestOutcome[]> {
    return this.request({ op: "ingest", items }) as Promise<IngestOutcome[]>;
  }

  async saveBriefing(briefing: BriefingToSave): Promise<void> {
    await this.request({ op: "saveBriefing", briefing });
  }

  /**
   * Closes the thread's connection once the writes queued before are done, then stops the thread.
   * While the thread is still loading, nothing has been written yet: it stops at once, and writes
   * waiting for it fail unanswered (a stop during the load of a big store need not wait for it).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.loaded) await this.channel.request({ op: "close" }).catch(() => {});
    this.closed = true;
    await this.channel.close();
  }

  private request(op: WriteOp): Promise<unknown> {
    return this.closed ? Promise.reject(new Error("the writer is closed")) : this.channel.request(op);
  }
}

/** The story assigners a writer thread can build, by their `name`. */
export function assignerNamed(name: string): StoryAssigner {
  if (name === "title-words") return new TitleWordsAssigner();
  if (name === "story-index") return new StoryIndexAssigner();
  if (name === "single") return new SingleStoryAssigner();
  throw new Error(`unknown story assigner "${name}" (known: title-words, story-index, single)`);
}

export type WriteReply = { reply: unknown } | { error: string };

/** The writer thread's state: its own connection and the assigner, with `apply` for each group of requests. */
export class GroupWriter {
  private closed = false;

  private constructor(
    private readonly store: SqliteStore,
    private readonly assignerName: string,
    private assigner: StoryAssigner,
  ) {}

  static async open(store: SqliteStore, assignerName: string): Promise<GroupWriter> {
    const writer = new GroupWriter(store, assignerName, assignerNamed(assignerName));
    writer.assigner.load(await store.assignmentState(), await store.assignKeys());
    return writer;
  }

  /**
   * Applies a group of writes in one transaction (articles in the order sent, then briefings) and returns one reply per op. When the
   * group fails, nothing of it is kept: the assigner is rebuilt from the store (it saw articles that
   * were rolled back) and each op is retried alone, so one bad request fails only itself.
   */
  async apply(ops: WriteOp[]): Promise<WriteReply[]> {
    if (this.closed) return ops.map(() => ({ error: "the writer is closed" }));
    const prepared = ops.map((o): IngestItem[] | Error | undefined => {
      if (o.op === "ingest") return o.items;
      if (o.op !== "submit") return undefined;
      try {
        return prepareAll(o.jobs);
      } catch (error) {
        return error as Error;
      }
    });
    const closing = ops.some((o) => o.op === "close");
    try {
      return await this.applyOpen(ops, prepared);
    } finally {
      if (closing) {
        this.closed = true;
        await this.store.close();
      }
    }
  }

  private async applyOpen(ops: WriteOp[], prepared: Array<IngestItem[] | Error | undefined>): Promise<WriteReply[]> {
    const run = (indexes: number[]): WriteReply[] =>
      this.store.db.transaction(() => {
        const items = indexes.flatMap((i) => (Array.isArray(prepared[i]) ? prepared[i] : []));
        const outcomes = items.length ? this.store.ingestSync(items, (a) => assignWithChanges(this.assigner, a)) : [];
        let at = 0;
        return indexes.map((i): WriteReply => {
          const o = ops[i];
          const p = prepared[i];
          if (p instanceof Error) return { error: p.message };
          if (Array.isArray(p)) return { reply: outcomes.slice(at, (at += p.length)) };
          if (o.op === "saveBriefing") this.store.saveBriefingSync(o.briefing);
          return { reply: null };
        });
      })();
    try {
      return run(ops.map((_, i) => i));
    } catch (error) {
      await this.reloadAssigner();
      if (ops.length === 1) return [{ error: (error as Error).message }];
    }
    const replies: WriteReply[] = [];
    for (let i = 0; i < ops.length; i++) {
      try {
        replies.push(run([i])[0]);
      } catch (error) {
        await this.reloadAssigner();
        replies.push({ error: (error as Error).message });
      }
    }
    return replies;
  }

  private async reloadAssigner(): Promise<void> {
    this.assigner = assignerNamed(this.assignerName);
    this.assigner.load(await this.store.assignmentState(), await this.store.assignKeys());
  }
}
