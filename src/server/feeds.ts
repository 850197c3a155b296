import type { FeedRecord, Store } from "../store/types.js";
import type { ArticleInput } from "../types/index.js";
import type { Newsroom } from "./newsroom.js";

/** Fetches a feed and returns its articles (text or HTML each). Injected: the service itself does not fetch yet. */
export type FeedFetcher = (url: string, signal: AbortSignal) => Promise<ArticleInput[]>;

export interface FeedPollerOptions {
  newsroom: Newsroom;
  fetchFeed?: FeedFetcher;
  now?: () => Date;
  /** How often to look for due feeds. */
  checkEveryMs?: number;
  /** Longest wait after repeated failures. */
  maxBackoffSeconds?: number;
  timeoutMs?: number;
  onError?: (error: unknown) => void;
}

export const NO_FEED_FETCHER = "fetching feeds is not available yet";

/**
 * Polls due feeds on their `every` schedule. A failure is recorded on the feed (visible in the API
 * and the page) and the next try backs off exponentially: every × 2^failures, capped.
 */
export class FeedPoller {
  private readonly store: Store;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: FeedPollerOptions) {
    this.store = options.newsroom.store;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick().catch((e) => this.options.onError?.(e)), this.options.checkEveryMs ?? 5000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
  }

  /** Polls every due feed once; returns how many were polled. */
  tick(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.pollDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pollDue(): Promise<number> {
    const due = await this.store.dueFeeds(this.now());
    for (const feed of due) await this.poll(feed);
    return due.length;
  }

  private async poll(feed: FeedRecord): Promise<void> {
    const at = this.now();
    try {
      if (!this.options.fetchFeed) throw new Error(NO_FEED_FETCHER);
      const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
      const items = await this.options.fetchFeed(feed.url, signal);
      const outcomes = await this.options.newsroom.submit(items.map((item) => ({ item, input: { kind: "feed", feedId: feed.id, body: JSON.stringify(item) }, file: `feed ${feed.url}` })));
      const added = outcomes.filter((o) => o.status === "created").length;
      await this.store.recordFeedResult(feed.id, { at, nextAt: new Date(at.getTime() + feed.everySeconds * 1000), added });
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 500);
      const backoff = Math.min(feed.everySeconds * 2 ** Math.min(feed.failures + 1, 20), Math.max(feed.everySeconds, this.options.maxBackoffSeconds ?? 6 * 3600));
      await this.store.recordFeedResult(feed.id, { at, nextAt: new Date(at.getTime() + backoff * 1000), error: message });
    }
  }
}
