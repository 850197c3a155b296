import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";
import type { Article } from "../types/index.js";
import { SEEDS, SHARED, requireShared } from "../testing/fixtures.js";
import { parseTextDocument } from "../ingest/text.js";
import { cleanDocument, toRawOffset } from "./index.js";
import { markNearDuplicates } from "./duplicates.js";
import { paragraphKey, wordCount } from "./rules.js";
import { segment } from "./segment.js";

function seeds(): Article[] {
  requireShared();
  return readdirSync(SEEDS)
    .sort()
    .map((name) => cleanDocument(parseTextDocument(readFileSync(`${SEEDS}/${name}`, "utf8"), name), name.slice(0, 3)));
}

test("a date printed under the headline becomes the publication date and leaves the text", () => {
  requireShared();
  // WikiNews articles (MultiLing 2011) print "Saturday, January 8, 2005" under the headline.
  const first = JSON.parse(readFileSync(`${SHARED}data/multiling2011_en/test.jsonl`, "utf8").split("\n")[0]) as { documents: string[] };
  const raw = first.documents[0];
  assert.match(raw, /^[^\n]+\n\nSaturday, January 8, 2005\n/);
  const article = cleanDocument(parseTextDocument(raw, "m000.txt"), "m0");
  assert.equal(article.published, "2005-01-08");
  assert.ok(!article.text.includes("January 8, 2005"), "the date line is not article text");
  assert.ok(article.text.startsWith("U.S. citizens donating in 2005"));
  const given = cleanDocument({ ...parseTextDocument(raw, "m000.txt"), published: "2005-01-09" }, "m0");
  assert.equal(given.published, "2005-01-09", "a date the input states wins over the printed line");
  const prose = cleanDocument(parseTextDocument("Talks ended.\n\nJanuary 8, 2005\n\n" + "The talks ended without agreement on any of the points raised by the delegations, officials said. ".repeat(2), "x.txt"), "x");
  assert.equal(prose.published, "2005-01-08");
});

test("a plain-text article's 'date YYYY-MM-DD' line works under its title too, not only above it", () => {
  const body = "The city council voted on Tuesday to close the old harbour bridge after engineers found cracks in two of its supports.";
  for (const raw of [`date 2026-12-01\nCouncil closes the harbour bridge\n\n${body}`, `Council closes the harbour bridge\ndate 2026-12-01\n\n${body}`]) {
    const article = cleanDocument(parseTextDocument(raw, "a.txt"), "a");
    assert.equal(article.title, "Council closes the harbour bridge", raw);
    assert.equal(article.published, "2026-12-01", raw);
    assert.equal(article.text, body);
  }
});

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

test("seeds: no ad, widget, photo credit, byline or social handle survives cleaning", () => {
  for (const a of seeds()) {
    const lines = a.text.split(/\n+/);
    assert.ok(!lines.some((l) => /^\s*AD\s*$/.test(l)), `${a.id}: AD line left`);
    assert.ok(!a.text.includes("Adjust Comment Print"), `${a.id}: widget line left`);
    assert.ok(!/Photo credit|Getty Images|TRT World and Agencies/.test(a.text), `${a.id}: photo credit left`);
    assert.ok(!/@\w+|Twitter:/.test(a.text), `${a.id}: social handle left`);
    assert.ok(!/^By\b/m.test(a.text), `${a.id}: byline left`);
    assert.ok(!/Route 6|^The Cable$/m.test(a.text), `${a.id}: navigation crumb left`);
  }
});

test("seeds: the 'More from' teaser block is gone (Kennan, DISCLOSE Act, Xi, Turkey)", () => {
  const all = seeds().map((a) => a.text).join("\n");
  for (const teaser of ["Kennan", "DISCLOSE", "Xi jinping", "Hulusi Akar", "Ambassadorship", "Charm Offensive", "Erdogan"]) {
    assert.ok(!all.includes(teaser), `teaser "${teaser}" left in cleaned text`);
  }
  assert.equal(seeds().find((a) => a.id === "001")!.removed.teaserBlocks, 1);
});

test("seeds: each repeated paragraph is kept once", () => {
  const [s000, s001, , , s004] = seeds();
  assert.equal(count(s001.text, "Russian Foreign Minister Sergei Lavrov will meet on Wednesday"), 1);
  assert.equal(count(s001.text, "Though U.S.-Russia relations plunged"), 1);
  assert.equal(count(s001.text, "This will be the first time Lavrov visited Washington since 2013"), 1);
  assert.ok(s001.removed.repeatedParagraphs >= 3);
  assert.ok(count(s004.text, "will meet his Russian counterpart Sergey Lavrov about the Syria crisis") <= 1);
  assert.ok(s000.text.startsWith("It is unclear if Lavrov will meet with Trump."));
});

