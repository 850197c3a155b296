import { StoryIndexAssigner, type StoryAssigner } from "../store/assigner.js";
import type { IngestItem, IngestOutcome, Store, StorySummary } from "../store/types.js";
import { headlineText } from "../render/common.js";
import type { BriefOptions } from "../types/index.js";
import type { Briefer } from "./briefer.js";
import type { PrepareJob, Preparer } from "./preparer.js";
import { toRawDocument } from "./pipeline.js";
import { InlineWriter, type Writer } from "./writer.js";

export interface NewsroomOptions {
  /** Where reads go (and writes, unless a `writer` is given). */
  store: Store;
  /** Where writes go (default: an `InlineWriter` over `store` with `assigner` and `preparer`). */
  writer?: Writer;
  /** Groups articles into stories, for the default writer. */
  assigner?: StoryAssigner;
  briefer: Briefer;
  /** Cleans submitted articles before they are stored, for the default writer (default: on the calling thread). */
  preparer?: Preparer;
  briefOptions?: BriefOptions;
  /** Wait this long after a story changes before re-briefing it in the background (debounce). */
  refreshDelayMs?: number;
  /** A story is re-briefed at most this often while articles keep arriving (bounds the CPU of a busy story). */
  minRefreshIntervalMs?: number;
  /** The most recent articles of a story that its briefing reads (bounds the cost of huge stories). */
  maxArticlesPerBriefing?: number;
  onError?: (error: unknown) => void;
}

export interface BriefingResult {
  json: string;
  /** The story changed since this briefing was computed; a fresh one is on its way. */
  stale: boolean;
  storyVersion: number;
  computedAt: string;
  story: StorySummary;
}

/**
 * The service's core: ingests into the store, assigns stories, and keeps each story's briefing
 * current. A briefing is recomputed only when its story's content version moved past the version
 * it was computed from: in the background shortly after articles arrive (debounced), or on the
 * first read. Reads of a stale briefing answer at once with the previous one.
 */
export class Newsroom {
  readonly store: Store;
  private readonly writer: Writer;
  private readonly briefer: Briefer;
  private readonly briefOptions: BriefOptions;
  private readonly refreshDelayMs: number;
  private readonly maxArticles: number;
  private readonly minInterval: number;
  private readonly lastRun = new Map<string, number>();
  private readonly onError: (error: unknown) => void;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly changes = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;

  private constructor(options: NewsroomOptions, writer: Writer) {
    this.store = options.store;
    this.writer = writer;
    this.briefer = options.briefer;
    this.briefOptions = options.briefOptions ?? {};
    this.refreshDelayMs = options.refreshDelayMs ?? 300;
    this.maxArticles = options.maxArticlesPerBriefing ?? 400;
    this.minInterval = options.minRefreshIntervalMs ?? 5000;
    this.onError = options.onError ?? (() => {});
  }

  /** Opens a newsroom over a store (the default writer replays stored articles into the assigner), queues stale briefings. */
  static async open(options: NewsroomOptions): Promise<Newsroom> {
    const writer = options.writer ?? (await InlineWriter.open(options.store, options.assigner ?? new StoryIndexAssigner(), options.preparer));
    const room = new Newsroom(options, writer);
    for (const id of await room.store.staleStories(10_000)) room.markDirty(id);
    return room;
  }

  /** Prepares submitted articles (extraction, cleaning, hashing) and stores them: `ingest` of `prepare`. */
  async submit(jobs: PrepareJob[]): Promise<IngestOutcome[]> {
    return this.stored(await this.writer.submit(jobs));
  }

  async ingest(items: IngestItem[]): Promise<IngestOutcome[]> {
    return this.stored(await this.writer.ingest(items));
  }

  private stored(outcomes: IngestOutcome[]): IngestOutcome[] {
    for (const o of outcomes) {
      if (o.storyId) this.changed(o.storyId);
      if ((o.status === "created" || o.status === "replaced") && o.storyId) this.markDirty(o.storyId);
      for (const m of [...(o.merged ?? []), ...(o.moved ?? [])]) {
        this.changed(m.from);
        this.changed(m.into);
        this.markDirty(m.into);
      }
      // A story that lost an article but kept others needs a new briefing too.
      for (const m of o.moved ?? []) if (!o.merged?.some((g) => g.from === m.from)) this.markDirty(m.from);
    }
    return outcomes;
  }

