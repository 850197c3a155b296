import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { SingleStoryAssigner, TitleWordsAssigner } from "./assigner.js";
import { MIGRATIONS } from "./migrations/index.js";
import { migrate, SqliteStore } from "./sqlite.js";
import { contentHash, ftsQuery, urlKey } from "./text.js";
import type { IngestItem, PreparedArticle } from "./types.js";

const dir = mkdtempSync(path.join(tmpdir(), "nb-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => new SqliteStore(path.join(dir, `s${++n}.db`));

function item(title: string, text: string, extra: Partial<PreparedArticle> = {}): IngestItem {
  return {
    input: { kind: "api", body: JSON.stringify({ title, text, ...extra }) },
    messages: [],
    article: { title, raw: text, cleanText: text, wordCount: text.split(/\s+/).length, contentHash: contentHash(text), urlKey: urlKey(extra.url), ...extra },
  };
}

describe("SqliteStore", () => {
  test("opens in WAL mode with the schema migrated once", async () => {
    const file = path.join(dir, "wal.db");
    const a = new SqliteStore(file);
    assert.equal(a.db.pragma("journal_mode", { simple: true }), "wal");
    assert.equal(a.db.pragma("synchronous", { simple: true }), 1); // NORMAL: durable across process crashes in WAL mode
    assert.equal(await a.schemaVersion(), MIGRATIONS.length);
    await a.close();
    const b = new SqliteStore(file);
    const rows = b.db.prepare("SELECT version FROM schema_version").all();
    assert.equal(rows.length, MIGRATIONS.length);
    await b.close();
  });

  test("a story's article list is read from an index alone, never from the rows holding the texts", async () => {
    const store = fresh();
    const plan = (sql: string) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all("s1") as Array<{ detail: string }>).map((r) => r.detail).join(" | ");
    assert.match(plan(store["stmts"].articleMetaOfStory.source), /^SEARCH articles USING COVERING INDEX/);
    await store.close();
  });

  test("migrations apply in order and only once; a newer database is refused", () => {
    const db = new Database(":memory:");
    const extra = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: "extra", sql: "CREATE TABLE extra (x INTEGER)" }];
    assert.deepEqual(migrate(db, MIGRATIONS), MIGRATIONS.map((m) => m.version));
    assert.deepEqual(migrate(db, extra), [MIGRATIONS.length + 1]);
    assert.deepEqual(migrate(db, extra), []);
    assert.throws(() => migrate(db, MIGRATIONS), /newer than this newsbrief knows/);
    assert.throws(() => migrate(new Database(":memory:"), [{ version: 2, name: "gap", sql: "" }]), /numbered 1, 2, 3/);
  });

  test("merging stories moves their articles, adds up counts and dates, and leaves a pointer at the survivor", async () => {
    const store = fresh();
    const keys = ["a", "b", "c"];
    let i = 0;
    const plain = () => keys[i++];
    const [a, b, c] = await store.ingest(
      [item("Storm hits the coast", "The storm reached the coast.", { published: "2024-03-02" }), item("Evacuations", "Towns were evacuated.", { published: "2024-03-01" }), item("Rain", "Rain is expected.")],
      plain,
    );
    assert.deepEqual([a.storyId, b.storyId, c.storyId], ["s1", "s2", "s3"]);
    await store.saveBriefing({ storyId: "s1", storyVersion: 1, json: "{}", computedAt: "2024-03-02T00:00:00Z" });
    // The fourth article joins story "a"; its arrival shows "b" and then "a" belong with "c".
    const [d] = await store.ingest([item("Flood", "The river flooded the towns.", { published: "2024-03-04" })], () => ({ key: "a", merges: [{ from: "b", into: "a" }, { from: "a", into: "c" }] }));
    assert.equal(d.storyId, "s3", "the outcome names the story the article is in once the batch is stored");
    assert.deepEqual(d.merged, [{ from: "s2", into: "s1" }, { from: "s1", into: "s3" }]);
    const survivor = (await store.getStory("s3"))!;
    assert.equal(survivor.articleCount, 4);
    assert.deepEqual([survivor.firstPublished, survivor.lastPublished], ["2024-03-01", "2024-03-04"]);
    assert.deepEqual((await store.storyArticles("s3")).map((x) => x.id).sort(), [a.articleId, b.articleId, c.articleId, d.articleId].sort());
    for (const gone of ["s1", "s2"]) {
      const story = (await store.getStory(gone))!;
      assert.equal(story.mergedInto, "s3", `${gone} points at the story holding its articles`);
      assert.equal(story.articleCount, 0);
      assert.equal((await store.storyRevision(gone))?.mergedInto, "s3");
    }
    assert.deepEqual((await store.listStories()).map((s) => s.id), ["s3"]);
    assert.equal((await store.counts()).stories, 1);
    assert.deepEqual(await store.staleStories(), ["s3"], "only the survivor needs a new briefing");
    assert.deepEqual((await store.search("flooded")).map((h) => h.storyId), ["s3"]);
    const state = await store.assignmentState();
    assert.deepEqual(new Set(state.map((x) => x.storyKey)), new Set(["c"]), "a restart replays every article under the survivor's key");
    await store.close();
  });

  test("moving articles recounts both stories and their dates, makes both briefings stale, and points an emptied story at its main taker", async () => {
    const store = fresh();
    const keys = ["a", "a", "b", "c"];
    let i = 0;
    const [a1, a2, b1, c1] = await store.ingest(
      [
        item("Storm hits the coast", "The storm reached the coast.", { published: "2024-03-02" }),
        item("Rain", "Rain is expected.", { published: "2024-03-09" }),
        item("Evacuations", "Towns were evacuated.", { published: "2024-03-01" }),
        item("Bridge closed", "The bridge is closed.", { published: "2024-03-05" }),
      ],
      () => keys[i++],
    );
    assert.deepEqual([a1.storyId, a2.storyId, b1.storyId, c1.storyId], ["s1", "s1", "s2", "s3"]);
    for (const id of ["s1", "s2", "s3"]) await store.saveBriefing({ storyId: id, storyVersion: (await store.getStory(id))!.contentVersion, json: "{}", computedAt: "2024-03-10T00:00:00Z" });
    const before = (await store.getStory("s1"))!;
    // A new article's arrival regroups: "Rain" leaves story a for b, "Bridge closed" joins a (emptying c), and the new article starts story d with "Storm".
    const [d] = await store.ingest([item("Flood", "The river flooded the towns.", { published: "2024-03-04" })], () => ({
      key: "d",
      moves: [
        { articleId: a2.articleId!, key: "b" },
        { articleId: c1.articleId!, key: "a" },
        { articleId: a1.articleId!, key: "d" },
        { articleId: b1.articleId!, key: "b" },
      ],
    }));
    assert.equal(d.storyId, "s4");
    assert.deepEqual(d.moved, [
      { articleId: a2.articleId, from: "s1", into: "s2" },
      { articleId: c1.articleId, from: "s3", into: "s1" },
      { articleId: a1.articleId, from: "s1", into: "s4" },
    ]);
    assert.deepEqual(d.merged, [{ from: "s3", into: "s1" }]);
    const story = async (id: string) => {
      const st = (await store.getStory(id))!;
      return [st.articleCount, st.firstPublished, st.lastPublished, (await store.storyArticles(id)).map((x) => x.id)];
    };
    assert.deepEqual(await story("s1"), [1, "2024-03-05", "2024-03-05", [c1.articleId]]);
    assert.deepEqual(await story("s2"), [2, "2024-03-01", "2024-03-09", [a2.articleId, b1.articleId]]);
    assert.deepEqual(await story("s4"), [2, "2024-03-02", "2024-03-04", [a1.articleId, d.articleId]]);
    const titles = await Promise.all(["s1", "s2", "s4"].map(async (id) => (await store.getStory(id))!.title));
    assert.deepEqual(titles, ["Bridge closed", "Evacuations", "Flood"], "a story whose titling article left takes its remaining article's title; the others keep theirs");
    const after = (await store.getStory("s1"))!;
    assert.ok(after.revision > before.revision && after.contentVersion > before.contentVersion);
    assert.deepEqual((await store.staleStories()).sort(), ["s1", "s2", "s4"], "every story that gained or lost articles needs a new briefing");
    assert.equal((await store.storyRevision("s3"))?.mergedInto, "s1", "the emptied story's links lead to the story that took its article");
    assert.equal((await store.getStory("s3"))!.articleCount, 0);
    assert.deepEqual((await store.listStories()).map((s) => s.id).sort(), ["s1", "s2", "s4"]);
    assert.deepEqual((await store.search("bridge")).map((h) => h.storyId), ["s1"]);
    await store.close();
  });

  test("de-duplicates by URL and by normalised text, keeping every source", async () => {
    const store = fresh();
    const assign = () => "k";
    const text = "The storm reached the coast on Monday. Thousands were evacuated from low-lying towns.";
    const [first] = await store.ingest([item("Storm hits coast", text, { url: "https://www.example.com/storm?utm_source=x", source: "Example" })], assign);
    assert.equal(first.status, "created");
    const [byUrl] = await store.ingest([item("Storm hits the coast (updated)", text, { url: "https://example.com/storm/#top", source: "Example" })], assign);
    assert.equal(byUrl.status, "duplicate");
    assert.equal(byUrl.matchedBy, "url");
    assert.equal(byUrl.articleId, first.articleId);
    const [byText] = await store.ingest([item("STORM HITS COAST", contentVariant(text), { source: "Wire" })], assign);
    // the prepared hash is computed from the variant: equal after normalisation
    assert.equal(byText.status, "duplicate");
    assert.equal(byText.matchedBy, "content");
    const a = (await store.getArticle(first.articleId!))!;
    assert.deepEqual(a.sources.map((s) => s.source), ["Example", "Example", "Wire"]);
    const counts = await store.counts();
    assert.equal(counts.articles, 1);
    assert.equal(counts.inputs, 3);
    const story = (await store.getStory(a.storyId))!;
    assert.equal(story.contentVersion, 1, "a duplicate does not make the briefing stale");
    assert.equal(story.revision, 3, "but it changes the story page (sources)");
    await store.close();
  });

  test("keeps what was sent even when no article could be made, with its messages", async () => {
    const store = fresh();
    const [o] = await store.ingest([{ input: { kind: "form", body: '{"text":"   "}' }, messages: [{ file: "form", severity: "error", ruleId: "no-text", reason: "no article text" }] }], () => "k");
    assert.equal(o.status, "rejected");
    const raw = store.db.prepare("SELECT body, status FROM inputs WHERE id = ?").get(o.inputId) as { body: string; status: string };
    assert.deepEqual(raw, { body: '{"text":"   "}', status: "rejected" });
    const msgs = await store.messages();
    assert.equal(msgs[0].ruleId, "no-text");
    assert.equal(msgs[0].inputId, o.inputId);
    await store.close();
  });

  test("groups articles into stories, tracks dates and briefing staleness", async () => {
    const store = fresh();
    const assigner = new TitleWordsAssigner();
    const assign = (x: Parameters<TitleWordsAssigner["assign"]>[0]) => assigner.assign(x);
    const out = await store.ingest(
      [
        item("Volcano erupts in Iceland", "Lava flowed near the town. Residents left.", { published: "2024-01-14" }),
        item("Iceland volcano lava reaches town", "Homes burned as lava reached the town.", { published: "2024-01-12" }),
        item("Central bank raises rates", "The bank raised its main rate by a quarter point.", { published: "2024-01-13" }),
      ],
      assign,
    );
    assert.equal(out[0].storyId, out[1].storyId);
    assert.notEqual(out[0].storyId, out[2].storyId);
    const volcano = (await store.getStory(out[0].storyId!))!;
    assert.equal(volcano.articleCount, 2);
    assert.equal(volcano.firstPublished, "2024-01-12");
    assert.equal(volcano.lastPublished, "2024-01-14");
    assert.deepEqual((await store.staleStories()).sort(), [out[0].storyId, out[2].storyId].sort());
    await store.saveBriefing({ storyId: volcano.id, storyVersion: 2, json: "{}", headline: "H", computedAt: "2024-01-15T00:00:00Z" });
    await store.saveBriefing({ storyId: volcano.id, storyVersion: 1, json: "{old}", computedAt: "2024-01-15T00:00:01Z" });
    assert.equal((await store.getBriefing(volcano.id))!.json, "{}", "an older briefing never replaces a newer one");
    assert.deepEqual(await store.staleStories(), [out[2].storyId]);
    const listed = await store.listStories({ q: "lava" });
    assert.deepEqual(listed.map((s) => s.id), [volcano.id]);
    assert.equal(listed[0].headline, "H");
    assert.equal((await store.listStories({ since: "2999-01-01" })).length, 0);
    assert.equal((await store.storyArticles(volcano.id)).length, 2);
    // the assigner picks up where it left off after a restart
    const again = new TitleWordsAssigner();
    again.load(await store.assignmentState());
    assert.equal(again.assign({ id: "x", title: "Lava from Iceland volcano", text: "" }), (await store.assignmentState())[0].storyKey);
    assert.ok(!["t1", "t2"].includes(again.assign({ id: "y", title: "Unrelated football final", text: "" })));
    await store.close();
  });

  test("full-text search returns snippets with match ranges and survives FTS syntax", async () => {
    const store = fresh();
    await store.ingest([item("Floods in Valencia", "Heavy rain caused flash floods in Valencia on Tuesday, killing dozens.")], new SingleStoryAssigner().assign);
    const hits = await store.search("flood");
    assert.equal(hits.length, 1);
    const [s, e] = hits[0].ranges[0];
    assert.match(hits[0].snippet.slice(s, e), /^floods$/i);
    for (const q of ['"', "NEAR(a b)", "title:x OR", "*", "a AND -b", ")("]) assert.doesNotThrow(() => store.search(q));
    assert.deepEqual(await store.search("   "), []);
    assert.equal(ftsQuery('x" OR y'), '"x" "OR" "y"*');
    await store.close();
  });

  test("feeds: add, reschedule, due, results, delete", async () => {
    const store = fresh();
    const t0 = new Date("2026-01-01T00:00:00Z");
    const { feed, created } = await store.addFeed("https://example.com/rss", 3600, t0);
    assert.ok(created);
    assert.equal((await store.addFeed("https://example.com/rss", 600, t0)).created, false);
    assert.equal((await store.getFeed(feed.id))!.everySeconds, 600);
    assert.equal((await store.dueFeeds(t0)).length, 1);
    await store.recordFeedResult(feed.id, { at: t0, nextAt: new Date(t0.getTime() + 1200e3), error: "boom" });
    let f = (await store.getFeed(feed.id))!;
    assert.equal(f.lastError, "boom");
    assert.equal(f.failures, 1);
    assert.equal((await store.dueFeeds(t0)).length, 0);
    await store.recordFeedResult(feed.id, { at: t0, nextAt: t0, added: 3 });
    f = (await store.getFeed(feed.id))!;
    assert.equal(f.lastError, undefined);
    assert.equal(f.failures, 0);
    assert.equal(f.articlesAdded, 3);
    assert.ok(await store.deleteFeed(feed.id));
    assert.equal(await store.deleteFeed(feed.id), false);
    await store.close();
  });

  test("the same article from the same source sent again (a feed polled again) adds no source, no repeated warning, and leaves the story's place in the list", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z");
    const store = new SqliteStore(path.join(dir, "repoll.db"), { now: () => new Date((clock += 60_000)) });
    const same = () => item("Storm", "The storm reached the coast.", { url: "https://example.com/storm", source: "Herald" });
    const [first] = await store.ingest([same()], () => "k");
    const before = (await store.getStory(first.storyId!))!;
    const [again] = await store.ingest([same()], () => "k");
    assert.deepEqual([again.status, again.articleId], ["duplicate", first.articleId]);
    assert.equal((await store.getArticle(first.articleId!))!.sources.length, 1);
    const after = (await store.getStory(first.storyId!))!;
    assert.deepEqual([after.updatedAt, after.revision], [before.updatedAt, before.revision]);
    assert.equal((await store.counts()).inputs, 2, "what was sent is kept");
    const warned = (): IngestItem => ({ ...same(), messages: [{ file: "feed", severity: "warning", ruleId: "too-short", reason: "only 5 word(s)" }] });
    await store.ingest([warned()], () => "k");
    await store.ingest([warned()], () => "k");
    assert.equal((await store.messages({ articleId: first.articleId })).length, 1, "its warning is listed once");
    const [other] = await store.ingest([{ ...same(), article: { ...same().article!, source: "Wire" } }], () => "k");
    assert.equal(other.status, "duplicate");
    assert.deepEqual((await store.getArticle(first.articleId!))!.sources.map((x) => x.source), ["Herald", "Wire"]);
    await store.close();
  });

  test("a URL stored with other text: a conflict that changes nothing, a replacement on request, never a copy of another article's text", async () => {
    const store = fresh();
    const url = "https://example.com/storm";
    const [a] = await store.ingest([item("Storm", "The storm reached the coast.", { url }), item("Flood", "The river flooded the towns.")], () => "k");
    const [conflict] = await store.ingest([item("Storm", "The storm reached the coast at dawn.", { url })], () => "k");
    assert.deepEqual([conflict.status, conflict.articleId, conflict.messages[0].ruleId], ["conflict", a.articleId, "url-text-differs"]);
    assert.equal((await store.getArticle(a.articleId!))!.cleanText, "The storm reached the coast.");
    const [copy] = await store.ingest([{ ...item("Storm", "The river flooded the towns.", { url }), replace: true }], () => "k");
    assert.equal(copy.status, "conflict");
    assert.match(copy.messages[0].reason, /already stored as article a2: nothing was changed/);
    const version = (await store.getStory(a.storyId!))!.contentVersion;
    const [replaced] = await store.ingest([{ ...item("Storm", "The storm reached the coast at dawn.", { url }), replace: true }], () => "k");
    assert.deepEqual([replaced.status, replaced.articleId], ["replaced", a.articleId]);
    assert.equal((await store.getArticle(a.articleId!))!.cleanText, "The storm reached the coast at dawn.");
    assert.equal((await store.getStory(a.storyId!))!.contentVersion, version + 1, "the briefing is stale");
    assert.deepEqual((await store.search("dawn")).map((h) => h.articleId), [a.articleId]);
    await store.close();
  });

  test("ids are never reused: after the newest article, story or feed is deleted, the next one gets a new id", async () => {
    const store = fresh();
    const keys = ["a", "b", "c"];
    let i = 0;
    await store.ingest([item("Storm", "The storm reached the coast."), item("Flood", "The river flooded the towns.")], () => keys[i++]);
    deleteArticleAndStory(store.db, "a2", "s2");
    const [c] = await store.ingest([item("Rain", "Rain is expected.")], () => keys[i++]);
    assert.deepEqual([c.articleId, c.storyId], ["a3", "s3"]);
    const t0 = new Date("2026-01-01T00:00:00Z");
    await store.addFeed("https://example.com/one", 3600, t0);
    const two = (await store.addFeed("https://example.com/two", 3600, t0)).feed;
    await store.deleteFeed(two.id);
    assert.equal((await store.addFeed("https://example.com/three", 3600, t0)).feed.id, two.id + 1);
    await store.close();
  });

  test("a database made by schema 3 keeps its data and from then on never reuses an id", async () => {
    const file = path.join(dir, "schema3.db");
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 3));
    const at = "2026-01-01T00:00:00Z";
    for (const n of [1, 2]) {
      old.prepare("INSERT INTO inputs (id, received_at, kind, body, status, article_id) VALUES (?, ?, 'api', '{}', 'created', ?)").run(n, at, `a${n}`);
      old.prepare("INSERT INTO stories (id, assign_key, title, created_at, updated_at, article_count) VALUES (?, ?, 'T', ?, ?, 1)").run(`s${n}`, `k${n}`, at, at);
      old.prepare("INSERT INTO articles (seq, id, content_hash, title, raw, clean_text, word_count, story_id, input_id, created_at) VALUES (?, ?, ?, 'T', ?, ?, 3, ?, ?, ?)").run(n, `a${n}`, `h${n}`, `Text number ${n}.`, `Text number ${n}.`, `s${n}`, n, at);
      old.prepare("INSERT INTO feeds (id, url, every_seconds, created_at, next_at) VALUES (?, ?, 3600, ?, ?)").run(n, `https://example.com/${n}`, at, at);
    }
    old.close();
    const store = new SqliteStore(file);
    assert.equal(await store.schemaVersion(), MIGRATIONS.length);
    assert.equal((await store.getArticle("a2"))!.cleanText, "Text number 2.");
    assert.deepEqual(await store.counts(), { inputs: 2, articles: 2, stories: 2, messages: 0, feeds: 2 });
    deleteArticleAndStory(store.db, "a2", "s2");
    await store.deleteFeed(2);
    const [c] = await store.ingest([item("Rain", "Rain is expected.")], () => "k3");
    assert.deepEqual([c.articleId, c.storyId], ["a3", "s3"]);
    assert.equal((await store.addFeed("https://example.com/3", 3600, new Date(at))).feed.id, 3);
    await store.close();
  });

  test("urlKey and contentHash normalise what does not identify an article", () => {
    assert.equal(urlKey("https://WWW.Example.com/a/b/?utm_medium=x&id=2#frag"), urlKey("http://example.com/a/b?id=2"));
    assert.notEqual(urlKey("https://example.com/a?id=2"), urlKey("https://example.com/a?id=3"));
    assert.equal(contentHash("Café  opens,\nToday!"), contentHash("cafe opens today"));
  });
});

/** What an operator removing an article by hand does (the service itself never deletes one). */
function deleteArticleAndStory(db: Database.Database, articleId: string, storyId: string): void {
  db.prepare("DELETE FROM article_sources WHERE article_id = ?").run(articleId);
  db.prepare("DELETE FROM articles_fts WHERE rowid = (SELECT seq FROM articles WHERE id = ?)").run(articleId);
  db.prepare("DELETE FROM articles WHERE id = ?").run(articleId);
  db.prepare("DELETE FROM stories WHERE id = ?").run(storyId);
}

function contentVariant(text: string): string {
  return `  ${text.toUpperCase().replace(/ /g, "\n")}  `;
}
