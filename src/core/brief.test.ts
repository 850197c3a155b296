import assert from "node:assert/strict";
import { test } from "node:test";
import { readFileSync } from "node:fs";
import type { Briefing, Sentence } from "../types/index.js";
import { REPO, SEEDS, SHARED, requireShared } from "../testing/fixtures.js";
import { render } from "../render/index.js";
import { brief, briefDocuments } from "./brief.js";
import { wordCount } from "../clean/rules.js";
import { groupInputs } from "./stories.js";

const TEASERS = /Kennan|DISCLOSE|Xi jinping|Xi Jinping|Turkey’s Problem|Hulusi Akar|Erdogan|Ambassadorship|Charm Offensive/;

function sentencesOf(b: Briefing) {
  return b.stories.flatMap((s) => [s.headline, ...s.summary]);
}

function assertTraceable(b: Briefing): void {
  const byId = new Map(b.articles.map((a) => [a.id, a]));
  for (const s of sentencesOf(b)) {
    const article = byId.get(s.articleId);
    assert.ok(article, `unknown article ${s.articleId}`);
    assert.equal(article.text.slice(s.start, s.end), s.text);
    assert.ok(s.supportingArticleIds.includes(s.articleId));
    for (const id of s.supportingArticleIds) assert.ok(byId.has(id));
  }
}

/** Seed file prefixes of each story: 001, 002, 004 cover Lavrov's May 2017 Washington visit. */
function seedStories(b: Briefing): string[][] {
  const file = new Map(b.articles.map((a) => [a.id, a.file!.split(/[\\/]/).pop()!.slice(0, 3)]));
  return b.stories.map((s) => s.articleIds.map((id) => file.get(id)!).sort());
}