test("seeds: titles, and body paragraphs untouched", () => {
  const [s000, s001, s002, , s004] = seeds();
  assert.equal(s001.title, "Mr. Lavrov Comes to Washington");
  assert.equal(s002.title, "Trump meets with Russia's top diplomat");
  assert.equal(s004.title, "Trump to meet Russia's top diplomat at the White House");
  assert.equal(s000.published, "2019-12-06");
  assert.ok(s004.text.includes("Tillerson and Lavrov's meeting in Alaska comes 150 years after Washington purchased Alaska from Moscow in 1867."));
  assert.ok(s004.text.includes("Common position"), "subheadings stay in the text");
});

test("the offset map points every cleaned character back at the same raw character", () => {
  requireShared();
  for (const name of readdirSync(SEEDS)) {
    const raw = readFileSync(`${SEEDS}/${name}`, "utf8");
    const article = cleanDocument(parseTextDocument(raw, name), name);
    for (const [cleanStart, rawStart, length] of article.rawOffsets) {
      assert.equal(article.text.slice(cleanStart, cleanStart + length), raw.slice(rawStart, rawStart + length));
    }
    const probe = article.text.indexOf("Lavrov");
    if (probe >= 0) assert.equal(raw.slice(toRawOffset(article, probe), toRawOffset(article, probe) + 6), "Lavrov");
  }
});

test("general rules, beyond the seeds: share prompts, related links, bios, captions next to credits", () => {
  const raw = [
    "Storm closes coastal roads",
    "Share on Facebook Share on Twitter Email",
    "By Jane Doe, Staff Writer",
    "Heavy rain closed roads along the coast on Tuesday, and officials said more closures were likely as the storm moved north.",
    "A car drives through a flooded street in Brighton on Tuesday. (Photo: Reuters)",
    "Photo: Reuters",
    "Emergency crews worked through the night to clear fallen trees from the main highway, the transport agency said in a statement.",
    "Related: Ten things to pack before a hurricane arrives",
    "Subscribe to our newsletter for daily updates",
    "Officials expect the roads to reopen by Thursday if the rain eases as forecast by the national weather service.",
    "Jane Doe is a reporter covering weather and climate for the Daily Planet.",
    "Most Popular",
    "Celebrity chef opens new restaurant",
    "Local team wins championship",
  ].join("\n\n");
  const a = cleanDocument({ file: "storm.txt", raw }, "storm");
  assert.equal(a.title, "Storm closes coastal roads");
  assert.deepEqual(
    a.text.split("\n\n").map((p) => p.slice(0, 20)),
    ["Heavy rain closed ro", "Emergency crews work", "Officials expect the"],
  );
  assert.equal(a.removed.teaserBlocks, 2);
  assert.ok(a.removed.captions >= 2 && a.removed.bylines >= 2 && a.removed.boilerplate >= 2);
});

test("near-duplicate articles are marked, the longer copy kept", () => {
  const body =
    "The central bank raised interest rates by a quarter point on Wednesday, citing persistent inflation in services and housing. " +
    "Officials said further increases were possible if prices kept rising faster than wages across the economy this year. " +
    "Markets fell sharply after the announcement, with bank shares leading the decline in afternoon trading in New York.";
  const wire = cleanDocument({ file: "wire.txt", raw: `${body}\n\nCopyright 2024 The Wire. All rights reserved.` }, "wire");
  const outlet = cleanDocument({ file: "outlet.txt", raw: `${body}\n\nAnalysts had expected the move after last month's jobs report showed strong hiring.` }, "outlet");
  const other = cleanDocument({ file: "other.txt", raw: "A storm closed roads along the coast on Tuesday as heavy rain flooded several towns and cut power to thousands of homes." }, "other");
  const articles = [wire, outlet, other];
  markNearDuplicates(articles);
  assert.equal(wire.duplicateOf, "outlet");
  assert.equal(outlet.duplicateOf, undefined);
  assert.equal(other.duplicateOf, undefined);
});

test("segment counts words and keys each unit as wordCount and paragraphKey do", () => {
  requireShared();
  let units = 0;
  for (const name of readdirSync(SEEDS).sort()) {
    const raw = readFileSync(`${SEEDS}/${name}`, "utf8") + "\n\nÉté 2024 — “Quoted” words\u00a0here\n\n…\n\n東京都は午前六時に避難指示を出した。\n\nBeijing 北京市气象台 warns";
    for (const unit of segment(raw)) {
      assert.equal(unit.words, wordCount(unit.text), `${name}: words of ${unit.text.slice(0, 40)}`);
      assert.equal(unit.key, paragraphKey(unit.text), `${name}: key of ${unit.text.slice(0, 40)}`);
      units++;
    }
  }
  assert.ok(units > 100);
});

