import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { SingleStoryAssigner } from "../store/assigner.js";
import { SqliteStore } from "../store/sqlite.js";
import { wikinewsArticles } from "../testing/newsroom.js";
import { briefStoryJson, WorkerBriefer } from "./briefer.js";
import { prepareItem, toRawDocument } from "./pipeline.js";

const dir = mkdtempSync(path.join(tmpdir(), "nb-briefer-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a worker briefer reads a stored story's last articles itself and briefs them as the caller would", async () => {
  const file = path.join(dir, "b.db");
  const store = new SqliteStore(file);
  const cluster = wikinewsArticles().slice(0, 6);
  const assigner = new SingleStoryAssigner();
  const [first] = await store.ingest(cluster.map((a) => prepareItem(a, { kind: "api", body: "{}" })), () => assigner.assign());
  const last4 = await store.storyArticles(first.storyId!, { last: 4 });
  assert.deepEqual(last4.map((a) => a.id), ["a3", "a4", "a5", "a6"]);
  const briefer = new WorkerBriefer(file);
  try {
    const json = await briefer.briefStored!(first.storyId!, 4, {});
    assert.equal(json, briefStoryJson({ docs: last4.map(toRawDocument), options: {} }));
  } finally {
    await briefer.close();
    await store.close();
  }
  assert.equal(new WorkerBriefer().briefStored, undefined, "without a database it briefs only what it is sent");
});
