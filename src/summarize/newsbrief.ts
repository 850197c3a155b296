import type { Budget, Corpus, Selection, Summarizer } from "../types/index.js";
import { BudgetTracker } from "./budget.js";
import { isCandidate, startsDangling, wordsOf } from "./candidates.js";
import { indexConcepts, type ConceptIndex } from "./concepts.js";

/**
 * newsbrief's own summariser: budgeted maximum coverage of weighted concepts (Gillick & Favre
 * 2009, "A scalable global model for summarization"), solved greedily. A concept (content word
 * or bigram) weighs as many independent articles as report it, so points most sources agree on
 * win, and material only one article carries (a stray teaser) weighs nothing.
 */
export const newsbrief: Summarizer = {
  name: "newsbrief",
  description: "concept coverage weighted by how many articles report each point (default)",
  summarize(corpus: Corpus, budget: Budget): Selection[] {
    const included = corpus.articles.map((a) => !a.duplicateOf);
    const index = indexConcepts(corpus, included);
    const weights = conceptWeights(index, included.filter(Boolean).length, corpus);
    return greedyCover(corpus, index, weights, included, budget);
  },
};

const UNIGRAM_WEIGHT = 0.5;
const LENGTH_EXPONENT = 0.8;
/** Lead sentences of news carry the story: sentence i gets a prior of 1 + POSITION_PRIOR / (1 + i). */
const POSITION_PRIOR = 0.5;

function conceptWeights(index: ConceptIndex, docs: number, corpus: Corpus): Float64Array {
  const weights = new Float64Array(index.size);
  if (docs >= 3) {
    const minDf = Math.max(2, Math.round(docs * 0.2));
    for (let c = 0; c < index.size; c++) {
      if (index.df[c] >= minDf) weights[c] = index.df[c] * (index.isBigram[c] ? 1 : UNIGRAM_WEIGHT);
    }
    return weights;
  }
  // One or two articles: nothing to agree on, so repetition within the text stands in for it.
  const tf = new Int32Array(index.size);
  corpus.docs.forEach((_, d) => index.sentConcepts[d].forEach((cs) => cs.forEach((c) => tf[c]++)));
  for (let c = 0; c < index.size; c++) if (tf[c] >= 2) weights[c] = tf[c] * (index.isBigram[c] ? 1 : UNIGRAM_WEIGHT);
  return weights;
}

function greedyCover(corpus: Corpus, index: ConceptIndex, weights: Float64Array, included: boolean[], budget: Budget): Selection[] {
  const pool: Array<{ doc: number; sent: number; words: number; prior: number }> = [];
  corpus.docs.forEach((doc, d) => {
    if (!included[d]) return;
    for (let i = 0; i < doc.sentStart.length; i++) {
      if (!isCandidate(doc, i)) continue;
      const prior = (1 + POSITION_PRIOR / (1 + i)) * (startsDangling(doc, i) ? 0.75 : 1);
      pool.push({ doc: d, sent: i, words: wordsOf(doc, i), prior });
    }
  });
  const covered = new Uint8Array(index.size);
  const taken = new Uint8Array(pool.length);
  const tracker = new BudgetTracker(budget);
  const out: Selection[] = [];
  while (!tracker.full) {
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < pool.length; k++) {
      if (taken[k]) continue;
      const cand = pool[k];
      if (!tracker.fits(cand.words)) continue;
      let gain = 0;
      for (const c of index.sentConcepts[cand.doc][cand.sent]) if (!covered[c]) gain += weights[c];
      const score = (gain / Math.pow(cand.words, LENGTH_EXPONENT)) * cand.prior;
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    if (best < 0) break;
    taken[best] = 1;
    const chosen = pool[best];
    const concepts = index.sentConcepts[chosen.doc][chosen.sent];
    if (overlap(concepts, covered, index) > 0.6) continue;
    for (const c of concepts) covered[c] = 1;
    tracker.take(chosen.words);
    out.push({ doc: chosen.doc, sent: chosen.sent, score: bestScore });
  }
  return out;
}

/** Share of a sentence's unigram concepts already covered: a guard against near-repeats. */
function overlap(concepts: Int32Array, covered: Uint8Array, index: ConceptIndex): number {
  let unigrams = 0;
  let seen = 0;
  for (const c of concepts) {
    if (index.isBigram[c]) continue;
    unigrams++;
    if (covered[c]) seen++;
  }
  return unigrams === 0 ? 1 : seen / unigrams;
}
