import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { SqliteStore } from "../store/sqlite.js";
import type { IngestOutcome } from "../store/types.js";
import { seedFile } from "../testing/fixtures.js";
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

  test("after a restart, a new story never takes the key of a story merged away before it (its article would vanish from the list)", async () => {
    const file = dbFile();
    const store = new SqliteStore(file);
    const writer = await GroupWriter.open(store, "story-index");
    const seeds = ["000", "001", "002", "003", "004"].map((p): PrepareJob => ({ item: { text: readFileSync(seedFile(p), "utf8") }, input: { kind: "api", body: "{}" } }));
    await writer.apply(seeds.map((j) => ({ op: "submit", jobs: [j] })));
    const merged = await Promise.all((await store.assignKeys()).map((_, i) => store.storyRevision(`s${i + 1}`)));
    assert.ok(merged.some((r) => r?.mergedInto), "the seeds' Washington stories merged while arriving");
    await store.close();
    const reopened = new SqliteStore(file);
    const again = await GroupWriter.open(reopened, "story-index");
    const [reply] = await again.apply([{ op: "submit", jobs: [job(0)] }]);
    const [outcome] = outcomes(reply);
    assert.equal((await reopened.storyRevision(outcome.storyId!))?.mergedInto, undefined);
    assert.ok((await reopened.listStories()).some((st) => st.id === outcome.storyId), "the new article's story is listed");
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
