import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { StoredArticle, StorySummary } from "../store/types.js";
import type { Briefing, Sentence } from "../types/index.js";
import { LISTED_SOURCES, storyPage } from "./pages.js";
import { dateMs } from "./story-extras.js";

const TEXT = "Rain fell on Monday. The river rose on Tuesday. <script>alert(1)</script> Crews worked all week.";
const sentence = (text: string): Sentence => {
  const start = TEXT.indexOf(text);
  return { text, articleId: "a1", start, end: start + text.length, supportingArticleIds: ["a1"] };
};
const story: StorySummary = { id: "s1", title: "Floods", articleCount: 1, sources: ["Wire"], createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-02T00:00:00Z", contentVersion: 1, revision: 1 };
const stored = [{ id: "a1", title: "Floods", source: "Wire", raw: TEXT, cleanText: TEXT, wordCount: 14, contentHash: "x", storyId: "s1", inputId: 1, createdAt: "", sources: [] }] as StoredArticle[];

function briefing(extra: Record<string, unknown>): Briefing {
  return {
    version: "test",
    articles: [{ id: "a1", title: "Floods", text: TEXT, wordCount: 14, removed: { boilerplate: 0, captions: 0, bylines: 0, teaserBlocks: 0, repeatedParagraphs: 0, chars: 0 }, rawOffsets: [] }],
    stories: [{ id: "s1", articleIds: ["a1"], headline: sentence("Rain fell on Monday."), summary: [sentence("Rain fell on Monday."), sentence("The river rose on Tuesday.")], label: "Floods", entities: [], quotes: [], timeline: [], ...extra }],
    messages: [],
  };
}

describe("story page extras", () => {
  test("the timeline is drawn as an inline SVG, one numbered dot per dated event linked to its cited line", () => {
    const timeline = [
      { date: "2026-01-05", ...sentence("Rain fell on Monday.") },
      { date: "2026-01-06", dateEnd: "2026-01-09", ...sentence("Crews worked all week.") },
      { date: "2026-01-06", text: "The river <b>rose</b>", articleId: "a1", start: 21, end: 47, supportingArticleIds: [] },
      { nonsense: true },
      { date: "sometime", text: "An undated remark." },
    ];
    const html = storyPage(story, briefing({ timeline }), stored, false);
    const svg = /<svg class="timeline-svg"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    assert.ok(svg, "an SVG timeline");
    assert.equal(svg.match(/<circle /g)?.length, 3, "dated events only");
    assert.equal(svg.match(/<rect /g)?.length, 1, "the range is a bar");
    assert.match(svg, />2026-01-05<\/text>.*>2026-01-09<\/text>/);
    for (const n of [1, 2, 3]) assert.ok(svg.includes(`href="#tl-s1-${n}"`) && html.includes(`<li id="tl-s1-${n}">`));
    const list = /<ol class="timeline">[\s\S]*?<\/ol>/.exec(html)![0];
    assert.equal(list.match(/<li /g)?.length, 4, "the undated event is listed, not drawn");
    assert.match(list, /2026-01-06 – 2026-01-09/);
    assert.match(list, /href="\/articles\/a1#s-\d+"/, "events cite their sentence");
    assert.doesNotMatch(html, /<b>rose/);
    // Dots are placed by date: the second and third share a date, so they share an x.
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.ok(xs[0] < xs[1] && xs[1] === xs[2]);
  });

  test("people, places and organisations come from entities, most mentioned first, escaped, as search links", () => {
    const entities = [
      { name: "Lyon", type: "place", variants: ["Lyon"], count: 2, articleIds: ["a1"] },
      { name: "Jean <Dupont>", type: "person", variants: ["Dupont"], count: 5, articleIds: ["a1"] },
      { name: "Rhône", type: "location", count: 7, articleIds: ["a1"] },
      { name: "Red Cross", type: "org", count: 1, articleIds: ["a1"] },
      { name: 42, type: "person" },
    ];
    const html = storyPage(story, briefing({ entities }), stored, false);
    const places = /<h2>Places<\/h2><ul class="names">(.*?)<\/ul>/.exec(html)![1];
    assert.ok(places.indexOf("Rhône") < places.indexOf("Lyon"));
    assert.match(html, /<h2>People<\/h2><ul class="names"><li><a href="\/search\?q=Jean%20%3CDupont%3E"[^>]*>Jean &lt;Dupont&gt;<\/a>/);
    assert.match(html, /<h2>Organisations<\/h2>.*Red Cross/);
  });

  test("without timeline or entities the page has neither section", () => {
    const html = storyPage(story, briefing({}), stored, false);
    assert.doesNotMatch(html, /<svg|Timeline|People|Places/);
  });

  test("a huge story links three citations per sentence, lists the sources cited and the latest arrivals, and says how many more there are", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...stored[0], id: `a${i + 1}`, title: `Report ${i + 1}`, source: `Outlet ${i + 1}` }));
    const cited: Sentence = { ...sentence("The river rose on Tuesday."), articleId: "a150", supportingArticleIds: ["a150", "a7", "a9", "a11", "a13", "a12"] };
    const b = briefing({});
    b.stories[0].summary.push(cited);
    const html = storyPage({ ...story, articleCount: many.length }, b, many, false);
    const items = [...html.matchAll(/<li value="(\d+)" id="src-(a\d+)">/g)].map((m) => m[2]);
    const expected = ["a1", "a7", "a9", "a150", ...many.slice(-20).map((a) => a.id)];
    assert.deepEqual(items, expected);
    for (const m of html.matchAll(/class="cite"[^>]*>\[(\d+)\]/g)) assert.match(html, new RegExp(`<li value="${m[1]}" `), `citation [${m[1]}] has its source listed`);
    assert.match(html, /\[150\]<\/a><a class="cite" href="\/articles\/a7"[^>]*>\[7\]<\/a><a class="cite" href="\/articles\/a9"[^>]*>\[9\]<\/a><small class="more-cites" title="3 more articles say the same">\+3<\/small>/, "three links per sentence, the rest counted");
    assert.match(html, new RegExp(`${many.length - expected.length} more articles of this story not listed`));
    const small = storyPage({ ...story, articleCount: LISTED_SOURCES }, b, many.slice(0, LISTED_SOURCES), false);
    assert.equal(small.match(/<li value=/g)?.length, LISTED_SOURCES, "a story of ordinary size lists every source");
    assert.doesNotMatch(small, /not listed/);
  });

  test("a story whose articles name no source has no empty slot in its meta line", () => {
    const meta = (sources: string[]) => /<p class="meta">(.*?)<\/p>/.exec(storyPage({ ...story, sources }, briefing({}), stored, false))?.[1];
    assert.match(meta([]) ?? "", /^1 article · updated <time/);
    assert.match(meta(["Wire"]) ?? "", /^1 article · Wire · updated <time/);
  });

  test("dates of any precision start their period", () => {
    assert.equal(dateMs("2010"), Date.UTC(2010, 0, 1));
    assert.equal(dateMs("2010-03"), Date.UTC(2010, 2, 1));
    assert.equal(dateMs("2010-03-04T10:00"), Date.UTC(2010, 2, 4));
    assert.ok(Number.isNaN(dateMs("soon")));
  });
});
