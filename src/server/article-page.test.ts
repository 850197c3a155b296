import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { renderArticlePage, WorkerArticlePages } from "./article-page.js";
import type { Briefer } from "./briefer.js";
import { startServer } from "./start.js";
import { InlinePreparer } from "./preparer.js";
import { SHARED } from "../testing/fixtures.js";

const dir = mkdtempSync(path.join(tmpdir(), "nb-article-page-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** About `chars` of real news text: DUC 2006 documents one after another. */
function longText(chars: number): string {
  let text = "";
  for (const line of readFileSync(path.join(SHARED, "data/duc2006/test.jsonl"), "utf8").split("\n")) {
    for (const doc of line ? (JSON.parse(line) as { documents: string[] }).documents : []) {
      if (text.length + doc.length > chars) return text;
      text += `${doc}\n\n`;
    }
  }
  return text;
}

/** Briefs nothing, at once: briefing a 2 MB article takes long, and this test is about the page alone. */
const quickBriefer: Briefer = { brief: async () => JSON.stringify({ stories: [], articles: [] }), close: async () => {} };

/** How many turns the main thread's event loop makes while `work` is pending: none when the work runs on it in one piece. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const result = await work();
  done = true;
  return { result, turns };
}

test("the page of a 2 MB article is rendered on a worker thread: the main thread keeps turning meanwhile, and the page is the one rendered inline", async () => {
  const dbPath = path.join(dir, "p.db");
  const server = await startServer({ dbPath, port: 0, briefer: quickBriefer, preparer: new InlinePreparer(), rateLimit: false, log: () => {} });
  const pages = new WorkerArticlePages(dbPath);
  try {
    const posted = await server.app.inject({ method: "POST", url: "/api/articles", payload: { title: "A long compilation", text: longText(1_950_000) } });
    assert.equal(posted.statusCode, 201);
    const id = posted.json().id as string;
    const page = await fetch(`${server.url}/articles/${id}`);
    const body = await page.text();
    assert.equal(page.status, 200);
    assert.ok(body.length > 1_900_000);
    const inline = await turnsDuring(() => renderArticlePage(server.store, id));
    assert.equal(inline.result, body, "the service serves the page as rendered inline");
    const onWorker = await turnsDuring(() => pages.render(id));
    assert.equal(onWorker.result, body);
    assert.ok(inline.turns <= 2, `rendering inline holds the main thread (${inline.turns} turns)`);
    assert.ok(onWorker.turns >= 20, `the main thread turned only ${onWorker.turns} times while the worker rendered`);
    assert.equal((await server.app.inject("/articles/a999")).statusCode, 404);
  } finally {
    await pages.close();
    await server.close();
  }
});
