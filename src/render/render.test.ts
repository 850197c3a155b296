import assert from "node:assert/strict";
import { test } from "node:test";
import { brief } from "../core/brief.js";
import { SEEDS, requireShared } from "../testing/fixtures.js";
import { render } from "./index.js";

test("article text is escaped in HTML and Markdown: hostile input never becomes markup", async () => {
  const b = await brief([
    { id: "evil", title: "<script>alert(1)</script>", text: "The <script>alert('x')</script> council approved the budget on Monday after a debate. Officials said the vote was close and the budget passed." },
    { id: "ok", text: "The council approved the budget on Monday after a long debate. The vote was close, officials said." },
  ]);
  const html = render(b, "html");
  assert.ok(!html.includes("<script>"), "raw script tag in HTML");
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /Content-Security-Policy/);
  const md = render(b, "md");
  assert.ok(!md.includes("<script>"));
});

test("an HTML briefing of several stories opens with their list, each linking to its story; one story needs none", async () => {
  requireShared();
  const b = await brief([SEEDS], { sentences: 2 });
  const html = render(b, "html");
  const contents = /<nav class="contents"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  const targets = [...contents.matchAll(/href="#(story-s\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(targets, b.stories.map((s) => `story-${s.id}`), "every story listed, in order");
  for (const id of targets) assert.ok(html.includes(`<section class="story" id="${id}">`), `${id} exists`);
  assert.ok(contents.includes(b.stories[0].label.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;")));
  const one = await brief([{ text: "Rescuers found the missing hikers alive on Sunday after a three-day search in the mountains." }]);
  assert.doesNotMatch(render(one, "html"), /class="contents"/);
});

test("text format cites every supporting source and lists what cleaning removed", async () => {
  const b = await brief([
    { id: "a", text: "Rescuers found the missing hikers alive on Sunday after a three-day search in the mountains.\n\nAD" },
    { id: "b", text: "The missing hikers were found alive on Sunday after a three-day search in the mountains, rescuers said." },
  ]);
  const text = render(b, "text", 200);
  assert.match(text, /\[1\]\[2\]|\[2\]\[1\]/);
  assert.match(text, /removed: 1 boilerplate/);
});

test("every format shows each story with its label, entities and quotes", async () => {
  requireShared();
  const b = await brief([SEEDS], { sentences: 2 });
  assert.equal(b.stories.length, 3);
  for (const format of ["text", "md", "html"] as const) {
    const out = render(b, format, 200);
    for (const story of b.stories) {
      assert.ok(out.includes(`Story ${story.id}: `), `${format}: heading of ${story.id}`);
      assert.ok(out.includes(story.entities[0].name), `${format}: top entity of ${story.id}`);
    }
    assert.match(out, /We had a very, very good meeting/);
  }
  const json = JSON.parse(render(b, "json")) as typeof b;
  assert.deepEqual(Object.keys(json.stories[0]).slice(0, 2), ["id", "articleIds"]);
  assert.ok(json.stories.every((s) => typeof s.label === "string" && Array.isArray(s.entities) && Array.isArray(s.quotes)));
});

test("Markdown's Sources are a numbered list, each entry the anchor its citations jump to", async () => {
  const b = await brief([
    { id: "a", title: "Hikers found", text: "Rescuers found the missing hikers alive on Sunday after a three-day search in the mountains." },
    { id: "b", title: "Search ends", text: "The missing hikers were found alive on Sunday after a three-day search in the mountains, rescuers said." },
  ]);
  const md = render(b, "md");
  const sources = md.split("## Sources\n\n")[1].trim().split("\n");
  assert.equal(sources.length, 2);
  // A line opening with inline HTML is no list item: the entries would run together as one paragraph.
  sources.forEach((line, i) => assert.match(line, new RegExp(`^${i + 1}\\. <a id="source-${i + 1}"></a>`)));
  // A title ending with a full stop is followed by a dash, not a colon ("Hikers found.: 2019-…").
  const stopped = render(await brief([{ id: "c", title: "Hikers found alive.", text: "Rescuers found the missing hikers alive on Sunday after a three-day search in the mountains." }]), "md");
  assert.match(stopped, /\n1\. <a id="source-1"><\/a>Hikers found alive\. — undated/);
  assert.match(md, /\[\[1\]\]\(#source-1\)/);
});

test("the text briefing's first line counts in words a reader would write: '1 article, 1 story', '2 articles, 1 story, 1 near-duplicate credited'", async () => {
  const one = await brief([{ id: "a", text: "Rescuers found the missing hikers alive on Sunday after a three-day search in the mountains." }]);
  assert.equal(render(one, "text").split("\n")[0], "newsbrief: 1 article, 1 story");
  const text = "Rescuers found the missing hikers alive on Sunday after a three-day search in the mountains, officials said. The hikers were taken to hospital in the valley, where doctors said all three were in good condition.";
  const copies = await brief([{ id: "a", text }, { id: "b", text }]);
  assert.equal(render(copies, "text").split("\n")[0], "newsbrief: 2 articles, 1 story, 1 near-duplicate credited");
});

test("a story's heading lists at most 10 of its articles' citations and counts the rest; a small story's lists all", async () => {
  const towns = ["Milton", "Ashby", "Corley", "Denton", "Elford", "Farley", "Garton", "Hexley", "Ilton", "Jarrow", "Kelby", "Lowick", "Marden", "Norley"];
  const b = await brief(towns.map((town, i) => ({ id: `a${i + 1}`, text: `The river flooded ${town} and the old town on Monday after three days of heavy rain, and rescue teams moved families from the old town to schools on the hill.` })), { separateStories: false });
  assert.equal(b.stories[0].articleIds.length, 14);
  for (const format of ["text", "md", "html"] as const) {
    const heading = render(b, format).split("\n").find((line) => line.includes("Story s1:"))!;
    assert.match(heading, /14 articles (?:\\?\[\d+\\?\]){10} \+4 more/, `${format}: ${heading}`);
  }
  assert.match(render(await brief([TWO_A, TWO_B], { separateStories: false }), "text"), /2 articles \[1\]\[2\]\n/);
});

const TWO_A = { id: "x", text: "Rescuers found the missing hikers alive on Sunday after a three-day search in the mountains." };
const TWO_B = { id: "y", text: "The missing hikers were found alive on Sunday after a three-day search in the mountains, rescuers said." };

test("the text briefing never leaves two blank lines in a row, with or without a summary body, timeline or entities", async () => {
  requireShared();
  for (const sentences of [1, 3]) {
    const text = render(await brief([SEEDS], { sentences }), "text", 100);
    assert.doesNotMatch(text, /\n\n\n/, `--sentences ${sentences}`);
  }
  assert.doesNotMatch(render(await brief([TWO_A]), "text", 100), /\n\n\n/);
});
