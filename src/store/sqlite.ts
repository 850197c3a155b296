import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Message } from "../types/index.js";
import { MIGRATIONS, type Migration } from "./migrations/index.js";
import { ftsQuery } from "./text.js";
import type {
  AssignFn,
  AssignInput,
  FeedRecord,
  IngestItem,
  IngestOutcome,
  KeyMove,
  SearchHit,
  Store,
  StoreCounts,
  StoredArticle,
  StoredArticleMeta,
  StoredBriefing,
  StoredMessage,
  StoredSource,
  StoryOrder,
  StorySummary,
} from "./types.js";

export interface SqliteStoreOptions {
  /**
   * `NORMAL` (default) in WAL mode: a commit is written to the WAL file (the OS page cache) before
   * it returns, and the WAL is fsynced only at checkpoints. A killed process (`kill -9`, a crash)
   * loses nothing it committed, since the kernel still holds and later writes those pages; only an
   * OS crash or power loss can lose the last commits (never corrupting the database). `FULL`
   * fsyncs every commit, for installations that must survive power loss, at a cost in throughput.
   */
  synchronous?: "NORMAL" | "FULL";
  migrations?: readonly Migration[];
  /** Clock, for tests. */
  now?: () => Date;
}

type Row = Record<string, unknown>;

/** The `Store` over one SQLite file (better-sqlite3): WAL, versioned migrations, FTS5 search. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly stmts: ReturnType<typeof prepare>;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.now = options.now ?? (() => new Date());
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${options.synchronous ?? "NORMAL"}`);
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    migrate(this.db, options.migrations ?? MIGRATIONS, this.now);
    this.stmts = prepare(this.db);
  }

  async ingest(items: IngestItem[], assign: AssignFn): Promise<IngestOutcome[]> {
    return this.ingestSync(items, assign);
  }

  /** The synchronous core of `ingest`: one transaction for the whole batch. */
  ingestSync(items: IngestItem[], assign: AssignFn): IngestOutcome[] {
    const s = this.stmts;
    const run = this.db.transaction((batch: IngestItem[]): IngestOutcome[] => {
      const at = this.now().toISOString();
      const merged: Array<{ from: string; into: string }> = [];
      const moved: Array<{ articleId: string; from: string; into: string }> = [];
      const outcomes = batch.map((item) => {
        const inputId = Number(s.insertInput.run(at, item.input.kind, item.input.client ?? null, item.input.feedId ?? null, item.input.body, "rejected").lastInsertRowid);
        const messages: Message[] = [...item.messages];
        const a = item.article;
        let outcome: IngestOutcome;
        if (!a) {
          outcome = { status: "rejected", inputId, messages };
        } else {
          const byUrl = a.urlKey ? (s.articleByUrlKey.get(a.urlKey) as Row | undefined) : undefined;
          const sameText = !byUrl || byUrl.content_hash === a.contentHash;
          const byHash = sameText && byUrl ? undefined : (s.articleByHash.get(a.contentHash) as Row | undefined);
          if (byUrl && !sameText && (!item.replace || byHash)) {
            const articleId = byUrl.id as string;
            messages.push(textConflict(item.input.kind, articleId, a.url ?? "this URL", inputId, byHash?.id as string | undefined));
            s.setInput.run("conflict", articleId, inputId);
            outcome = { status: "conflict", inputId, articleId, storyId: byUrl.story_id as string, matchedBy: "url", messages };
          } else if (byUrl && !sameText) {
            const articleId = byUrl.id as string;
            const storyId = byUrl.story_id as string;
            s.replaceArticle.run({ id: articleId, title: a.title, source: a.source ?? null, published: a.published ?? null, raw: a.raw, offset: a.bodyOffset ?? null, clean: a.cleanText, words: a.wordCount, hash: a.contentHash });
            s.deleteFts.run(byUrl.seq);
            s.insertFts.run(byUrl.seq, a.title, a.cleanText);
            s.insertSource.run(articleId, inputId, a.source ?? null, a.url ?? null, a.title, at);
            s.reviseStory.run({ at, pub: a.published ?? null, id: storyId });
            s.setInput.run("replaced", articleId, inputId);
            outcome = { status: "replaced", inputId, articleId, storyId, matchedBy: "url", messages };
          } else if (byUrl ?? byHash) {
            const existing = (byUrl ?? byHash)!;
            const articleId = existing.id as string;
            const storyId = existing.story_id as string;
            // The same source sent again (a feed polled again) is recorded once; its input is kept all the same.
            if (!s.sameSource.get(articleId, a.source ?? null, a.url ?? null, a.title)) {
              s.insertSource.run(articleId, inputId, a.source ?? null, a.url ?? null, a.title, at);
              s.touchStory.run(at, storyId);
            }
            s.setInput.run("duplicate", articleId, inputId);
            outcome = { status: "duplicate", inputId, articleId, storyId, matchedBy: byUrl ? "url" : "content", messages };
          } else {
            const seq = (s.nextId.get("articles") as { last: number }).last;
            const articleId = `a${seq}`;
            const assigned = assign({ id: articleId, title: a.title, text: a.cleanText, published: a.published, wordCount: a.wordCount });
            const changes = typeof assigned === "string" ? { key: assigned } : assigned;
            const storyId = this.storyForKey(changes.key, a.title, at);
            s.insertArticle.run(seq, articleId, a.url ?? null, a.urlKey ?? null, a.contentHash, a.title, a.source ?? null, a.published ?? null, a.raw, a.bodyOffset ?? null, a.cleanText, a.wordCount, storyId, inputId, at);
            s.insertFts.run(seq, a.title, a.cleanText);
            s.insertSource.run(articleId, inputId, a.source ?? null, a.url ?? null, a.title, at);
            s.growStory.run({ at, pub: a.published ?? null, id: storyId });
            s.setInput.run("created", articleId, inputId);
            outcome = { status: "created", inputId, articleId, storyId, messages };
            for (const m of changes.merges ?? []) this.mergeStories(m, at, merged);
            if (changes.moves?.length) this.moveArticles(changes.moves, at, merged, moved);
          }
        }
        for (const m of messages) {
          // A duplicate's problems already recorded for its article (a feed item polled again) are not listed twice.
          if (outcome.status === "duplicate" && s.sameMessage.get(outcome.articleId, m.ruleId, m.reason)) continue;
          s.insertMessage.run(inputId, outcome.articleId ?? null, m.severity, m.ruleId, m.reason, m.source ?? null, at);
        }
        return outcome;
      });
      if (merged.length === 0 && moved.length === 0) return outcomes;
      // Outcomes name the story each article is in once the whole batch is stored.
      const last = { ...(merged.length ? { merged } : {}), ...(moved.length ? { moved } : {}) };
      return outcomes.map((o, i) => ({
        ...o,
        ...(o.articleId ? { storyId: (s.articleStory.get(o.articleId) as Row).story_id as string } : {}),
        ...(i === outcomes.length - 1 ? last : {}),
      }));
    });
    return run(items);
  }

  /**
   * Folds the story keyed `from` into the story keyed `into`: its articles move, its counts and date
   * range add up, the survivor's briefing becomes stale, and the absorbed story (and any story that
   * had been merged into it) points at the survivor.
   */
  private mergeStories(keys: { from: string; into: string }, at: string, merged: Array<{ from: string; into: string }>): void {
    const s = this.stmts;
    const from = s.storyByKey.get(keys.from) as Row | undefined;
    const into = s.storyByKey.get(keys.into) as Row | undefined;
    if (!from || !into || from.id === into.id) return;
    s.moveArticles.run(into.id, from.id);
    s.absorbStory.run({ at, from: from.id, into: into.id });
    s.redirectStories.run({ at, from: from.id, into: into.id });
    merged.push({ from: from.id as string, into: into.id as string });
  }

  /** The id of the story keyed `key`, created (titled `title`) when there is none. */
  private storyForKey(key: string, title: string, at: string): string {
    const s = this.stmts;
    const story = s.storyByKey.get(key) as Row | undefined;
    if (story) return story.id as string;
    const storyId = `s${(s.nextId.get("stories") as { last: number }).last}`;
    s.insertStory.run(storyId, key, title, at, at);
    return storyId;
  }

  /**
   * Moves stored articles to the stories keyed as given (a new key makes a new story). Every story
   * that gained or lost articles is recounted (count, date range; a story whose titling article left
   * takes its earliest remaining article's title) and its briefing becomes stale; a
   * story left without articles points at the story that took most of them, as a merged story does,
   * so that its links still lead somewhere.
   */
  private moveArticles(moves: KeyMove[], at: string, merged: Array<{ from: string; into: string }>, moved: Array<{ articleId: string; from: string; into: string }>): void {
    const s = this.stmts;
    const touched = new Set<string>();
    const takenFrom = new Map<string, Map<string, number>>();
    for (const m of moves) {
      const article = s.articleStory.get(m.articleId) as Row | undefined;
      if (!article) continue;
      const from = article.story_id as string;
      const into = this.storyForKey(m.key, article.title as string, at);
      if (into === from) continue;
      s.setArticleStory.run(into, m.articleId);
      touched.add(from).add(into);
      const counts = takenFrom.get(from) ?? new Map<string, number>();
      takenFrom.set(from, counts.set(into, (counts.get(into) ?? 0) + 1));
      moved.push({ articleId: m.articleId, from, into });
    }
    for (const id of touched) s.recountStory.run({ at, id });
    const emptied = new Map<string, string>();
    for (const [from, counts] of takenFrom) {
      if ((s.storyCount.get(from) as Row).article_count === 0) emptied.set(from, [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
    }
    for (const [from, firstTaker] of emptied) {
      let into = firstTaker;
      // A taker emptied in turn hands on to its own taker.
      const seen = new Set([from]);
      while (emptied.has(into) && !seen.has(into)) {
        seen.add(into);
        into = emptied.get(into)!;
      }
      s.redirectStories.run({ at, from, into });
      merged.push({ from, into });
    }
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const row = this.stmts.articleById.get(id) as Row | undefined;
    return row ? this.toArticle(row) : undefined;
  }

  async storyArticles(storyId: string, options: { last?: number } = {}): Promise<StoredArticle[]> {
    const rows = (options.last === undefined ? this.stmts.articlesOfStory.all(storyId) : this.stmts.lastArticlesOfStory.all(storyId, Math.max(0, options.last))) as Row[];
    const sources = new Map<string, StoredSource[]>();
    for (const r of this.stmts.sourcesOfStory.all(storyId) as Row[]) {
      const list = sources.get(r.article_id as string) ?? [];
      list.push(toSource(r));
      sources.set(r.article_id as string, list);
    }
    return rows.map((r) => toArticle(r, sources.get(r.id as string) ?? []));
  }

  async storyArticlesMeta(storyId: string): Promise<StoredArticleMeta[]> {
    const rows = this.stmts.articleMetaOfStory.all(storyId) as Row[];
    const sources = new Map<string, StoredSource[]>();
    for (const r of this.stmts.sourcesOfStory.all(storyId) as Row[]) {
      const list = sources.get(r.article_id as string) ?? [];
      list.push(toSource(r));
      sources.set(r.article_id as string, list);
    }
    return rows.map((r) => {
      const { raw: _raw, cleanText: _clean, bodyOffset: _offset, ...meta } = toArticle(r, sources.get(r.id as string) ?? []);
      return meta;
    });
  }

  async storyRevision(id: string): Promise<{ revision: number; contentVersion: number; briefingVersion?: number; mergedInto?: string } | undefined> {
    const r = this.stmts.storyRevision.get(id) as Row | undefined;
    if (!r) return undefined;
    return { revision: r.revision as number, contentVersion: r.content_version as number, briefingVersion: opt(r.story_version) as number | undefined, ...(r.merged_into ? { mergedInto: r.merged_into as string } : {}) };
  }

  async listStories(options: { since?: string; q?: string; limit?: number; offset?: number; order?: StoryOrder } = {}): Promise<StorySummary[]> {
    const limit = Math.max(1, Math.min(options.limit ?? 50, 500));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const params: unknown[] = [];
    let where = "st.merged_into IS NULL";
    if (options.since) {
      where += " AND st.updated_at >= ?";
      params.push(options.since);
    }
    if (options.q !== undefined) {
      const match = ftsQuery(options.q);
      if (!match) return [];
      where += " AND st.id IN (SELECT a.story_id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?)";
      params.push(match);
    }
    const order = options.order === "size" ? "st.article_count DESC, st.updated_at DESC, st.id DESC" : "st.updated_at DESC, st.id DESC";
    const rows = this.cached(`${STORY_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
    return rows.map((r) => this.toStory(r));
  }

  async getStory(id: string): Promise<StorySummary | undefined> {
    const row = this.stmts.storyById.get(id) as Row | undefined;
    return row ? this.toStory(row) : undefined;
  }

  async getBriefing(storyId: string): Promise<StoredBriefing | undefined> {
    const r = this.stmts.briefing.get(storyId) as Row | undefined;
    if (!r) return undefined;
    return { storyId, storyVersion: r.story_version as number, headline: opt(r.headline), json: r.json as string, computedAt: r.computed_at as string };
  }

  async saveBriefing(b: StoredBriefing & { computeMs?: number }): Promise<void> {
    this.saveBriefingSync(b);
  }

  saveBriefingSync(b: StoredBriefing & { computeMs?: number }): void {
    this.stmts.saveBriefing.run(b.storyId, b.storyVersion, b.headline ?? null, b.json, b.computedAt, b.computeMs ?? null);
  }

  async staleStories(limit = 100): Promise<string[]> {
    return (this.stmts.stale.all(limit) as Row[]).map((r) => r.id as string);
  }

  async search(q: string, limit = 20, offset = 0): Promise<SearchHit[]> {
    const match = ftsQuery(q);
    if (!match) return [];
    const rows = this.stmts.search.all(match, Math.max(1, Math.min(limit, 100)), Math.max(0, Math.floor(offset))) as Row[];
    return rows.map((r) => {
      const { text, ranges } = unmark(r.snippet as string);
      return { articleId: r.id as string, storyId: r.story_id as string, title: r.title as string, source: opt(r.source), published: opt(r.published), snippet: text, ranges };
    });
  }

  async messages(options: { articleId?: string; limit?: number } = {}): Promise<StoredMessage[]> {
    const limit = options.limit ?? 100;
    const rows = (options.articleId ? this.stmts.messagesOfArticle.all(options.articleId, limit) : this.stmts.recentMessages.all(limit)) as Row[];
    return rows.map((r) => ({
      id: r.id as number,
      inputId: opt(r.input_id) as number | undefined,
      articleId: opt(r.article_id),
      file: `input ${r.input_id}`,
      severity: r.severity as Message["severity"],
      ruleId: r.rule_id as string,
      reason: r.reason as string,
      source: opt(r.source),
      createdAt: r.created_at as string,
    }));
  }

  async assignmentState(): Promise<Array<AssignInput & { storyKey: string }>> {
    const rows = this.db.prepare("SELECT a.id, a.title, a.clean_text, a.published, a.word_count, st.assign_key FROM articles a JOIN stories st ON st.id = a.story_id ORDER BY a.seq").all() as Row[];
    return rows.map((r) => ({ id: r.id as string, title: r.title as string, text: r.clean_text as string, published: opt(r.published), wordCount: r.word_count as number, storyKey: r.assign_key as string }));
  }

  async assignKeys(): Promise<string[]> {
    return (this.db.prepare("SELECT assign_key FROM stories").all() as Row[]).map((r) => r.assign_key as string);
  }

  async addFeed(url: string, everySeconds: number, now: Date): Promise<{ feed: FeedRecord; created: boolean }> {
    const existing = this.stmts.feedByUrl.get(url) as Row | undefined;
    if (existing) {
      this.db.prepare("UPDATE feeds SET every_seconds = ? WHERE id = ?").run(everySeconds, existing.id);
      return { feed: toFeed(this.stmts.feedById.get(existing.id) as Row), created: false };
    }
    const id = this.db.transaction(() => {
      const next = (this.stmts.nextId.get("feeds") as { last: number }).last;
      this.db.prepare("INSERT INTO feeds (id, url, every_seconds, created_at, next_at) VALUES (?, ?, ?, ?, ?)").run(next, url, everySeconds, now.toISOString(), now.toISOString());
      return next;
    })();
    return { feed: toFeed(this.stmts.feedById.get(id) as Row), created: true };
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return (this.db.prepare("SELECT * FROM feeds ORDER BY id").all() as Row[]).map(toFeed);
  }

  async getFeed(id: number): Promise<FeedRecord | undefined> {
    const r = this.stmts.feedById.get(id) as Row | undefined;
    return r ? toFeed(r) : undefined;
  }

  async deleteFeed(id: number): Promise<boolean> {
    return this.db.prepare("DELETE FROM feeds WHERE id = ?").run(id).changes > 0;
  }

  async dueFeeds(now: Date): Promise<FeedRecord[]> {
    return (this.db.prepare("SELECT * FROM feeds WHERE next_at <= ? ORDER BY next_at").all(now.toISOString()) as Row[]).map(toFeed);
  }

  async recordFeedResult(id: number, result: { at: Date; nextAt: Date; error?: string; added?: number }): Promise<void> {
    if (result.error !== undefined) {
      this.db.prepare("UPDATE feeds SET last_fetched_at = ?, next_at = ?, last_error = ?, failures = failures + 1 WHERE id = ?").run(result.at.toISOString(), result.nextAt.toISOString(), result.error, id);
    } else {
      this.db
        .prepare("UPDATE feeds SET last_fetched_at = ?, last_ok_at = ?, next_at = ?, last_error = NULL, failures = 0, articles_added = articles_added + ? WHERE id = ?")
        .run(result.at.toISOString(), result.at.toISOString(), result.nextAt.toISOString(), result.added ?? 0, id);
    }
  }

  async counts(): Promise<StoreCounts> {
    const one = (sql: string): number => (this.cached(sql).get() as { n: number }).n;
    return {
      inputs: one("SELECT COUNT(*) AS n FROM inputs"),
      articles: one("SELECT COUNT(*) AS n FROM articles"),
      stories: one("SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL"),
      messages: one("SELECT COUNT(*) AS n FROM messages"),
      feeds: one("SELECT COUNT(*) AS n FROM feeds"),
    };
  }

  async schemaVersion(): Promise<number> {
    return (this.cached("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version").get() as { v: number }).v;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Throws SQLite's error when the file cannot be written (read-only file, directory or disk): rewrites the header's user_version with its own value. */
  probeWrite(): void {
    this.db.pragma(`user_version = ${Number(this.db.pragma("user_version", { simple: true }))}`);
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement for SQL built at run time (a few shapes), prepared once. */
  private cached(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  private toArticle(row: Row): StoredArticle {
    const sources = (this.stmts.sourcesOfArticle.all(row.id) as Row[]).map(toSource);
    return toArticle(row, sources);
  }

  private toStory(r: Row): StorySummary {
    return {
      id: r.id as string,
      title: r.title as string,
      headline: opt(r.headline),
      articleCount: r.article_count as number,
      sources: r.sources ? String(r.sources).split("\u001f").filter(Boolean) : [],
      firstPublished: opt(r.first_published),
      lastPublished: opt(r.last_published),
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
      contentVersion: r.content_version as number,
      revision: r.revision as number,
      briefingVersion: opt(r.story_version) as number | undefined,
      ...(r.merged_into ? { mergedInto: r.merged_into as string } : {}),
    };
  }
}

const STORY_SELECT = `SELECT st.*, b.headline, b.story_version,
  (SELECT GROUP_CONCAT(src, char(31)) FROM (SELECT DISTINCT COALESCE(s.source, s.url) AS src FROM article_sources s JOIN articles a ON a.id = s.article_id WHERE a.story_id = st.id AND src IS NOT NULL ORDER BY src LIMIT 50)) AS sources
  FROM stories st LEFT JOIN briefings b ON b.story_id = st.id`;

/** A story gained or changed an article: its briefing is stale, and its date range takes in `@pub`. */
function storyChange(articleCount: string): string {
  return `UPDATE stories SET updated_at = @at, content_version = content_version + 1, revision = revision + 1, article_count = ${articleCount},
       first_published = CASE WHEN @pub IS NULL THEN first_published WHEN first_published IS NULL OR @pub < first_published THEN @pub ELSE first_published END,
       last_published = CASE WHEN @pub IS NULL THEN last_published WHEN last_published IS NULL OR @pub > last_published THEN @pub ELSE last_published END
       WHERE id = @id`;
}

/** Why a URL already stored with other text was not stored again, and how to replace it. */
function textConflict(file: string, articleId: string, url: string, inputId: number, sameTextId: string | undefined): Message {
  const reason = sameTextId
    ? `${url} is stored as article ${articleId} with different text, and the text sent is already stored as article ${sameTextId}: nothing was changed (what was sent is kept as input ${inputId})`
    : `${url} is stored as article ${articleId} with different text: the stored text was kept and this version was not stored (it is kept as input ${inputId}); to replace the stored text, send it again with "replace": true`;
  return { file, severity: "warning", ruleId: "url-text-differs", reason, source: "store" };
}

function prepare(db: Database.Database) {
  return {
    insertInput: db.prepare("INSERT INTO inputs (received_at, kind, client, feed_id, body, status) VALUES (?, ?, ?, ?, ?, ?)"),
    setInput: db.prepare("UPDATE inputs SET status = ?, article_id = ? WHERE id = ?"),
    articleByUrlKey: db.prepare("SELECT seq, id, story_id, content_hash FROM articles WHERE url_key = ?"),
    replaceArticle: db.prepare(
      "UPDATE articles SET title = @title, source = @source, published = @published, raw = @raw, body_offset = @offset, clean_text = @clean, word_count = @words, content_hash = @hash WHERE id = @id",
    ),
    deleteFts: db.prepare("DELETE FROM articles_fts WHERE rowid = ?"),
    articleByHash: db.prepare("SELECT id, story_id FROM articles WHERE content_hash = ?"),
    nextId: db.prepare("UPDATE id_sequences SET last = last + 1 WHERE name = ? RETURNING last"),
    storyByKey: db.prepare("SELECT id FROM stories WHERE assign_key = ?"),
    moveArticles: db.prepare("UPDATE articles SET story_id = ? WHERE story_id = ?"),
    articleStory: db.prepare("SELECT story_id, title FROM articles WHERE id = ?"),
    setArticleStory: db.prepare("UPDATE articles SET story_id = ? WHERE id = ?"),
    storyCount: db.prepare("SELECT article_count FROM stories WHERE id = ?"),
    recountStory: db.prepare(
      `UPDATE stories SET updated_at = @at, content_version = content_version + 1, revision = revision + 1,
         article_count = (SELECT COUNT(*) FROM articles WHERE story_id = @id),
         first_published = (SELECT MIN(published) FROM articles WHERE story_id = @id),
         last_published = (SELECT MAX(published) FROM articles WHERE story_id = @id),
         title = CASE WHEN EXISTS (SELECT 1 FROM articles WHERE story_id = @id AND title = stories.title) THEN title
                      ELSE COALESCE((SELECT title FROM articles WHERE story_id = @id ORDER BY seq LIMIT 1), title) END
       WHERE id = @id`,
    ),
    absorbStory: db.prepare(
      `UPDATE stories SET updated_at = @at, content_version = content_version + 1, revision = revision + 1,
         article_count = article_count + (SELECT article_count FROM stories WHERE id = @from),
         first_published = (SELECT MIN(p) FROM (SELECT first_published AS p FROM stories WHERE id IN (@from, @into))),
         last_published = (SELECT MAX(p) FROM (SELECT last_published AS p FROM stories WHERE id IN (@from, @into)))
       WHERE id = @into`,
    ),
    redirectStories: db.prepare(
      "UPDATE stories SET merged_into = @into, revision = revision + 1, updated_at = @at, article_count = CASE WHEN id = @from THEN 0 ELSE article_count END WHERE id = @from OR merged_into = @from",
    ),
    insertStory: db.prepare("INSERT INTO stories (id, assign_key, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"),
    insertArticle: db.prepare(
      "INSERT INTO articles (seq, id, url, url_key, content_hash, title, source, published, raw, body_offset, clean_text, word_count, story_id, input_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    insertFts: db.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)"),
    sameSource: db.prepare("SELECT 1 FROM article_sources WHERE article_id = ? AND source IS ? AND url IS ? AND title IS ?"),
    insertSource: db.prepare("INSERT INTO article_sources (article_id, input_id, source, url, title, received_at) VALUES (?, ?, ?, ?, ?, ?)"),
    growStory: db.prepare(storyChange("article_count + 1")),
    reviseStory: db.prepare(storyChange("article_count")),
    touchStory: db.prepare("UPDATE stories SET updated_at = ?, revision = revision + 1 WHERE id = ?"),
    sameMessage: db.prepare("SELECT 1 FROM messages WHERE article_id = ? AND rule_id = ? AND reason = ?"),
    insertMessage: db.prepare("INSERT INTO messages (input_id, article_id, severity, rule_id, reason, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    articleById: db.prepare("SELECT * FROM articles WHERE id = ?"),
    articlesOfStory: db.prepare("SELECT * FROM articles WHERE story_id = ? ORDER BY seq"),
    lastArticlesOfStory: db.prepare("SELECT * FROM (SELECT * FROM articles WHERE story_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq"),
    articleMetaOfStory: db.prepare("SELECT seq, id, url, source, title, published, word_count, content_hash, story_id, input_id, created_at FROM articles WHERE story_id = ? ORDER BY seq"),
    storyRevision: db.prepare("SELECT st.revision, st.content_version, st.merged_into, b.story_version FROM stories st LEFT JOIN briefings b ON b.story_id = st.id WHERE st.id = ?"),
    sourcesOfArticle: db.prepare("SELECT * FROM article_sources WHERE article_id = ? ORDER BY input_id"),
    sourcesOfStory: db.prepare("SELECT s.* FROM article_sources s JOIN articles a ON a.id = s.article_id WHERE a.story_id = ? ORDER BY s.input_id"),
    storyById: db.prepare(`${STORY_SELECT} WHERE st.id = ?`),
    briefing: db.prepare("SELECT * FROM briefings WHERE story_id = ?"),
    saveBriefing: db.prepare(
      `INSERT INTO briefings (story_id, story_version, headline, json, computed_at, compute_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(story_id) DO UPDATE SET story_version = excluded.story_version, headline = excluded.headline, json = excluded.json,
         computed_at = excluded.computed_at, compute_ms = excluded.compute_ms WHERE excluded.story_version >= briefings.story_version`,
    ),
    stale: db.prepare("SELECT st.id FROM stories st LEFT JOIN briefings b ON b.story_id = st.id WHERE st.merged_into IS NULL AND (b.story_version IS NULL OR b.story_version < st.content_version) ORDER BY st.updated_at LIMIT ?"),
    search: db.prepare(
      `SELECT a.id, a.story_id, a.title, a.source, a.published, snippet(articles_fts, 1, char(2), char(3), '…', 16) AS snippet
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
    ),
    messagesOfArticle: db.prepare("SELECT * FROM messages WHERE article_id = ? ORDER BY id DESC LIMIT ?"),
    recentMessages: db.prepare("SELECT * FROM messages ORDER BY id DESC LIMIT ?"),
    feedByUrl: db.prepare("SELECT * FROM feeds WHERE url = ?"),
    feedById: db.prepare("SELECT * FROM feeds WHERE id = ?"),
  };
}

/** Applies the migrations newer than the database's version, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[], now: () => Date = () => new Date()): number[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const have = currentVersion(db);
  const applied: number[] = [];
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3…: found ${m.version} at position ${i + 1}`);
  });
  for (const m of sorted) {
    if (m.version <= have) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, now().toISOString());
    })();
    applied.push(m.version);
  }
  if (have > sorted.length) throw new Error(`database schema version ${have} is newer than this newsbrief knows (${sorted.length}): upgrade newsbrief`);
  return applied;
}

function currentVersion(db: Database.Database): number {
  return (db.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM schema_version").get() as { v: number }).v;
}

function toArticle(r: Row, sources: StoredSource[]): StoredArticle {
  return {
    id: r.id as string,
    title: r.title as string,
    url: opt(r.url),
    source: opt(r.source),
    published: opt(r.published),
    raw: r.raw as string,
    bodyOffset: opt(r.body_offset) as number | undefined,
    cleanText: r.clean_text as string,
    wordCount: r.word_count as number,
    contentHash: r.content_hash as string,
    storyId: r.story_id as string,
    inputId: r.input_id as number,
    createdAt: r.created_at as string,
    sources,
  };
}

function toSource(r: Row): StoredSource {
  return { source: opt(r.source), url: opt(r.url), title: opt(r.title), receivedAt: r.received_at as string, inputId: r.input_id as number };
}

function toFeed(r: Row): FeedRecord {
  return {
    id: r.id as number,
    url: r.url as string,
    everySeconds: r.every_seconds as number,
    createdAt: r.created_at as string,
    nextAt: r.next_at as string,
    lastFetchedAt: opt(r.last_fetched_at),
    lastOkAt: opt(r.last_ok_at),
    lastError: opt(r.last_error),
    failures: r.failures as number,
    articlesAdded: r.articles_added as number,
  };
}

function opt<T = string>(v: unknown): T | undefined {
  return v === null || v === undefined ? undefined : (v as T);
}

/** Strips FTS5 snippet markers (\u0002…\u0003), returning the plain text and the marked ranges. */
function unmark(marked: string): { text: string; ranges: Array<[number, number]> } {
  let text = "";
  const ranges: Array<[number, number]> = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === "\u0002") open = text.length;
    else if (ch === "\u0003") {
      if (open >= 0) ranges.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, ranges };
}
