import assert from "node:assert/strict";
import { test } from "node:test";
import { corpusOfTexts } from "../testing/articles.js";
import { newsbrief, selectionScans } from "./newsbrief.js";

/** One long article of sentences drawn from a few words: nearly every candidate repeats what the first picks cover. */
function repetitiveArticle(sentences: number): string {
  const words = "council vote budget mayor plan city water tax school road police fire park bridge union strike court".split(" ");
  let seed = 1;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const picked = Array.from({ length: 12 + next(8) }, () => words[next(words.length)]);
    out.push(`The ${picked.join(" ")} said the ${words[next(words.length)]} official.${i % 4 === 3 ? "\n\n" : " "}`);
  }
  return out.join("");
}

test("a long repetitive article costs one scan of the candidates per sentence taken, not one per near-repeat passed over", () => {
  const corpus = corpusOfTexts([repetitiveArticle(3000)]);
  const before = selectionScans.count;
  const picked = newsbrief.summarize(corpus, { words: 100, fill: true }, { seed: 1 });
  const scans = selectionScans.count - before;
  assert.ok(picked.length >= 2, `${picked.length} sentences picked`);
  assert.ok(scans <= picked.length + 1, `${scans} scans for ${picked.length} sentences`);
});
