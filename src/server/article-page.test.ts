import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { after, test } from "node:test";
import { renderArticlePage } from "./article-page.js";
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

test("the page of a 2 MB article is rendered off the main thread: other requests are not held up meanwhile", async () => {
  const server = await startServer({ dbPath: path.join(dir, "p.db"), port: 0, briefer: quickBriefer, preparer: new InlinePreparer(), rateLimit: false, log: () => {} });
  try {
    const posted = await server.app.inject({ method: "POST", url: "/api/articles", payload: { title: "A long compilation", text: longText(1_950_000) } });
    assert.equal(posted.statusCode, 201);
    const id = posted.json().id as string;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const page = await fetch(`${server.url}/articles/${id}`);
    const body = await page.text();
    delay.disable();
    assert.equal(page.status, 200);
    assert.ok(body.length > 1_900_000);
    const longestMs = delay.max / 1e6;
    const started = performance.now();
    assert.equal(await renderArticlePage(server.store, id), body, "the same page as rendered inline");
    const inlineMs = performance.now() - started;
    assert.ok(longestMs < inlineMs / 2, `the main thread was blocked for ${Math.round(longestMs)} ms (rendering inline takes ${Math.round(inlineMs)} ms)`);
    assert.equal((await server.app.inject("/articles/a999")).statusCode, 404);
  } finally {
    await server.close();
  }
});
