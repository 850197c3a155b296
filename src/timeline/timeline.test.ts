import assert from "node:assert/strict";
import { test } from "node:test";
import { brief } from "../core/brief.js";
import { seedFile } from "../testing/fixtures.js";
import type { Briefing, TimelineEntry } from "../types/index.js";

function timeline(b: Briefing): TimelineEntry[] {
  return b.stories.flatMap((s) => s.timeline ?? []);
}

function checkEntries(b: Briefing): void {
  const text = new Map(b.articles.map((a) => [a.id, a.text]));
  for (const story of b.stories) {
    const t = story.timeline ?? [];
    for (const e of t) {
      assert.equal(text.get(e.articleId)!.slice(e.start, e.end), e.text, "timeline offsets point into the cleaned text");
      assert.ok(e.supportingArticleIds.includes(e.articleId));
      assert.match(e.date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    for (let i = 1; i < t.length; i++) assert.ok(t[i - 1].date <= t[i].date, `timeline sorted by date: ${t[i - 1].date} then ${t[i].date}`);
  }
}

/** The seeds' key events, whichever way they are grouped into stories. */
function assertSeedFacts(b: Briefing, files: string[]): void {
  const t = timeline(b);
  if (files.includes("000")) {
    const dec10 = t.find((e) => e.date === "2019-12-10");
    assert.ok(dec10, "the December 10, 2019 meeting is on the timeline");
    assert.match(dec10.text, /Dec\. 10/);
  }
  if (files.includes("003")) {
    const sochi = t.find((e) => e.date === "2019-05-14");
    assert.ok(sochi, "the May 14, 2019 Sochi talks are on the timeline");
    assert.match(sochi.text, /Sochi on May 14/);
    const agenda = t.find((e) => /top the agenda/.test(e.text));
    assert.equal(agenda && `${agenda.date}..${agenda.dateEnd}`, "2019-05-13..2019-05-19", "'next week, the State Department said on May 10': the week after May 10");
  }
  for (const id of ["001", "002", "004"].filter((f) => files.includes(f))) {
    const mine = t.filter((e) => e.articleId.startsWith(id));
    const wednesday = mine.filter((e) => /Wednesday/.test(e.text) && !/Thursday/.test(e.text));
    assert.ok(wednesday.length, `${id}: the Wednesday meeting is on the timeline`);
    for (const e of wednesday) assert.ok(e.date.startsWith("2017"), `${id}: the Washington meeting dated ${e.date}, not 2017`);
    for (const e of mine) assert.ok(e.date < "2018", `${id}: nothing in a May 2017 article is dated ${e.date}: ${e.text}`);
  }
}

for (const id of ["000", "001", "002", "003", "004"]) {
  test(`seed ${id} alone: its timeline has the right dates`, async () => {
    const b = await brief([seedFile(id)]);
    checkEntries(b);
    assertSeedFacts(b, [id]);
  });
}

test("all seeds together: the same dates, whatever the story grouping", async () => {
  const ids = ["000", "001", "002", "003", "004"];
  const b = await brief(ids.map(seedFile));
  checkEntries(b);
  assertSeedFacts(b, ids);
});

test("undated seeds keep published empty and say the date is estimated, with evidence", async () => {
  const b = await brief([seedFile("000"), seedFile("003"), seedFile("004")]);
  const [dated, sochi, washington] = b.articles;
  assert.equal(dated.published, "2019-12-06");
  assert.equal(dated.publishedEstimated, undefined);
  assert.equal(sochi.published, undefined);
  assert.equal(sochi.publishedEstimated?.date, "2019-05");
  assert.ok(sochi.publishedEstimated!.evidence.includes("since July 2018"), "since July 2018 is evidence");
  assert.ok(sochi.publishedEstimated!.confidence > 0 && sochi.publishedEstimated!.confidence <= 1);
  assert.ok(washington.publishedEstimated?.date.startsWith("2017"));
});

test("past background is flagged; the story's own developments are not", async () => {
  const b = await brief([seedFile("004")]);
  const t = timeline(b);
  const crimea = t.find((e) => /annexation of Crimea in 2014/.test(e.text));
  assert.ok(crimea?.background, "2014 Crimea is background in a 2017 story");
  assert.equal(crimea.date, "2014");
  const apposition = t.find((e) => /a year before Russia's annexation/.test(e.text));
  assert.equal(apposition?.date, "2013", "'first visit since 2013, a year before the annexation': the clause dates the annexation, not the line");
  assert.ok(apposition.background, "the last visit, in 2013, is background");
  assert.ok(t.filter((e) => e.date.startsWith("2017")).every((e) => !e.background));
  const election = timeline(await brief([seedFile("002")])).find((e) => /2016 United States presidential election/.test(e.text));
  assert.equal(election?.date, "2016");
  assert.ok(election.background, "a bare earlier year (the 2016 election, in a May 2017 story) is background");
});

test("the same development reported by two sources is one line citing both", async () => {
  const b = await brief([
    { id: "a", published: "2020-03-09", text: "The city council approved the new budget on Monday after a long debate about school funding.\n\nThe mayor said the vote was close." },
    { id: "b", published: "2020-03-10", text: "On Monday the city council approved the new budget after a long debate about school funding, officials said.\n\nThe budget takes effect in July." },
  ]);
  const t = timeline(b);
  const monday = t.filter((e) => e.date === "2020-03-09");
  assert.equal(monday.length, 1, JSON.stringify(t));
  assert.deepEqual([...monday[0].supportingArticleIds].sort(), ["a", "b"]);
  assert.ok(t.some((e) => e.date === "2020-07" && e.articleId === "b"), "July is this year's July in a future sentence");
});

test("a sentence joins the line it shares most with, not the first that shares enough", async () => {
  const b = await brief(
    [
      { id: "a", published: "2020-03-01", text: "Opposition leaders say they will not wait until the next general elections in April.\n\nThe party met in the capital to plan its campaign." },
      { id: "b", published: "2020-03-02", text: "Elections are scheduled for April 18.\n\nThe party met in the capital to plan its campaign for the vote." },
      { id: "c", published: "2020-03-03", text: "General elections are scheduled for April 18.\n\nThe party met in the capital to plan its campaign for the vote." },
    ],
    { separateStories: false },
  );
  const april18 = timeline(b).filter((e) => e.date === "2020-04-18");
  assert.equal(april18.length, 1, JSON.stringify(april18));
  assert.deepEqual([...april18[0].supportingArticleIds].sort(), ["b", "c"]);
});

test("the May 2017 Washington story: undated articles dated to the month their story allows", async () => {
  const b = await brief(["001", "002", "004"].map(seedFile));
  checkEntries(b);
  assertSeedFacts(b, ["001", "002", "004"]);
  for (const a of b.articles) assert.equal(a.publishedEstimated?.date, "2017-05", a.id);
  assert.ok(b.articles[1].publishedEstimated!.evidence.some((x) => /this story's other articles/.test(x)));
  const wednesday = timeline(b).filter((e) => /Wednesday/.test(e.text));
  assert.ok(wednesday.length >= 3);
  for (const e of wednesday) assert.equal(e.date, "2017-05", e.text);
  const yates = timeline(b).find((e) => /Yates said Monday/.test(e.text));
  assert.equal(yates?.date, "2017-05", "'said Monday that she alerted them earlier this year': at least the month the story allows");
});

test("a timeline line never opens with a pronoun: a same-saying sentence stands in, or the line goes", async () => {
  const b = await brief(
    [
      { id: "a", published: "1998-10-17", text: "Chile's foreign minister flew to London to discuss the case with British officials.\n\nHe protested on Friday against the arrest of the former dictator in London, aides said." },
      { id: "b", published: "1998-10-17", text: "Chilean Foreign Minister Jose Miguel Insulza protested on Friday against the arrest of the former dictator in London." },
      { id: "c", published: "1998-10-17", text: "The foreign minister of Chile spoke to reporters in Santiago about the London arrest.\n\nThey met him on Thursday at the presidential palace to discuss the protest." },
    ],
    { separateStories: false },
  );
  const t = timeline(b);
  const friday = t.find((e) => e.date === "1998-10-16");
  assert.ok(friday, "the Friday protest is on the timeline");
  assert.match(friday.text, /^Chilean Foreign Minister/);
  assert.deepEqual(new Set(friday.supportingArticleIds), new Set(["a", "b"]));
  assert.deepEqual(t.filter((e) => /^(?:He|They)\b/.test(e.text)), []);
});

test("a timeline line starts after a leading connective, and a line pointing back ('They', 'That means') goes", async () => {
  const text = [
    "The city council met for six hours to debate the school budget.",
    "But on Monday the council approved the new budget after a long debate.",
    "They said it takes effect in July.",
    "That means property taxes will rise in August.",
    "However, the mayor will veto the parks plan on Friday.",
  ].join("\n\n");
  const b = await brief([{ id: "a", published: "2020-03-10", text }]);
  checkEntries(b);
  const t = timeline(b);
  assert.deepEqual(
    t.map((e) => e.text),
    ["on Monday the council approved the new budget after a long debate.", "the mayor will veto the parks plan on Friday."],
  );
});


test("a sentence all in quotation marks is no timeline line: it never says who speaks; a quote with its speaker is", async () => {
  const text = [
    "The harbour authority closed the north pier on Monday after a crane collapsed.",
    "\"Tomorrow will be a long day for everyone here.\"",
    "\"The pier will reopen on Friday,\" the harbour master said on Tuesday.",
    "\"The crane was inspected last month. It passed.\"",
  ].join("\n\n");
  const b = await brief([{ id: "a", published: "2020-03-10", text }]);
  checkEntries(b);
  assert.deepEqual(
    timeline(b).map((e) => e.text),
    ["The harbour authority closed the north pier on Monday after a crane collapsed.", "\"The pier will reopen on Friday,\" the harbour master said on Tuesday."],
  );
});
test("a wire budget's photo line ('(NYT26) SAFRANBOLU, Turkey -- Oct. 28, 1998 -- SLUG'), a note on the photos sent ('The following photos …, moving Wednesday') and a note to client papers ('moving today to clients of the … News Service', 'unless otherwise embargoed') are no timeline lines", async () => {
  const text = [
    "The city council approved the new budget on Monday after a long debate.",
    "(NYT26) SAFRANBOLU, Turkey -- Oct. 28, 1998 -- TURKEY-ANNIVERSARY-2, 10-28 -- A Kurdish woman stands in front of her home on Tuesday.",
    "The following photos are part of tonight's picture service, moving Wednesday, 10/28/98.",
    "These columns for release Friday, Oct. 30, are moving today to clients of the Example News Service.",
    "The Example News Service will file the following for Thursday.",
    "Stories are for release Thursday, Oct. 29, 1998, unless otherwise embargoed.",
  ].join("\n\n");
  const t = timeline(await brief([{ id: "a", published: "1998-10-28", text }]));
  assert.deepEqual(t.map((e) => e.text), ["The city council approved the new budget on Monday after a long debate."]);
});

test("a short line that ends no sentence (a subheading, a TV listing) is no timeline line; a chronology's unpunctuated entry is", async () => {
  const text = [
    "The talks ran late into the night as delegates argued over the wording of the final text.",
    "Yesterday's negotiations",
    "Ministerial negotiations had continued through the night until the early morning hours yesterday, officials said.",
    "ABC, Sunday night at 9",
    "Weightlifter Ivo Marek expelled from the games after testing positive for steroids (September 13)",
  ].join("\n\n");
  const t = timeline(await brief([{ id: "a", published: "2000-09-16", text }]));
  assert.deepEqual(
    t.map((e) => e.text),
    ["Weightlifter Ivo Marek expelled from the games after testing positive for steroids (September 13)", "Ministerial negotiations had continued through the night until the early morning hours yesterday, officials said."],
  );
});

test("a lead-in ending with a colon is no timeline line", async () => {
  const b = await brief([{ id: "a", published: "1998-10-25", text: "The New York Times said in an editorial on Monday, Oct. 26:\n\nThe killing of Dr. Barnett Slepian on Friday was an act of terror." }]);
  const t = timeline(b);
  assert.ok(t.some((e) => /^The killing/.test(e.text)), JSON.stringify(t));
  assert.deepEqual(t.filter((e) => /:$/.test(e.text)), []);
});

test("an undated article with only background years gets no estimate, keeps the dates that state their year, and invents none", async () => {
  const text = [
    "Gen. Augusto Pinochet was arrested in London on Oct. 16 at the request of a Spanish judge, Prime Minister Tony Blair's office said.",
    "About 200 supporters gathered outside the embassy on Saturday evening to protest the arrest.",
    "An influential lawmaker on Saturday backed the government's protest.",
    "Pinochet seized power in a coup in September 1973 and ruled until 1990.",
  ].join("\n\n");
  const b = await brief([{ id: "pinochet", text }]);
  // The old year guess (1991, the year after the latest one named) was wrong: the arrest was in 1998.
  assert.equal(b.articles[0].publishedEstimated, undefined);
  const t = timeline(b);
  assert.ok(t.some((e) => e.date === "1973-09" && /coup/.test(e.text)), JSON.stringify(t));
  assert.deepEqual(t.filter((e) => /Saturday|Oct\. 16/.test(e.text)), [], "no sentence is dated by the weak estimate");
});

test("an undated article whose text only guesses a year takes the month of its story's dated articles", async () => {
  const arrest = "Gen. Augusto Pinochet was arrested in London on Oct. 16 at the request of a Spanish judge. Pinochet seized power in 1973.";
  const b = await brief(
    [
      { id: "a", published: "1998-10-17", text: `${arrest} Chile protested on Saturday.` },
      { id: "b", published: "1998-10-19", text: `${arrest} Supporters gathered on Monday.` },
      { id: "c", text: `${arrest} The judge asked for his extradition on Tuesday.` },
    ],
    { separateStories: false },
  );
  // Before: 1974-10 from the text's guess (the year after 1973), which kept the story's month out.
  assert.equal(b.articles[2].publishedEstimated?.date, "1998-10");
  assert.ok(b.articles[2].publishedEstimated!.evidence.some((x) => /this story's other articles/.test(x)));
});