test("a text that is only a title-like line (or that line above its date) keeps it as its text, instead of ending up empty", () => {
  for (const raw of ["Council votes to close the old harbour bridge", "Council votes to close the old harbour bridge\ndate 2026-12-01\n"]) {
    const article = cleanDocument(parseTextDocument(raw, "x.txt"), "x");
    assert.equal(article.title, "Council votes to close the old harbour bridge");
    assert.equal(article.text, "Council votes to close the old harbour bridge");
    assert.equal(article.wordCount, 8);
  }
  const withBody = cleanDocument(parseTextDocument("Council votes to close the old harbour bridge\n\nThe bridge closes on Monday.", "x.txt"), "x");
  assert.deepEqual([withBody.title, withBody.text], ["Council votes to close the old harbour bridge", "The bridge closes on Monday."]);
});

test("a title taken from the first sentence drops the dateline and is not cut at an abbreviation", () => {
  const raw = "LONDON (AP) _ Former Chilean dictator Gen. Augusto Pinochet was arrested in London on Friday.\n\nChile protested.";
  const article = cleanDocument(parseTextDocument(raw, "x.txt"), "x");
  assert.equal(article.title, "Former Chilean dictator Gen. Augusto Pinochet was arrested in London on Friday.");
});

test("a news agency's editing marks on their own lines are boilerplate; 'More' as a word is not taken for one", () => {
  const para = (s: string) => `${s} officials said on Tuesday, as the storm moved north along the coast and more closures were likely.`;
  const raw = ["Storm closes coastal roads", para("Heavy rain closed roads,"), "(BEGIN OPTIONAL TRIM)", para("Emergency crews worked,"), "(END OPTIONAL TRIM)", "nn", "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", para("Schools stayed shut,"), "MORE &QC;", "ENDIT", "XXXX END OF STORY", "-0-", "More rain is expected on Wednesday, forecasters said, and officials urged drivers to stay off the coastal roads."].join("\n\n");
  const a = cleanDocument({ file: "wire.txt", raw }, "wire");
  assert.deepEqual(
    a.text.split("\n\n").map((p) => p.slice(0, 12)),
    ["Heavy rain c", "Emergency cr", "Schools stay", "More rain is"],
  );
  assert.equal(a.removed.boilerplate, 8);
});

test("a date line run into the first paragraph ('Saturday, March 26, 2005 Up to four times…', MultiLing M000) is the publication date, cut from the text", () => {
  requireShared();
  const line = readFileSync(`${SHARED}data/multiling2011_en/test.jsonl`, "utf8").split("\n").find((l) => l.includes("Gender imbalance in Tsunami deaths"))!;
  const raw = (JSON.parse(line) as { documents: string[] }).documents.find((d) => d.startsWith("Gender imbalance in Tsunami deaths"))!;
  const a = cleanDocument({ file: "m000.txt", raw }, "a");
  assert.equal(a.published, "2005-03-26");
  assert.equal(a.title, "Gender imbalance in Tsunami deaths");
  assert.match(a.text, /^Up to four times as many women/);
  for (const [clean, from, length] of a.rawOffsets) assert.equal(raw.slice(from, from + length), a.text.slice(clean, clean + length));
  const sentence = cleanDocument({ file: "s.txt", raw: "Anniversary\n\nMarch 26, 2005 was the day the report came out, and the agency said it would not be the last one it wrote on the matter." }, "s");
  assert.equal(sentence.published, undefined, "a sentence that opens with a date is no date line");
  assert.match(sentence.text, /^March 26, 2005 was the day/);
});

test("a syndicate's notes to editors and its sales contacts leave the text; a reader's paragraph that names editors or a fax stays", () => {
  const story = "The harbour board approved a new ferry pier on Tuesday after two years of hearings on its cost and design.";
  const trailer = [
    "EDITOR: Visit the Harbour Features Syndicate Web site at http://www.example.com/features for more information on this series.",
    "NONSUBSCRIBERS: To publish this feature article, it must be bought. Please contact one of these sales representatives:",
    "--North America: JANE ROE in Boston at 1-617-555-0100; fax, 617-555-0101.",
    "--Europe: JOHN DOE in Paris at 47-42-17-11; fax, 47-42-80-44.",
    "(EDITORS: There is no charge for use of this story, but please send a copy to the school.)",
    "Editor's note: This story was updated on Wednesday with the board's vote count.",
  ];
  const kept = [
    "Editors at the paper said the pier had been debated for years before the vote.",
    "The board's office still sends its minutes by fax to residents who ask for them.",
  ];
  const article = cleanDocument(parseTextDocument([story, ...kept, ...trailer].join("\n\n"), "pier.txt"), "p");
  assert.equal(article.text, [story, ...kept].join("\n\n"));
  assert.equal(article.removed.boilerplate, trailer.length);
});
