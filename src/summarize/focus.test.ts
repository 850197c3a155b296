import assert from "node:assert/strict";
import { test } from "node:test";
import { corpusOfTexts as corpusOf } from "../testing/articles.js";
import type { Corpus, Selection } from "../types/index.js";
import { focusTerms } from "./focus.js";
import { lexrank } from "./lexrank.js";
import { newsbrief, TUNING } from "./newsbrief.js";
import { GRAPH_SENTENCES } from "./vectors.js";

const FLOOD = corpusOf([
  "The river flooded the old town on Monday after three days of heavy rain. Rescue teams moved two hundred families from the old town to schools on the hill. Farmers upstream lost their spring crops to the flood water.",
  "Heavy rain made the river flood the old town, forcing rescue teams to move families to schools. The mayor called it the worst flood in forty years. Farmers said the water ruined the spring crops across the valley.",
  "Rescue teams evacuated families from the flooded old town as the river rose after days of rain. Officials expect the water to fall by Thursday.",
]);

function text(corpus: Corpus, sel: Selection): string {
  const doc = corpus.docs[sel.doc];
  return doc.text.slice(doc.sentStart[sel.sent], doc.sentEnd[sel.sent]);
}

test("focusTerms: the focus's content words, stemmed as the articles' are; stop words and absent words match nothing", () => {
  // "happened" is not in the articles; "farmers" and "crop" match "Farmers" and "crops".
  const marked = focusTerms(FLOOD, "What happened to the farmers' crop?");
  assert.deepEqual(FLOOD.terms.filter((_, t) => marked[t] === 1).sort(), ["crop", "farmer"]);
  assert.equal(focusTerms(FLOOD, "the of what").reduce((n, x) => n + x, 0), 0);
});

test("newsbrief: a focus moves the sentences about it to the front; no focus, or one the articles never mention, changes nothing", () => {
  const budget = { sentences: 2 };
  const plain = newsbrief.summarize(FLOOD, budget, { seed: 1 });
  assert.doesNotMatch(text(FLOOD, plain[0]), /crops/);
  const focused = newsbrief.summarize(FLOOD, { ...budget, focus: "farmers and their crops" }, { seed: 1 });
  assert.match(text(FLOOD, focused[0]), /[Ff]armers.*crops/);
  assert.deepEqual(newsbrief.summarize(FLOOD, { ...budget, focus: "zeppelin tournament" }, { seed: 1 }), plain);
  assert.deepEqual(newsbrief.summarize(FLOOD, { ...budget, focus: "" }, { seed: 1 }), plain);
});

test("newsbrief: with a focus, the walk over similar sentences restarting at those about it lifts one about it over a side note two articles repeat", () => {
  const corpus = corpusOf([
    "Officials expect the water to fall by Thursday. Farmers upstream lost their spring crops to the flood water. A local bakery gave free bread to the families waiting in the schools.",
    "A local bakery gave free bread to the families waiting in the schools. Officials expect the water to fall by Thursday.",
    "Rescue teams evacuated families from the flooded old town as the river rose after days of rain. Crop insurance will cover part of the losses, the farm bureau said in a statement. Prices for wheat and corn crops rose at the regional market on Tuesday.",
  ]);
  const [first] = newsbrief.summarize(corpus, { sentences: 1, focus: "crops" }, { seed: 1 });
  assert.equal(text(corpus, first), "Farmers upstream lost their spring crops to the flood water.");
});

test("baselines ignore the focus", () => {
  const budget = { sentences: 2 };
  assert.deepEqual(lexrank.summarize(FLOOD, { ...budget, focus: "farmers and their crops" }, { seed: 1 }), lexrank.summarize(FLOOD, budget, { seed: 1 }));
});

test("newsbrief: past GRAPH_SENTENCES candidates a focus steers by its prior alone, without the walk over similar sentences, whose edges grow with the square", () => {
  const topics = ["bridge", "school", "budget", "storm", "flood", "rail"];
  const sentences = Array.from({ length: GRAPH_SENTENCES + 200 }, (_, i) => `The council met on day ${i} to weigh the ${topics[i % 6]} plan and the ${topics[(i * 7 + 1) % 6]} report for the town.`);
  const corpus = corpusOf([sentences.join(" ")]);
  const budget = { words: 100, focus: "flood rail" };
  const saved = TUNING.focusCentrality;
  let withoutWalk: Selection[];
  try {
    TUNING.focusCentrality = 0;
    withoutWalk = newsbrief.summarize(corpus, budget, { seed: 1 });
  } finally {
    TUNING.focusCentrality = saved;
  }
  assert.ok(saved > 0);
  assert.deepEqual(newsbrief.summarize(corpus, budget, { seed: 1 }), withoutWalk);
});
