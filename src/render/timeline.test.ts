import assert from "node:assert/strict";
import { test } from "node:test";
import { brief } from "../core/brief.js";
import { seedFile } from "../testing/fixtures.js";
import { render } from "./index.js";

test("text and Markdown list each story's timeline, date — line [citation], background apart", async () => {
  const b = await brief([seedFile("000"), seedFile("004")]);
  const text = render(b, "text", 400);
  assert.match(text, /\n {2}Timeline\n/);
  assert.match(text, /2019-12-10 — On Friday, Russian Foreign ministry spokeswoman .*Dec\. 10.* \[1\]/);
  assert.match(text, /\n {2}Background\n(?: {4}.*\n)*? {4}2014 — Relations between the two former Cold War foes .*\[2\]/);
  assert.match(text, /undated, estimated 2017/);
  const md = render(b, "md");
  assert.match(md, /### Timeline\n\n(?:- .*\n)*- \*\*2019-12-10\*\* — On Friday, .*\[\[1\]\]\(#source-1\)/);
  assert.match(md, /### Background/);
});

test("HTML draws the timeline as an inline SVG whose rows link to the highlighted source sentences", async () => {
  const b = await brief([seedFile("000"), seedFile("003")]);
  assert.equal(b.stories.length, 2, "the Sochi talks and the December 2019 visit are two stories");
  const html = render(b, "html");
  const svgs = [...html.matchAll(/<svg class="timeline"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
  assert.ok(svgs.length >= 2, "an inline SVG timeline for each story (its background drawn apart)");
  for (const svg of svgs) {
    assert.ok(!/(?:src|href)="(?:https?:)?\/\//.test(svg), "self-contained: nothing fetched");
    for (const [, id] of svg.matchAll(/<a href="#([^"]+)"/g)) assert.ok(html.includes(`<mark id="${id}">`), `row links to a highlighted sentence: ${id}`);
  }
  assert.ok(svgs.some((svg) => /2019-05-14/.test(svg)), "the Sochi talks, to the day");
  assert.ok(svgs.some((svg) => /2019-12-10/.test(svg)), "the December meeting, to the day");
});

test("hostile text in a timeline line stays text in the SVG and the list", async () => {
  const b = await brief([
    { id: "evil", published: "2020-03-09", text: "The <script>alert(1)</script> council approved the budget on Monday after a long debate. Officials said the vote was close and that the budget passed." },
    { id: "ok", published: "2020-03-09", text: "The council approved the budget on Monday after a long debate about schools. The vote was close, officials said." },
  ]);
  assert.ok(b.stories[0].timeline?.length, "a dated line");
  const html = render(b, "html");
  assert.ok(!html.includes("<script>"));
  assert.match(html.match(/<svg class="timeline"[\s\S]*?<\/svg>/)![0], /&lt;script&gt;/);
});
