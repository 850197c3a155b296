import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "../server/app.js";
import { InlineBriefer, type Briefer } from "../server/briefer.js";
import { Newsroom } from "../server/newsroom.js";
import { TitleWordsAssigner, type StoryAssigner } from "../store/assigner.js";
import { SqliteStore } from "../store/sqlite.js";
import type { Briefing, BriefOptions, RawDocument } from "../types/index.js";
import { SHARED } from "./fixtures.js";

/** One WikiNews article of multiling2011_en (CC BY), shaped as the API takes it. */
export interface WikinewsArticle {
  cluster: string;
  title: string;
  text: string;
  published?: string;
  source: string;
  url: string;
}

/** The 100 English articles of MultiLing 2011 (WikiNews, CC BY 2.5), read from ../shared at run time. */
export function wikinewsArticles(): WikinewsArticle[] {
  const file = path.join(SHARED, "data/multiling2011_en/test.jsonl");
  const out: WikinewsArticle[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; documents: string[]; titles?: string[]; dates?: Array<string | null>; doc_ids?: string[] };
    r.documents.forEach((doc, i) => {
      const [first, ...rest] = doc.split("\n");
      const title = (r.titles?.[i] ?? first).trim();
      out.push({
        cluster: r.id,
        title,
        text: rest.join("\n").trim(),
        published: r.dates?.[i] ?? undefined,
        source: "Wikinews",
        url: `https://en.wikinews.org/wiki/${encodeURIComponent(title.replace(/ /g, "_"))}`,
      });
    });
  }
  return out;
}

/** Counts briefings computed, so tests can tell a recompute from a cached answer. */
export class CountingBriefer implements Briefer {
  readonly calls: string[][] = [];
  private readonly inner = new InlineBriefer();
  brief(docs: RawDocument[], options: BriefOptions): Promise<string> {
    this.calls.push(docs.map((d) => d.id ?? d.file));
    return this.inner.brief(docs, options);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface TestService {
  app: FastifyInstance;
  newsroom: Newsroom;
  store: SqliteStore;
  briefer: CountingBriefer;
  logged: string[];
  close(): Promise<void>;
}

/** An in-process service on a fresh database in a temporary folder (fastify `inject`, no socket). */
export async function testService(options: Partial<AppOptions> & { refreshDelayMs?: number; assigner?: StoryAssigner } = {}): Promise<TestService> {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-app-"));
  const store = new SqliteStore(path.join(dir, "test.db"));
  const briefer = new CountingBriefer();
  const logged: string[] = [];
  const { assigner = new TitleWordsAssigner(), refreshDelayMs = 60_000, ...appOptions } = options;
  const newsroom = await Newsroom.open({ store, assigner, briefer, refreshDelayMs });
  const app = buildApp({ rateLimit: false, log: (l) => logged.push(l), ...appOptions, newsroom });
  await app.ready();
  return {
    app,
    newsroom,
    store,
    briefer,
    logged,
    close: async () => {
      await app.close();
      await newsroom.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Adds `timeline` and `entities` to each story of a real briefing, the way the timeline and NLP
 * stages will once they land, so pages can be tested with them: events are the briefing's own
 * sentences dated by their article; entities are the given names counted in the articles.
 */
export class ExtrasBriefer implements Briefer {
  private readonly inner = new InlineBriefer();
  constructor(private readonly names: Array<[name: string, type: string]>) {}

  async brief(docs: RawDocument[], options: BriefOptions): Promise<string> {
    const b = JSON.parse(await this.inner.brief(docs, options)) as Briefing;
    const byId = new Map(b.articles.map((a) => [a.id, a]));
    const stories = b.stories.map((st) => {
      const timeline = [st.headline, ...st.summary]
        .filter((s, i, all) => byId.get(s.articleId)?.published && all.findIndex((x) => x.articleId === s.articleId && x.start === s.start) === i)
        .map((s) => ({ date: byId.get(s.articleId)!.published!, ...s }))
        .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      const entities = this.names
        .map(([name, type]) => {
          const articleIds = st.articleIds.filter((id) => byId.get(id)?.text.includes(name));
          const count = st.articleIds.reduce((n, id) => n + (byId.get(id)?.text.split(name).length ?? 1) - 1, 0);
          return { name, type, variants: [name], count, articleIds };
        })
        .filter((e) => e.count > 0);
      return { ...st, timeline, entities };
    });
    return JSON.stringify({ ...b, stories });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
