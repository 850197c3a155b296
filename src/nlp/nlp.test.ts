import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import type { Article } from "../types/index.js";
import { annotate, Lexicon, sentenceText } from "./index.js";
import { normalizeWord } from "./stem.js";
import { hashSpan, scanWord, scannedHash } from "./words.js";

function article(text: string): Article {
  return { id: "t", title: "t", text, wordCount: 0, removed: { boilerplate: 0, captions: 0, bylines: 0, teaserBlocks: 0, repeatedParagraphs: 0, chars: 0 }, rawOffsets: [] };
}

function sentences(text: string): string[] {
  const doc = annotate(article(text), new Lexicon());
  return Array.from(doc.sentStart, (_, i) => sentenceText(doc, i));
}

test("splits sentences without breaking at abbreviations, initials or dates", () => {
  assert.deepEqual(
    sentences(
      "Trump fired FBI Director James B. Comey on Tuesday. Mr. Lavrov met U.S. officials. Zakharova said it is set for Dec. 10 in Washington. The U.S. The end!",
    ),
    ["Trump fired FBI Director James B. Comey on Tuesday.", "Mr. Lavrov met U.S. officials.", "Zakharova said it is set for Dec. 10 in Washington.", "The U.S.", "The end!"],
  );
  assert.deepEqual(sentences('"We had a very, very good meeting," Trump said. "It was great." He left.'), [
    '"We had a very, very good meeting," Trump said.',
    '"It was great."',
    "He left.",
  ]);
});

test("military ranks abbreviated before a name do not end a sentence ('Army Spc. Charles Graner', 'Pfc. Lynndie England')", () => {
  assert.deepEqual(sentences("A court martial found Army Spc. Ray Tolan guilty of abuse. Pfc. Ana Ruiz was tried next."), [
    "A court martial found Army Spc. Ray Tolan guilty of abuse.",
    "Pfc. Ana Ruiz was tried next.",
  ]);
});

test("a wire editor's initials after the last sentence are outside it ('(tc-pfg-dkt)', 'tt-ggl', '(gm)')", () => {
  assert.deepEqual(sentences("Police raided two flats on Tuesday. No arrests were made. (tc-pfg-dkt)\n\nThe court met again. tt-ggl\n\nWinds stalled the launch. (gm)"), [
    "Police raided two flats on Tuesday.",
    "No arrests were made.",
    "The court met again.",
    "Winds stalled the launch.",
  ]);
  assert.deepEqual(sentences("He called it a mistake, not a crime (though others disagree)."), ["He called it a mistake, not a crime (though others disagree)."]);
});

test("paragraph breaks end sentences; headings stand alone", () => {
  assert.deepEqual(sentences("Common position\n\nRyabkov said on Monday that talks went well.\nThey will meet again."), [
    "Common position",
    "Ryabkov said on Monday that talks went well.",
    "They will meet again.",
  ]);
});

test("datelines are trimmed from the sentence span", () => {
  assert.deepEqual(sentences("LONDON (AP) _ An influential lawmaker on Saturday backed Spanish requests."), ["An influential lawmaker on Saturday backed Spanish requests."]);
  assert.deepEqual(sentences("WASHINGTON (AP) -- The Senate voted on Tuesday to approve the bill."), ["The Senate voted on Tuesday to approve the bill."]);
  assert.deepEqual(sentences("BRUSSELS, January 22 (Xinhua) -- Two recent polls showed a majority favour the euro."), ["Two recent polls showed a majority favour the euro."]);
  assert.deepEqual(sentences("Moscow (Reuters) - Russia said on Friday it would respond."), ["Russia said on Friday it would respond."]);
  assert.deepEqual(sentences("NICOSIA, Cyprus (AP) - About 100 Kurds occupied the embassy."), ["About 100 Kurds occupied the embassy."]);
  assert.deepEqual(sentences("Madrid, June 24 (Xinhua) -- Prime Minister Jose Maria Aznar called the cease-fire a stunt."), ["Prime Minister Jose Maria Aznar called the cease-fire a stunt."]);
});