  /**
   * How many writes through this newsroom have touched a story (articles, sources, briefings),
   * counted once each has committed. Read it before reading the story: while it stays the same,
   * what was read is still current (the service's writes all go through its newsroom).
   */
  changeCount(storyId: string): number {
    return this.changes.get(storyId) ?? 0;
  }

  private changed(storyId: string): void {
    this.changes.set(storyId, this.changeCount(storyId) + 1);
  }

  /**
   * A story's briefing. Computes it when there is none yet (or when `fresh` is asked and it is
   * stale); otherwise answers with the stored one and refreshes it in the background.
   */
  async briefing(storyId: string, options: { fresh?: boolean } = {}): Promise<BriefingResult | undefined> {
    let story = await this.store.getStory(storyId);
    if (!story) return undefined;
    let stored = await this.store.getBriefing(storyId);
    if (!stored || (options.fresh && stored.storyVersion < story.contentVersion)) {
      await this.recompute(storyId);
      story = (await this.store.getStory(storyId))!;
      stored = await this.store.getBriefing(storyId);
      if (!stored) return undefined;
    } else if (stored.storyVersion < story.contentVersion) {
      this.markDirty(storyId);
    }
    return { json: stored.json, stale: stored.storyVersion < story.contentVersion, storyVersion: stored.storyVersion, computedAt: stored.computedAt, story };
  }

  /** Recomputes every stale briefing now, whatever the refresh interval (tests, shutdown). */
  async settle(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining?.catch(() => {});
    await this.drain(true);
  }

  get pendingRefreshes(): number {
    return this.dirty.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining?.catch(() => {});
    await Promise.allSettled([...this.inflight.values()]);
    await this.briefer.close();
    await this.writer.close();
  }

  private markDirty(storyId: string): void {
    if (this.closed) return;
    this.dirty.add(storyId);
    this.schedule(this.refreshDelayMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delayMs);
    this.timer.unref();
  }

  /** One story at a time, so background refreshes take one core at most; each story waits out its interval. */
  private drain(force = false): Promise<void> {
    if (this.draining) return this.draining;
    this.draining = (async () => {
      while (this.dirty.size && !this.closed) {
        const now = performance.now();
        let next: string | undefined;
        let wait = Infinity;
        for (const id of this.dirty) {
          const due = (this.lastRun.get(id) ?? -Infinity) + this.minInterval;
          if (force || due <= now) {
            next = id;
            break;
          }
          wait = Math.min(wait, due - now);
        }
        if (next === undefined) {
          this.schedule(Math.max(wait, this.refreshDelayMs));
          break;
        }
        this.dirty.delete(next);
        if (this.lastRun.size > 10_000) this.lastRun.clear();
        this.lastRun.set(next, now);
        try {
          await this.recompute(next);
        } catch (error) {
          this.onError(error);
        }
      }
    })().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private recompute(storyId: string): Promise<void> {
    const running = this.inflight.get(storyId);
    if (running) return running;
    const job = (async () => {
      const story = await this.store.getStory(storyId);
      if (!story) return;
      const existing = await this.store.getBriefing(storyId);
      if (existing && existing.storyVersion >= story.contentVersion) return;
      const started = performance.now();
      const json = this.briefer.briefStored
        ? await this.briefer.briefStored(storyId, this.maxArticles, this.briefOptions)
        : await this.briefer.brief((await this.store.storyArticles(storyId, { last: this.maxArticles })).map(toRawDocument), this.briefOptions);
      const headline = headlineOf(json);
      await this.writer.saveBriefing({ storyId, storyVersion: story.contentVersion, headline, json, computedAt: new Date().toISOString(), computeMs: performance.now() - started });
      this.changed(storyId);
    })().finally(() => this.inflight.delete(storyId));
    this.inflight.set(storyId, job);
    return job;
  }
}

function headlineOf(json: string): string | undefined {
  try {
    const b = JSON.parse(json) as { stories?: Array<{ headline?: { text?: string; clipped?: true } }> };
    const h = b.stories?.[0]?.headline;
    return h?.text === undefined ? undefined : headlineText({ text: h.text, clipped: h.clipped });
  } catch {
    return undefined;
  }
}
