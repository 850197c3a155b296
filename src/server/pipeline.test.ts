import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { briefStoryJson } from "./briefer.js";
import { prepareItem, toRawDocument } from "./pipeline.js";
import type { StoredArticle } from "../store/types.js";
import { seedFile } from "../testing/fixtures.js";

const prepare = (text: string) => prepareItem({ text }, { kind: "api", body: "{}" });

test("one-line articles keep their text: two different ones are not copies of each other, and each is reported as too short to group", () => {
  const hello = prepare("Hello");
  const lavrov = prepare("Lavrov met Trump in Washington.");
  assert.equal(hello.article?.cleanText, "Hello");
  assert.equal(lavrov.article?.cleanText, "Lavrov met Trump in Washington.");
  assert.notEqual(hello.article?.contentHash, lavrov.article?.contentHash);
  assert.match(lavrov.messages.find((m) => m.ruleId === "too-short")?.reason ?? "", /only 5 word\(s\) of text \("Lavrov met Trump/);
  const stored = { ...lavrov.article!, id: "a1" } as unknown as StoredArticle;
  const briefing = JSON.parse(briefStoryJson({ docs: [toRawDocument(stored)], options: {} }));
  assert.equal(briefing.articles[0].text, "Lavrov met Trump in Washington.");
  assert.deepEqual(briefing.stories[0].headline, { text: "Lavrov met Trump in Washington.", articleId: "a1", start: 0, end: 31, supportingArticleIds: ["a1"] });
});

test("a full article gets no too-short warning from the service", () => {
  const seed = prepare(readFileSync(seedFile("000"), "utf8"));
  assert.ok(seed.article && seed.article.wordCount > 100);
  assert.deepEqual(seed.messages.filter((m) => m.ruleId === "too-short"), []);
});

test("page furniture a crawler kept instead of the article is reported as crawl junk, as brief reports it", () => {
  const wall = prepare("We use cookies to give you the best experience on our site. Please enable JavaScript in your browser. By continuing you agree to our cookie policy and our terms of use. Learn more.");
  assert.ok(wall.article, "kept all the same");
  assert.deepEqual(wall.messages.map((m) => [m.severity, m.ruleId]), [["warning", "crawl-junk"]]);
  assert.deepEqual(prepare(readFileSync(seedFile("000"), "utf8")).messages.filter((m) => m.ruleId === "crawl-junk"), []);
});

test("a published date that is not a date is reported as ignored (as brief does), not dropped in silence", () => {
  const text = "The council of Lakeside voted on Tuesday to build a new library, officials said.";
  const item = prepareItem({ text, published: "yesterday-ish" }, { kind: "api", body: "{}" });
  assert.equal(item.article?.published, undefined);
  assert.deepEqual(
    item.messages.map((m) => [m.severity, m.ruleId, m.reason]),
    [["warning", "bad-date", 'published date "yesterday-ish" is not a date; ignored']],
  );
  assert.deepEqual(prepareItem({ text, published: "2026-12-01" }, { kind: "api", body: "{}" }).messages, []);
});

test("an article not in English is reported, as brief reports it, and kept", () => {
  const item = prepare("東京都で1日午前、マグニチュード6.5の地震が発生した。気象庁によると、震源は東京湾で、深さは約40キロ。都内では最大震度5強を観測した。");
  assert.ok(item.article, "kept all the same");
  assert.match(item.messages.find((m) => m.ruleId === "not-english")?.reason ?? "", /looks like Japanese/);
  assert.deepEqual(prepare(readFileSync(seedFile("000"), "utf8")).messages.filter((m) => m.ruleId === "not-english"), []);
});
