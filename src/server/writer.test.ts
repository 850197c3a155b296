import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { loadSet, mixtures } from "../bench/story-data.js";
import { SqliteStore } from "../store/sqlite.js";
import type { IngestOutcome } from "../store/types.js";
import { wikinewsArticles } from "../testing/newsroom.js";
import type { PrepareJob } from "./preparer.js";
import { GroupWriter, WorkerWriter, type WriteReply } from "./writer.js";

const dir = mkdtempSync(path.join(tmpdir(), "nb-writer-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const dbFile = () => path.join(dir, `w${++n}.db`);

const articles = wikinewsArticles();
const job = (i: number): PrepareJob => ({ item: articles[i], input: { kind: "api", body: JSON.stringify(articles[i]) } });
const outcomes = (r: WriteReply): IngestOutcome[] => {
  assert.ok("reply" in r, `expected a reply, got ${JSON.stringify(r)}`);
  return r.reply as IngestOutcome[];
};

describe("GroupWriter", () => {
  test("a group of requests is stored in order and each gets its own outcomes", async () => {
    const store = new SqliteStore(dbFile());
    const writer = await GroupWriter.open(store, "title-words");
    const replies = await writer.apply([
      { op: "submit", jobs: [job(0), job(1)] },
      { op: "submit", jobs: [job(2)] },
      { op: "saveBriefing", briefing: { storyId: "s1", storyVersion: 1, json: "{}", computedAt: "2026-01-01T00:00:00Z" } },
      { op: "submit", jobs: [job(0)] },
    ]);
    assert.deepEqual(outcomes(replies[0]).map((o) => o.articleId), ["a1", "a2"]);
    assert.deepEqual(outcomes(replies[1]).map((o) => o.articleId), ["a3"]);
    assert.deepEqual(replies[2], { reply: null });
    assert.deepEqual(outcomes(replies[3]).map((o) => [o.status, o.articleId]), [["duplicate", "a1"]]);
    assert.equal((await store.counts()).articles, 3);
    assert.equal((await store.getBriefing("s1"))?.storyVersion, 1);
    await store.close();
  });

  test("one failing request fails alone; the others of its group are stored and stories stay consistent", async () => {
    const store = new SqliteStore(dbFile());
    const writer = await GroupWriter.open(store, "title-words");
    const update: PrepareJob = { item: { ...articles[0], url: `${articles[0].url}?update`, text: `${articles[0].text}\n\nMore to follow.` }, input: { kind: "api", body: "{}" } };
    const broken = { input: { kind: "api" as const, body: "{}" }, messages: [], article: { title: null as unknown as string, raw: "x", cleanText: "x", wordCount: 1, contentHash: "h" } };
    const replies = await writer.apply([{ op: "submit", jobs: [job(0)] }, { op: "ingest", items: [broken] }]);
    assert.equal(outcomes(replies[0])[0].status, "created");
    assert.ok("error" in replies[1], JSON.stringify(replies[1]));
    assert.equal((await store.counts()).articles, 1);
    const [later] = outcomes((await writer.apply([{ op: "submit", jobs: [update] }]))[0]);
    assert.equal(later.status, "created");
    assert.equal(later.storyId, outcomes(replies[0])[0].storyId, "the rebuilt assigner still knows the stored story");
    await store.close();
  });
});

describe("GroupWriter with the story-index assigner: stored articles move as the stories follow the batch grouping", () => {
  // The first 70 articles of the largest of eight seeded DUC 2003 task 2 mixtures (ten-article clusters on neighbouring subjects, interleaved), read at run time.
  const mix = mixtures(loadSet("duc2003_task2"), 8, 7).sort((a, b) => b.articles.length - a.articles.length)[0].articles.slice(0, 70);
  const mixJob = (a: (typeof mix)[number]): PrepareJob => ({ item: { title: a.title, text: a.text, published: a.published }, input: { kind: "api", body: "{}" } });
  const storyOfArticles = (store: SqliteStore) => new Map((store.db.prepare("SELECT id, story_id FROM articles ORDER BY seq").all() as Array<{ id: string; story_id: string }>).map((r) => [r.id, r.story_id]));
  const redirects = (store: SqliteStore) => store.db.prepare("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL ORDER BY id").all();
  const feed = async (writer: GroupWriter, from: number, to: number) => (await writer.apply(mix.slice(from, to).map((a) => ({ op: "submit", jobs: [mixJob(a)] })))).flatMap(outcomes);

  test("after many moves every article is in exactly one live story, whose count and date range are its articles'", async () => {
    const store = new SqliteStore(dbFile());
    const writer = await GroupWriter.open(store, "story-index");
    const done = [...(await feed(writer, 0, 35)), ...(await feed(writer, 35, mix.length))];
    const created = done.filter((o) => o.status === "created").length;
    assert.ok(created >= mix.length - 5, `${created} articles stored`);
    const moved = done.flatMap((o) => o.moved ?? []);
    const emptied = done.flatMap((o) => o.merged ?? []);
    assert.ok(moved.length >= 5 && emptied.length >= 1, `${moved.length} moves, ${emptied.length} stories emptied`);
    const live = new Map((await store.listStories({ limit: 500 })).map((st) => [st.id, st]));
    const storyOf = storyOfArticles(store);
    assert.equal(storyOf.size, created);
    for (const [id, storyId] of storyOf) assert.ok(live.has(storyId), `${id} is in ${storyId}, which is not listed`);
    for (const st of live.values()) {
      const articles = await store.storyArticles(st.id);
      assert.equal(st.articleCount, articles.length, st.id);
      const dates = articles.map((a) => a.published).filter((d): d is string => !!d).sort();
      assert.deepEqual([st.firstPublished, st.lastPublished], [dates[0], dates.at(-1)], st.id);
    }
    for (const { from } of emptied) {
      const into = (await store.storyRevision(from))?.mergedInto;
      assert.ok(into && live.has(into), `emptied ${from} leads to live story ${into}`);
    }
    await store.close();
  });

  test("stopped, restarted and fed more, the store holds exactly the stories of a run that never stopped", async () => {
    const straight = new SqliteStore(dbFile());
    await feed(await GroupWriter.open(straight, "story-index"), 0, mix.length);
    const file = dbFile();
    const first = new SqliteStore(file);
    await feed(await GroupWriter.open(first, "story-index"), 0, 33);
    assert.ok(redirects(first).length > 0, "stories were emptied before the stop");
    await first.close();
    const reopened = new SqliteStore(file);
    await feed(await GroupWriter.open(reopened, "story-index"), 33, mix.length);
    assert.deepEqual(storyOfArticles(reopened), storyOfArticles(straight));
    const stories = async (store: SqliteStore) => (await store.listStories({ limit: 500 })).map((st) => [st.id, st.articleCount, st.firstPublished, st.lastPublished]).sort();
    assert.deepEqual(await stories(reopened), await stories(straight));
    assert.deepEqual(redirects(reopened), redirects(straight));
    // Stories emptied before the stop keep their keys: no new story after it takes one (its articles would be listed under a redirect).
    const live = new Set((await reopened.listStories({ limit: 500 })).map((st) => st.id));
    for (const storyId of storyOfArticles(reopened).values()) assert.ok(live.has(storyId), storyId);
    await straight.close();
    await reopened.close();
  });
});

describe("WorkerWriter", () => {
  test("concurrent submissions are acknowledged once committed, visible to another connection", async () => {
    const file = dbFile();
    const reader = new SqliteStore(file);
    const writer = await WorkerWriter.open({ dbPath: file, assigner: "title-words" });
    try {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => writer.submit([job(2 * i), job(2 * i + 1)])));
      const ids = results.flat().map((o) => o.articleId);
      assert.equal(new Set(ids).size, 16);
      assert.equal((await reader.counts()).articles, 16);
      for (const id of ids) assert.ok(await reader.getArticle(id!), `${id} is readable`);
    } finally {
      await writer.close();
      await reader.close();
    }
    await assert.rejects(writer.submit([job(20)]), /writer is closed/);
  });

  test("closed while it still loads the story index, it stops at once: writes waiting for it fail unanswered, nothing is stored", async () => {
    const file = dbFile();
    const writer = WorkerWriter.start({ dbPath: file, assigner: "story-index" });
    const waiting = writer.submit([job(1)]);
    await writer.close();
    await assert.rejects(waiting);
    assert.equal(await writer.ready, false);
    const reader = new SqliteStore(file);
    try {
      assert.equal((await reader.counts()).articles, 0);
    } finally {
      await reader.close();
    }
  });

  test("an unknown assigner is refused up front", async () => {
    await assert.rejects(WorkerWriter.open({ dbPath: dbFile(), assigner: "nope" }), /unknown story assigner "nope"/);
  });
});
