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

test("a timeline line started after a connective is shown with a capital; the JSON keeps the source's text", async () => {
  const text = "The council met on Monday to debate the school budget for next year. But the council approved the school budget on Tuesday after a long debate. Officials said the vote on the school budget was close.";
  const b = await brief([
    { id: "a", published: "2020-03-09", text },
    { id: "b", published: "2020-03-09", text: "The school budget was approved by the council on Tuesday. The debate on the school budget was long, officials said." },
  ]);
  const line = b.stories.flatMap((s) => s.timeline ?? []).find((e) => /approved the school budget/.test(e.text));
  assert.ok(line, "the approval is a timeline line");
  assert.equal(line.text, text.slice(line.start, line.end), "verbatim from the cleaned text");
  assert.match(line.text, /^the council approved/);
  assert.match(render(b, "text", 400), /— The council approved the school budget/);
  assert.match(render(b, "md"), /— The council approved the school budget/);
  assert.match(render(b, "html"), /<\/time> The council approved the school budget/);
});

test("a timeline line whose first word is written with an inner capital keeps it", async () => {
  const b = await brief([{ id: "a", published: "2020-03-09", text: "iPhone sales fell sharply on Monday after the company warned about demand in China. Analysts said the drop in iPhone sales was larger than expected." }]);
  assert.ok(b.stories.flatMap((s) => s.timeline ?? []).some((e) => e.text.startsWith("iPhone sales fell")));
  assert.match(render(b, "text", 400), /— iPhone sales fell/);
});

test("a chronology's item opening with its own date is shown without it; another date stays", async () => {
  const text = ["Here is how the dispute over the river dam unfolded:", "March 3, 2020: The water board approves the dam over the objections of farmers downstream.", "March 5 - Farmers file a lawsuit against the water board over the dam approval.", "Officials said on March 6 that the dam approval of March 3 would stand."].join("\n\n");
  const b = await brief([{ id: "a", published: "2020-03-09", text }]);
  const lines = b.stories.flatMap((s) => s.timeline ?? []);
  assert.ok(lines.some((e) => e.text.startsWith("March 3, 2020: The water board")), "the JSON keeps the source's text");
  const shown = render(b, "text", 400);
  assert.match(shown, /2020-03-03 — The water board approves the dam/);
  assert.match(shown, /2020-03-05 — Farmers file a lawsuit/);
  assert.doesNotMatch(shown, /— March [35]\b/);
  assert.match(render(b, "html"), /<\/time> The water board approves the dam/);
});

test("an undated article the text cannot date says so", async () => {
  const b = await brief([{ id: "a", text: "Pinochet seized power in a coup in September 1973 and ruled until 1990. His lawyers appealed against the arrest on Saturday, the court said." }]);
  assert.match(render(b, "text"), /undated, no date evidence/);
});

test("a timeline row whose bar spans the chart keeps its label on the chart, readable", async () => {
  const { timelineSvg } = await import("./timeline-svg.js");
  const line = "Lavrov's last trip to Washington ended in a firestorm of criticism over photographs of the meeting.";
  const entry = (date: string, start: number) => ({ text: line, articleId: "a", start, end: start + line.length, supportingArticleIds: ["a"], date, precision: "year" as const });
  for (const entries of [[entry("2017", 0)], [entry("2019-05", 0), { ...entry("2019-05-14", 200), precision: "day" as const }]]) {
    const svg = timelineSvg(entries, (s) => s, () => "#s", "timeline");
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const first = /<text x="([\d.]+)" y="\d+" text-anchor="(start|end)"><tspan class="date">[^<]*<\/tspan> ([^<]*)<\/text>/.exec(svg)!;
    const x = Number(first[1]);
    assert.ok(x > 0 && x < width, `label drawn inside the chart (x=${x}, width ${width})`);
    assert.ok(first[3].length >= 40, `label shows the line's start, not a stub: "${first[3]}"`);
    if (first[2] === "start") assert.ok(x + first[3].length * 6 < width + 10, "a label running right fits the chart");
  }
});

test("the timeline chart's ticks sit on the calendar: the tick labelled with a month is where that month's bar starts", async () => {
  const { timelineSvg } = await import("./timeline-svg.js");
  const line = "The ministers met again to discuss the ceasefire and the talks planned for the summer.";
  const entry = (date: string, precision: "day" | "month" | "year", start: number) => ({ text: line, articleId: "a", start, end: start + line.length, supportingArticleIds: ["a"], date, precision });
  const svg = timelineSvg([entry("2017-01-20", "day", 0), entry("2017-02", "month", 100), entry("2017-05", "month", 200)], (s) => s, () => "#s", "timeline");
  const ticks = new Map([...svg.matchAll(/<text x="([\d.]+)" y="12" text-anchor="\w+" class="tick">([^<]+)<\/text>/g)].map((m) => [m[2], Number(m[1])]));
  const bars = new Map([...svg.matchAll(/<rect x="([\d.]+)"[^>]*\/><text [^>]*><tspan class="date">([^<]+)<\/tspan>/g)].map((m) => [m[2], Number(m[1])]));
  for (const month of ["2017-02", "2017-05"]) {
    assert.ok(ticks.has(month), `a tick for ${month}: ${[...ticks.keys()].join(", ")}`);
    assert.ok(Math.abs(ticks.get(month)! - bars.get(month)!) < 0.2, `${month}: tick at ${ticks.get(month)}, bar from ${bars.get(month)}`);
  }
  for (const label of ticks.keys()) assert.match(label, /^\d{4}-\d{2}$/, "month ticks on a chart of months");
  const years = timelineSvg([entry("2007", "year", 0), entry("2013", "year", 100)], (s) => s, () => "#s", "timeline");
  const yearTicks = [...years.matchAll(/class="tick">([^<]+)</g)].map((m) => m[1]);
  assert.ok(yearTicks.length >= 3 && yearTicks.every((t) => /^\d{4}$/.test(t)), `yearly ticks read as years: ${yearTicks.join(", ")}`);
});
