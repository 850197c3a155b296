import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { StoryAssigner } from "../store/assigner.js";
import { SqliteStore } from "../store/sqlite.js";
import type { BriefOptions } from "../types/index.js";
import { buildApp, type AppOptions, type ArticleFetcher } from "./app.js";
import { WorkerArticlePages } from "./article-page.js";
import { WorkerBriefer, type Briefer } from "./briefer.js";
import { ServeLock } from "./db-lock.js";
import { FeedPoller, type FeedFetcher } from "./feeds.js";
import { Newsroom } from "./newsroom.js";
import type { Preparer } from "./preparer.js";
import { webFetchers, type WebFetchOptions } from "./web.js";
import { WorkerWriter } from "./writer.js";

export interface ServeOptions {
  dbPath: string;
  host?: string;
  port?: number;
  token?: string;
  /** Defaults to the SSRF-safe web fetcher of src/fetch (see `web`); pass both to replace it. */
  fetchArticle?: ArticleFetcher;
  fetchFeed?: FeedFetcher;
  /** Options of the default web fetcher: allow-listed private hosts, cache directory. */
  web?: WebFetchOptions;
  /** The story assigner of the writer thread, by name (default `story-index`); `assigner` replaces it. */
  grouping?: string;
  assigner?: StoryAssigner;
  briefer?: Briefer;
  preparer?: Preparer;
  briefOptions?: BriefOptions;
  rateLimit?: AppOptions["rateLimit"];
  synchronous?: "NORMAL" | "FULL";
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  newsroom: Newsroom;
  store: SqliteStore;
  poller: FeedPoller;
  /** Stops taking requests, waits for the ones in flight, then closes the database. */
  close(): Promise<void>;
}

/** Opens the store, builds the app, starts the feed poller and listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const lock = ServeLock.acquire(options.dbPath);
  let store: SqliteStore;
  try {
    store = openWritableStore(options.dbPath, options.synchronous);
  } catch (error) {
    lock.release();
    throw error;
  }
  let newsroom: Newsroom | undefined;
  let writer: WorkerWriter | undefined;
  const articlePages = new WorkerArticlePages(options.dbPath);
  const web = options.fetchArticle && options.fetchFeed ? undefined : webFetchers(options.web);
  const fetchArticle = options.fetchArticle ?? web?.fetchArticle;
  const fetchFeed = options.fetchFeed ?? web?.fetchFeed;
  try {
    // Writes go to a writer thread with its own connection, unless the caller brings its own assigner or preparer.
    // The thread rebuilds the story index from every stored article (seconds for thousands) while the server
    // already serves reads; writes sent meanwhile wait for it.
    const { articles } = await store.counts();
    const storyIndex = new StoryIndexState();
    if (!options.assigner && !options.preparer) {
      writer = WorkerWriter.start({ dbPath: options.dbPath, synchronous: options.synchronous, assigner: options.grouping ?? "story-index" });
      storyIndex.follow(writer.ready, articles, log);
    }
    newsroom = await Newsroom.open({ store, writer, assigner: options.assigner, preparer: options.preparer, briefer: options.briefer ?? new WorkerBriefer(options.dbPath), briefOptions: options.briefOptions, onError: (e) => log(`newsbrief serve: briefing failed: ${(e as Error).message}`) });
    const app = buildApp({ newsroom, host, token: options.token, fetchArticle, urlProblem: web?.urlProblem, rateLimit: options.rateLimit, articlePage: articlePages.render, storyIndex: () => storyIndex.state, log });
    await app.listen({ host, port: options.port ?? 8750 });
    const poller = new FeedPoller({ newsroom, fetchFeed, onError: (e) => log(`newsbrief serve: feed poll failed: ${(e as Error).message}`) });
    poller.start();
    const address = app.server.address() as AddressInfo;
    const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const room = newsroom;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shown}:${address.port}`,
      app,
      newsroom: room,
      store,
      poller,
      close: () =>
        (closing ??= (async () => {
          await poller.stop();
          await app.close();
          await room.close();
          await articlePages.close();
          await store.close();
          lock.release();
          web?.close();
        })()),
    };
  } catch (error) {
    await (newsroom ?? writer)?.close().catch(() => {});
    await articlePages.close();
    await store.close();
    lock.release();
    web?.close();
    throw error;
  }
}

/** Whether the writer thread has rebuilt the story index yet, said on stderr when it matters (a store with articles). */
class StoryIndexState {
  state: "loading" | "ready" | "failed" = "ready";

  follow(ready: Promise<boolean>, articles: number, log: (line: string) => void): void {
    this.state = "loading";
    const started = performance.now();
    const stored = `${articles} stored article${articles === 1 ? "" : "s"}`;
    if (articles) log(`newsbrief serve: loading the story index of ${stored}; reading works now, new articles are stored once it is loaded…`);
    ready.then(
      (loaded) => {
        if (!loaded) return;
        this.state = "ready";
        if (articles) log(`newsbrief serve: story index loaded (${stored}, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      },
      (error: Error) => {
        this.state = "failed";
        log(`newsbrief serve: the story index could not be loaded, so new articles cannot be stored (restart to retry): ${error.message}`);
      },
    );
  }
}

/** The store, or an error that names the file and says why the server cannot use it. */
function openWritableStore(dbPath: string, synchronous: ServeOptions["synchronous"]): SqliteStore {
  let store: SqliteStore | undefined;
  try {
    store = new SqliteStore(dbPath, { synchronous });
    store.probeWrite();
    return store;
  } catch (error) {
    void store?.close();
    const code = (error as { code?: string }).code ?? "";
    const why = code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") ? " (the server stores what it receives there: the file and its directory must be writable)" : "";
    throw new Error(`cannot use ${dbPath}: ${(error as Error).message}${why}`);
  }
}
