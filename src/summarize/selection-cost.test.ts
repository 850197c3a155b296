import assert from "node:assert/strict";
import { test } from "node:test";
import { corpusOfTexts, repetitiveArticle } from "../testing/articles.js";
import { newsbrief, selectionScans } from "./newsbrief.js";

test("a long repetitive article costs one scan of the candidates per sentence taken, not one per near-repeat passed over", () => {
  const corpus = corpusOfTexts([repetitiveArticle(3000)]);
  const before = selectionScans.count;
  const picked = newsbrief.summarize(corpus, { words: 100, fill: true }, { seed: 1 });
  const scans = selectionScans.count - before;
  assert.ok(picked.length >= 2, `${picked.length} sentences picked`);
  assert.ok(scans <= picked.length + 1, `${scans} scans for ${picked.length} sentences`);
});