test("datelines with an abbreviated state, a lowercase particle or a slug are trimmed whole", () => {
  assert.deepEqual(sentences("PEACH SPRINGS, Ariz. (AP) - When American Indians began embracing gambling, the tribe joined in."), ["When American Indians began embracing gambling, the tribe joined in."]);
  assert.deepEqual(sentences("COEUR d'ALENE, Idaho _ Issuing a verdict, a jury ordered the group to pay $6.3 million."), ["Issuing a verdict, a jury ordered the group to pay $6.3 million."]);
  assert.deepEqual(sentences("MICROSOFT _ WASHINGTON _ Can an 1890s anti-trust law govern a rapidly morphing industry."), ["Can an 1890s anti-trust law govern a rapidly morphing industry."]);
});

test("a list item's marker is outside the sentence span ('-- The Post said…', '_ For months…', '• Prices rose…'); a minus sign is not", () => {
  assert.deepEqual(sentences("The Washington Post:\n\n-- The institutes concluded that acupuncture works."), ["The Washington Post:", "The institutes concluded that acupuncture works."]);
  assert.deepEqual(sentences("_ For months, \"Star Wars\" fans have studied the trailer.\n\n_ Vanity Fair ran a cover story."), ["For months, \"Star Wars\" fans have studied the trailer.", "Vanity Fair ran a cover story."]);
  assert.deepEqual(sentences("• Prices rose 3 percent.\n\n- 40 people were hurt."), ["Prices rose 3 percent.", "40 people were hurt."]);
  assert.deepEqual(sentences("-5 degrees was the low on Monday."), ["-5 degrees was the low on Monday."]);
});

test("tokens carry offsets, stems and stop-word flags", () => {
  const doc = annotate(article("The ministers were meeting in Washington."), new Lexicon());
  const words = Array.from(doc.tokStart, (s, t) => doc.text.slice(s, doc.tokEnd[t]));
  assert.deepEqual(words, ["The", "ministers", "were", "meeting", "in", "Washington"]);
  assert.deepEqual(Array.from(doc.tokStop), [1, 0, 1, 0, 1, 0]);
  const lex = new Lexicon();
  const a = annotate(article("Meetings"), lex);
  const b = annotate(article("meeting"), lex);
  assert.equal(a.tokTerm[0], b.tokTerm[0], "inflections share a term");
});

test("the hand-written word scanner finds exactly what the word pattern finds", () => {
  const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu;
  const samples = [
    "U.S.-led talks, Jo-Ann's & AT&T's 3.5% rise... end-",
    "’quoted’ ‘x’ 'a'b' -lead trail- ..dots.. a--b a-.b",
    "Ελληνικά, русский, 中文字, العربية; 𝐀𝐁𝐂 math, 𠜎𠜱 ext-B, emoji 😀 x",
    "lone \ud800 high, lone \udc00 low, pair𝐀\u0301 combining é",
  ];
  const dir = new URL("../../../shared/seeds/", import.meta.url);
  if (existsSync(dir)) for (const f of readdirSync(dir)) samples.push(readFileSync(new URL(f, dir), "utf8"));
  for (const text of samples) {
    const doc = annotate(article(text), new Lexicon());
    const found = Array.from(doc.tokStart, (s, t) => `${s}:${doc.tokEnd[t]}`);
    const sentences = Array.from(doc.sentStart, (s, i) => [s, doc.sentEnd[i]]);
    const expected = [...text.matchAll(WORD)]
      .filter((m) => sentences.some(([s, e]) => m.index >= s && m.index < e))
      .map((m) => `${m.index}:${m.index + m[0].length}`);
    assert.deepEqual(found, expected);
    for (let t = 0; t < doc.tokStart.length; t++) {
      assert.equal(scanWord(text, doc.tokStart[t], text.length), doc.tokEnd[t]);
      assert.equal(scannedHash[0], hashSpan(text, doc.tokStart[t], doc.tokEnd[t]), "the scanner's hash is hashSpan's");
    }
  }
});

test("a lexicon gives the right term for every word, across vocabulary growth and clearing", () => {
  const lex = new Lexicon();
  for (let i = 0; i < 210_000; i++) {
    const word = `w${i.toString(36)}${i % 3 ? "ing" : "s"}`;
    assert.equal(lex.terms[lex.surface(word) >> 1], normalizeWord(word));
    if (i % 1000 === 0) assert.equal(lex.surface("The"), lex.surface("the"));
  }
  assert.equal(lex.terms[lex.surface("Meetings") >> 1], "meet");
});
