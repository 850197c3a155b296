import assert from "node:assert/strict";
import { test } from "node:test";
import { annotate, Lexicon } from "../nlp/index.js";
import { testArticle as article } from "../testing/articles.js";
import type { Article, Budget, Corpus, Selection } from "../types/index.js";
import { centroid } from "./centroid.js";
import { isCandidate, wordsOf } from "./candidates.js";
import { getSummarizer, SUMMARIZERS } from "./index.js";
import { lexrank } from "./lexrank.js";
import { mulberry32, random } from "./random.js";
import { textrank } from "./textrank.js";
import { earliestSentences, GRAPH_SENTENCES } from "./vectors.js";
import { briefDocuments } from "../core/brief.js";

function corpusOf(articles: Article[]): Corpus {
  const lexicon = new Lexicon();
  return { articles, docs: articles.map((a) => annotate(a, lexicon)), terms: lexicon.terms };
}

const STORY = [
  "The river flooded the old town on Monday after three days of heavy rain. Rescue teams moved two hundred families from the old town to schools on the hill. The mayor said the flood was the worst the town had seen in forty years. A local bakery handed out free bread to volunteers all afternoon.",
  "Heavy rain made the river flood the old town, forcing rescue teams to move families to schools. The mayor called it the worst flood in forty years and asked for help from the army. Farmers upstream reported losing most of their spring crops to the water.",
  "Rescue teams evacuated families from the flooded old town as the river rose after days of rain. Officials expect the water to fall by Thursday if the rain stops. The town's football match against its rivals was postponed until next month.",
  "A chess club in the capital celebrated its centenary with a tournament for young players on Sunday. The winner, a twelve year old girl, beat three adult masters in a row.",
];

const BASELINES = [lexrank, textrank, centroid, random];

function assertValid(corpus: Corpus, picked: Selection[], budget: Budget): void {
  const seen = new Set<string>();
  let words = 0;
  picked.forEach((sel, k) => {
    assert.ok(sel.doc >= 0 && sel.doc < corpus.docs.length, "doc in range");
    const doc = corpus.docs[sel.doc];
    assert.ok(sel.sent >= 0 && sel.sent < doc.sentStart.length, "sentence in range");
    assert.ok(isCandidate(doc, sel.sent), "a candidate sentence");
    assert.ok(!corpus.articles[sel.doc].duplicateOf, "never from a near-duplicate");
    assert.ok(Number.isFinite(sel.score));
    const key = `${sel.doc}:${sel.sent}`;
    assert.ok(!seen.has(key), `sentence ${key} picked twice`);
    seen.add(key);
    if (budget.words !== undefined && k > 0) assert.ok(words < budget.words, "no sentence added once the budget was reached");
    words += wordsOf(doc, sel.sent);
  });
  if (budget.words !== undefined && !budget.fill) assert.ok(words <= budget.words * 1.15 || picked.length === 1, `${words} words over a ${budget.words}-word budget`);
  if (budget.sentences !== undefined) assert.ok(picked.length <= budget.sentences);
}

test("baselines are registered by name", () => {
  for (const s of BASELINES) assert.equal(getSummarizer(s.name), s);
  assert.ok(SUMMARIZERS.has("newsbrief") && SUMMARIZERS.has("lead"));
});

test("each baseline returns valid, distinct candidate sentences within the budget", () => {
  const corpus = corpusOf(STORY.map((t, i) => article(`a${i}`, t)));
  for (const s of BASELINES) {
    for (const budget of [{ words: 40 }, { words: 60, fill: true }, { sentences: 2 }, { words: 1000 }] as Budget[]) {
      const picked = s.summarize(corpus, budget, { seed: 7 });
      assert.ok(picked.length > 0, `${s.name} picked nothing`);
      assertValid(corpus, picked, budget);
    }
  }
});

test("with fill, a baseline keeps adding sentences until the word budget is reached", () => {
  const corpus = corpusOf(STORY.map((t, i) => article(`a${i}`, t)));
  for (const s of BASELINES) {
    const picked = s.summarize(corpus, { words: 50, fill: true }, { seed: 1 });
    const words = picked.reduce((n, sel) => n + wordsOf(corpus.docs[sel.doc], sel.sent), 0);
    assert.ok(words >= 50, `${s.name}: ${words} words`);
  }
});

