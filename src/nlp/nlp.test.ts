import assert from "node:assert/strict";
import { test } from "node:test";
import type { Article } from "../types/index.js";
import { annotate, Lexicon, sentenceText } from "./index.js";

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