test("seeds: three stories (Lavrov in Washington 2017, Pompeo in Sochi 2019, Lavrov in Washington Dec 2019)", async () => {
  requireShared();
  const b = await brief([SEEDS]);
  assert.equal(b.articles.length, 5);
  assert.deepEqual(seedStories(b)[0], ["001", "002", "004"]);
  assert.deepEqual(seedStories(b).slice(1).sort(), [["000"], ["003"]]);
  assert.deepEqual(b.stories.map((s) => s.id), ["s1", "s2", "s3"]);
  assert.match(b.stories[0].label, /\(2017/);
  assertTraceable(b);
  for (const story of b.stories) {
    for (const s of [story.headline, ...story.summary]) assert.ok(story.articleIds.includes(s.articleId), "a story cites only its own articles");
  }
  const topic = await brief([SEEDS], { granularity: "topic", sentences: 1 });
  assert.ok(topic.stories.length <= b.stories.length);
  const one = await brief([SEEDS], { separateStories: false, sentences: 1 });
  assert.deepEqual(one.stories.map((s) => s.articleIds.length), [5], "the service's stories are briefed whole");
});

test("seeds: a traceable briefing with no teaser material and no repeats", async () => {
  requireShared();
  const b = await brief([SEEDS]);
  assertTraceable(b);
  const summary = b.stories[0].summary;
  assert.ok(summary.length >= 2);
  const words = summary.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
  assert.ok(words >= 80 && words <= 140, `about 120 words, got ${words}`);
  for (const s of sentencesOf(b)) {
    assert.doesNotMatch(s.text, TEASERS);
    assert.doesNotMatch(s.text, /^\s*AD\s*$|Adjust Comment Print|Photo credit|@\w/);
  }
  assert.equal(new Set(summary.map((s) => s.text)).size, summary.length);
});

test("--words and --sentences set the length", async () => {
  requireShared();
  const short = await brief([SEEDS], { sentences: 1 });
  assert.equal(short.stories[0].summary.length, 1);
  const long = await brief([SEEDS], { words: 250 });
  const words = long.stories[0].summary.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
  assert.ok(words >= 200 && words <= 290, `about 250 words, got ${words}`);
});

test("library: article objects in, the same typed value out; near-copies credited", async () => {
  const body =
    "The city council approved a new budget on Monday that raises spending on schools by ten percent. " +
    "The mayor said the plan would hire two hundred teachers and repair forty school buildings over the next three years. " +
    "Opponents on the council argued that the budget relied on optimistic tax forecasts and voted against it.";
  const b = await brief([
    { id: "wire", text: body, source: "Wire", published: "2024-03-04" },
    { id: "paper", text: `${body}\n\nAD\n\nShare this article`, source: "Paper", published: "2024-03-04" },
    { id: "radio", text: "The council approved the new budget on Monday, raising school spending by ten percent. Critics said the tax forecasts were optimistic.", source: "Radio" },
  ]);
  assertTraceable(b);
  const paper = b.articles.find((a) => a.id === "paper")!;
  const wire = b.articles.find((a) => a.id === "wire")!;
  assert.ok(paper.duplicateOf === "wire" || wire.duplicateOf === "paper");
  assert.equal(paper.removed.boilerplate, 2);
  for (const s of b.stories[0].summary) {
    assert.ok(s.supportingArticleIds.includes("wire") && s.supportingArticleIds.includes("paper"), "both outlets credited");
  }
});

test("no usable article: an error message, no story", async () => {
  const b = await brief([{ text: "AD\n\nShare this article" }]);
  assert.equal(b.stories.length, 0);
  assert.deepEqual(b.messages.map((m) => m.ruleId), ["empty-after-cleaning", "no-usable-articles"]);
});

test("focus: a question moves the lead sentence toward it (examples/air-france-447)", async () => {
  const input = [`${REPO}examples/air-france-447`];
  const plain = await brief(input, { sentences: 3 });
  assert.equal(plain.stories.length, 1);
  assert.doesNotMatch(plain.stories[0].headline.text, /recorder|black box/i);
  const focused = await brief(input, { sentences: 3, focus: "the search for the flight recorders" });
  assert.match(focused.stories[0].headline.text, /flight data recorders/);
  assertTraceable(focused);
});

test("a one-word file among real articles: reported by name, kept in the articles, no story of its own", async () => {
  requireShared();
  const b = await brief([`${SEEDS}/000_9002722f45dd2c8d.txt`, { id: "stray", text: "Hello" }]);
  assert.deepEqual(b.stories.map((s) => s.articleIds), [["000_9002722f45dd2c8d"]]);
  assert.ok(b.articles.some((a) => a.id === "stray"));
  const warning = b.messages.find((m) => m.ruleId === "too-short");
  assert.ok(warning && warning.severity === "warning" && /only 1 word\(s\) of text \("Hello"\)/.test(warning.reason));
  const alone = await brief([{ id: "stray", text: "Hello" }]);
  assert.equal(alone.stories.length, 1, "a pile of only short texts is still briefed");
});

test("text written without spaces between words (Japanese, Chinese, Thai) has its words counted, so it is not reported too short or left out of the stories", async () => {
  requireShared();
  const japanese = "気象庁によると、東京都内では二十日未明から激しい雨が降り続き、多摩川の一部が氾濫した。\n\n都は午前六時に避難指示を出し、約二千人が近くの学校に避難した。";
  const chinese = "北京市气象台今天发布暴雨预警，预计全市大部分地区将有大到暴雨。";
  const b = await brief([`${SEEDS}/000_9002722f45dd2c8d.txt`, { id: "ja", title: "東京で大雨", text: japanese }, { id: "zh", title: "北京暴雨", text: chinese }]);
  assert.deepEqual(b.messages.filter((m) => m.ruleId === "too-short"), []);
  assert.deepEqual(b.stories.map((s) => s.articleIds).sort(), [["000_9002722f45dd2c8d"], ["ja"], ["zh"]]);
  const words = new Map(b.articles.map((a) => [a.id, a.wordCount]));
  assert.ok(words.get("ja")! >= 25 && words.get("zh")! >= 12, JSON.stringify([...words]));
  assert.equal(wordCount("ภาษาไทยง่ายนิดเดียว"), 5);
  assert.equal(wordCount("Café opens, 5 p.m. — today"), 6, "text with spaces counts as before");
});

test("a cookie wall among real articles: reported as crawl junk, kept in the articles, no story of its own", async () => {
  requireShared();
  const wall = "We use cookies to give you the best experience on our site. Please enable JavaScript in your browser. By continuing you agree to our cookie policy and our terms of use. Learn more.";
  const b = await brief([`${SEEDS}/000_9002722f45dd2c8d.txt`, { id: "wall", text: wall }]);
  assert.deepEqual(b.stories.map((s) => s.articleIds), [["000_9002722f45dd2c8d"]]);
  assert.ok(b.articles.some((a) => a.id === "wall"));
  const warning = b.messages.find((m) => m.ruleId === "crawl-junk");
  assert.ok(warning && warning.severity === "warning" && /page furniture .*"We use cookies/.test(warning.reason));
  const grouping = await groupInputs([`${SEEDS}/000_9002722f45dd2c8d.txt`, { id: "wall", text: wall }]);
  assert.deepEqual(grouping.stories.map((s) => s.articleIds), [["000_9002722f45dd2c8d"]]);
  assert.equal((await brief([{ id: "wall", text: wall }])).stories.length, 1, "a pile of only such pages is still briefed");
});

test("a data dump saved as text (base64, a server log) is reported and left out of the stories, and is still in the articles", async () => {
  requireShared();
  const blob = Array.from({ length: 40 }, (_, i) => Buffer.from(`row ${i} ${"x".repeat(i)} 0xdeadbeef`).toString("base64")).join("\n");
  const log = Array.from({ length: 30 }, (_, i) => `2026-12-08T01:${10 + i}:07Z GET /api/stories/s${i}?page=${i % 3} 200 ${i * 7}ms`).join("\n");
  const b = await brief([`${SEEDS}/000_9002722f45dd2c8d.txt`, { id: "blob", text: blob }, { id: "log", text: log }]);
  assert.deepEqual(b.stories.map((s) => s.articleIds), [["000_9002722f45dd2c8d"]]);
  assert.deepEqual(b.articles.map((a) => a.id).sort(), ["000_9002722f45dd2c8d", "blob", "log"]);
  const warned = b.messages.filter((m) => m.ruleId === "not-prose");
  assert.deepEqual(warned.map((m) => m.file), ["input[1]", "input[2]"]);
  assert.match(warned[0].reason, /^does not read as running text: only \d+% of its first \d+ tokens are words \(a data dump, a table or code\?\), left out of the stories$/);
  const seeds = await brief([SEEDS]);
  assert.deepEqual(seeds.messages.filter((m) => m.ruleId === "not-prose"), [], "news articles are running text");
});

test("a text without full stops (a transcript) is headed by its first 70 words marked clipped, not by the whole text", async () => {
  const words = "the council met on monday to discuss the new budget and the mayor said the city would hire more teachers while critics warned taxes could rise".split(" ");
  const text = Array.from({ length: 800 }, (_, i) => words[i % words.length]).join(" ");
  const b = await brief([{ id: "run", text }]);
  const h = b.stories[0].headline;
  assert.equal(h.text.split(/\s+/).length, 70);
  assert.equal(h.text, b.articles[0].text.slice(h.start, h.end));
  assert.equal(h.clipped, true);
  assert.match(render(b, "text"), /would hire …/);
  const seeds = await brief([SEEDS]);
  assert.ok(seeds.stories.every((s) => s.headline.clipped === undefined));
});

test("a summary sentence right after another picked sentence of its article follows it, so 'He…' reads after the one naming him (MultiLing M008)", () => {
  requireShared();
  const line = readFileSync(`${SHARED}data/multiling2011_en/test.jsonl`, "utf8").split("\n").find((l) => l.includes('"id": "M008"'))!;
  const rec = JSON.parse(line) as { documents: string[] };
  const docs = rec.documents.map((raw, i) => ({ file: `d${i}.txt`, raw }));
  const b = briefDocuments(docs, [], { separateStories: false, words: 250 });
  const text = new Map(b.articles.map((a) => [a.id, a.text]));
  const summary = b.stories[0].summary;
  let pairs = 0;
  summary.forEach((s, k) => {
    const adjacent = (p: Sentence) => p.articleId === s.articleId && p.end <= s.start && /^\s*$/.test(text.get(s.articleId)!.slice(p.end, s.start));
    const before = summary.findIndex(adjacent);
    if (before < 0) return;
    pairs++;
    assert.equal(before, k - 1, `${JSON.stringify(s.text)} is not placed after ${JSON.stringify(summary[before].text)}`);
  });
  assert.ok(pairs > 0);
});

test("library misuse gets a clear error, not a TypeError or a silently empty summary", async () => {
  const article = { title: "Bridge closed", text: "The harbour bridge in Lowtown was closed on Monday after a storm damaged two of its support cables. Repairs will take three weeks, the council said." };
  for (const options of [{ words: 0 }, { words: -5 }, { sentences: 1.5 }]) {
    await assert.rejects(brief([article], options), /NB-E005: (words|sentences) takes a whole number above 0/, JSON.stringify(options));
  }
  await assert.rejects(brief(article as never), /NB-E005: brief\(\) takes an array/);
  const mixed = await brief([null as never, 7 as never, article]);
  assert.equal(mixed.stories.length, 1, "the good article is still briefed");
  assert.deepEqual(
    mixed.messages.map((m) => [m.file, m.ruleId, m.reason]),
    [
      ["input[0]", "not-an-article", "not an article object (got null)"],
      ["input[1]", "not-an-article", "not an article object (got number)"],
    ],
  );
  assert.throws(() => render(mixed, "pdf" as never), /NB-E005: unknown format "pdf"; use one of text, md, html, json/);
});

test("articles and paths given together keep their order; a bad item is named by its place among the inputs", async () => {
  requireShared();
  const article = { title: "Bridge closed", text: "The harbour bridge in Lowtown was closed on Monday after a storm damaged two of its support cables. Repairs will take three weeks, the council said." };
  const seed = `${SEEDS}/000_9002722f45dd2c8d.txt`;
  const b = await brief([article, seed, 7 as never, { ...article, title: "Bridge shut", text: article.text.replace("Monday", "Tuesday") }]);
  assert.deepEqual(b.articles.map((a) => a.file ?? a.title), ["input[0]", seed, "input[3]"]);
  assert.deepEqual(b.messages.map((m) => [m.file, m.ruleId]), [["input[2]", "not-an-article"]]);
});

test("brief and groupInputs report progress past reading: articles grouped, stories labelled, stories briefed, each counted to its total", async () => {
  requireShared();
  const { wikinewsArticles } = await import("../testing/newsroom.js");
  const articles = wikinewsArticles().slice(0, 60).map(({ title, text, published }) => ({ title, text, ...(published ? { published } : {}) }));
  const steps = new Map<string, Array<[number, number]>>();
  const record = (done: number, total: number, step: string) => (steps.get(step) ?? steps.set(step, []).get(step)!).push([done, total]);
  const b = await brief(articles, { onProgress: record });
  assert.deepEqual([...steps.keys()], ["grouping", "labelling", "briefing"]);
  assert.deepEqual(steps.get("grouping")!.at(-1), [60, 60]);
  assert.deepEqual(steps.get("briefing")!.at(-1), [b.stories.length, b.stories.length]);
  assert.deepEqual(steps.get("briefing")!.map(([done]) => done), b.stories.map((_, k) => k + 1));
  steps.clear();
  const g = await groupInputs(articles, { onProgress: record });
  assert.deepEqual([...steps.keys()], ["grouping", "labelling"]);
  assert.deepEqual(steps.get("labelling")!.at(-1), [g.stories.length, g.stories.length]);
});