test("baselines skip near-duplicate articles and survive empty corpora", () => {
  const corpus = corpusOf([article("a0", STORY[0]), article("a1", STORY[0], { duplicateOf: "a0" })]);
  for (const s of BASELINES) {
    for (const sel of s.summarize(corpus, { words: 1000 }, { seed: 3 })) assert.equal(sel.doc, 0, s.name);
    assert.deepEqual(s.summarize(corpusOf([]), { words: 100 }, { seed: 1 }), []);
    assert.deepEqual(s.summarize(corpusOf([article("e", "Too short.")]), { words: 100 }, { seed: 1 }), []);
  }
});

test("random is deterministic for a seed and varies with it", () => {
  const corpus = corpusOf(STORY.map((t, i) => article(`a${i}`, t)));
  const run = (seed: number): string => JSON.stringify(random.summarize(corpus, { sentences: 4 }, { seed }));
  assert.equal(run(42), run(42));
  const distinct = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(run));
  assert.ok(distinct.size > 1, "different seeds give different orders");
  const next = mulberry32(9);
  for (let k = 0; k < 1000; k++) {
    const x = next();
    assert.ok(x >= 0 && x < 1);
  }
});

test("lexrank ranks the sentence most similar to the others first", () => {
  // The hub (article 3) shares words with every other sentence; the others share words only
  // with it, and the chess sentence with nothing.
  const texts = [
    "Rescue teams worked through the night near the river bank.",
    "Flooded families slept in the school gym on narrow beds.",
    "The mayor praised the courage of everyone in the town hall.",
    "Rescue teams moved flooded families while the mayor praised volunteers and farmers.",
    "Volunteers and farmers carried sandbags from the trucks.",
    "A chess club celebrated its hundredth birthday with cake.",
  ];
  const corpus = corpusOf(texts.map((t, i) => article(`a${i}`, t)));
  const first = lexrank.summarize(corpus, { sentences: 1 }, { seed: 1 })[0];
  assert.deepEqual([first.doc, first.sent], [3, 0]);
  const tr = textrank.summarize(corpus, { sentences: 1 }, { seed: 1 })[0];
  assert.deepEqual([tr.doc, tr.sent], [3, 0], "textrank agrees");
  const all = lexrank.summarize(corpus, { words: 1000 }, { seed: 1 });
  assert.ok(all.every((s, k) => k === 0 || s.score <= all[k - 1].score), "most important first");
});

test("centroid prefers the sentences about the cluster's main topic", () => {
  const corpus = corpusOf(STORY.map((t, i) => article(`a${i}`, t)));
  const picked = centroid.summarize(corpus, { sentences: 3 }, { seed: 1 });
  assert.ok(picked.every((s) => s.doc !== 3), "nothing from the unrelated chess article");
});

test("past GRAPH_SENTENCES the graph methods rank every article's earliest sentences, back in document order", () => {
  const refs = ["0:0", "0:1", "0:2", "1:0", "1:3", "2:1"].map((at) => ({ doc: Number(at[0]), sent: Number(at[2]), words: 9 }));
  assert.deepEqual(earliestSentences(refs, 4).map((r) => `${r.doc}:${r.sent}`), ["0:0", "0:1", "1:0", "2:1"]);
  assert.equal(earliestSentences(refs, 6), refs);
  assert.equal(lexrank.maxSentences, GRAPH_SENTENCES);
  assert.equal(textrank.maxSentences, GRAPH_SENTENCES);
});

test("brief with lexrank on an article longer than it ranks says so, and still briefs it", () => {
  const sentences = Array.from({ length: GRAPH_SENTENCES + 300 }, (_, i) => `The council met on day ${i} to discuss the ${["bridge", "school", "budget", "storm"][i % 4]} plan for the town.`);
  const raw = `Council meets\n\n${sentences.join(" ")}`;
  const briefing = briefDocuments([{ file: "long.txt", raw }], [], { algorithm: "lexrank" });
  assert.ok(briefing.stories[0].summary.length > 0);
  const said = briefing.messages.filter((m) => m.ruleId === "sentences-capped");
  assert.deepEqual(said.map((m) => m.severity), ["info"]);
  assert.match(said[0].reason, /^lexrank ranks at most 2000 sentences a story .* in story s1 it ranked each article's earliest sentences$/);
  assert.deepEqual(briefDocuments([{ file: "long.txt", raw }], []).messages.filter((m) => m.ruleId === "sentences-capped"), [], "newsbrief has no such limit");
});
