import type { Budget, Corpus, Doc, Selection, Summarizer } from "../types/index.js";
import { BudgetTracker } from "./budget.js";
import { isCandidate, startsDangling, wordsOf } from "./candidates.js";
import { indexConcepts, type ConceptIndex } from "./concepts.js";

/**
 * newsbrief's own summariser: budgeted maximum coverage of weighted concepts (Gillick & Favre
 * 2009, "A scalable global model for summarization"), solved greedily. A concept (content word
 * or bigram) weighs as many independent articles as report it, so points most sources agree on
 * win, and material only one article carries (a stray teaser) weighs nothing. A concept also
 * weighs more the earlier the articles mention it (news puts the key facts first).
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

/** Tuning knobs, measured on every dataset (docs/benchmarks.md); exported so tests can isolate one mechanism. */
export const TUNING = {
  unigramWeight: 0.5,
  lengthExponent: 0.8,
  /** Lead sentences of news carry the story: sentence i gets a prior of 1 + positionPrior / (1 + i). */
  positionPrior: 0.5,
  danglingPenalty: 0.75,
  minDfShare: 0.2,
  dfExponent: 1,
  overlapMax: 0.6,
  fillRest: 1e-6,
  /** Concept c gains posGamma × Σ over articles of 1 / (1 + first sentence holding c / posScale). */
  posGamma: 1,
  posScale: 3,
  /** Agreement weights (above) need this many articles; a lone article is weighed by repetition instead. */
  agreementDocs: 2,
  /** A sentence addressing the reader ("you", "your") outside a quotation is site furniture (sign-up, share, delivery notices), not news. */
  readerPenalty: 0.3,
  /** Up to this many articles, each function word of a sentence adds `functionWordCredit` to its gain (see `candidatePool`). */
  fewArticles: 3,
  functionWordCredit: 1,
};

function conceptWeights(index: ConceptIndex, docs: number, corpus: Corpus): Float64Array {
  const weights = new Float64Array(index.size);
  if (docs >= TUNING.agreementDocs) {
    const minDf = Math.max(2, Math.round(docs * TUNING.minDfShare));
    const early = TUNING.posGamma > 0 ? earliness(index, corpus) : undefined;
    for (let c = 0; c < index.size; c++) {
      if (index.df[c] >= minDf) weights[c] = (Math.pow(index.df[c], TUNING.dfExponent) + (early ? TUNING.posGamma * early[c] : 0)) * (index.isBigram[c] ? 1 : TUNING.unigramWeight);
    }
    return weights;
  }
  // One article: nothing to agree on, so repetition within the text stands in for it.
  const tf = new Int32Array(index.size);
  corpus.docs.forEach((_, d) => index.sentConcepts[d].forEach((cs) => cs.forEach((c) => tf[c]++)));
  for (let c = 0; c < index.size; c++) if (tf[c] >= 2) weights[c] = tf[c] * (index.isBigram[c] ? 1 : TUNING.unigramWeight);
  return weights;
}

interface Candidate {
  doc: number;
  sent: number;
  words: number;
  prior: number;
  dangling: boolean;
  /** Gain the sentence has whatever is already covered (its function-word credit). */
  base: number;
}

const READER = /\byou(?:r|rs|rself)?\b/i;
const QUOTE = /["“”]/;

/**
 * With a few short articles only the handful of concepts two of them share carry weight, so most
 * sentences tie at little or no gain and the length normalisation would favour short fragments.
 * There each function word ("the", "of", "said") earns a small credit: full declarative sentences
 * win the ties. (ROUGE keeps stop words, and a summary's function words nearly always match the
 * reference's, so this is what the measure rewards too; with many articles the agreement weights
 * carry the choice and the credit stays off.) It also keeps a brief of two articles that share
 * little from ending after a sentence or two: full sentences, leads first, fill its budget.
 */
function candidatePool(corpus: Corpus, included: boolean[]): Candidate[] {
  const docs = included.filter(Boolean).length;
  const credit = docs <= TUNING.fewArticles ? TUNING.functionWordCredit : 0;
  const pool: Candidate[] = [];
  corpus.docs.forEach((doc, d) => {
    if (!included[d]) return;
    for (let i = 0; i < doc.sentStart.length; i++) {
      if (!isCandidate(doc, i)) continue;
      const dangling = startsDangling(doc, i);
      const text = doc.text.slice(doc.sentStart[i], doc.sentEnd[i]);
      const toReader = READER.test(text) && !QUOTE.test(text);
      const prior = (1 + TUNING.positionPrior / (1 + i)) * (dangling ? TUNING.danglingPenalty : 1) * (toReader ? TUNING.readerPenalty : 1);
      pool.push({ doc: d, sent: i, words: wordsOf(doc, i), prior, dangling, base: credit > 0 ? credit * functionWords(doc, i) : 0 });
    }
  });
  return pool;
}

function functionWords(doc: Doc, i: number): number {
  let n = 0;
  for (let t = doc.sentTokStart[i]; t < doc.sentTokStart[i + 1]; t++) if (doc.tokStop[t] && doc.tokTerm[t] >= 0) n++;
  return n;
}

/** Per concept, the sum over included documents of 1 / (1 + first sentence holding it / posScale). */
function earliness(index: ConceptIndex, corpus: Corpus): Float64Array {
  const out = new Float64Array(index.size);
  const seen = new Int32Array(index.size).fill(-1);
  corpus.docs.forEach((_, d) => {
    if (corpus.articles[d].duplicateOf) return;
    index.sentConcepts[d].forEach((cs, i) => {
      for (const c of cs) {
        if (seen[c] === d) continue;
        seen[c] = d;
        out[c] += 1 / (1 + i / TUNING.posScale);
      }
    });
  });
  return out;
}

function greedyCover(corpus: Corpus, index: ConceptIndex, weights: Float64Array, included: boolean[], budget: Budget): Selection[] {
  const pool = candidatePool(corpus, included);
  const covered = new Uint8Array(index.size);
  const mark = new Uint8Array(index.size);
  const taken = new Uint8Array(pool.length);
  const tracker = new BudgetTracker(budget);
  const out: Selection[] = [];
  // With `fill`, sentences that add no weighted concept still fill the budget: earliest first, fullest first with few articles.
  const fillValue = budget.fill ? TUNING.fillRest : 0;
  while (!tracker.full) {
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < pool.length; k++) {
      if (taken[k]) continue;
      const cand = pool[k];
      if (!tracker.fits(cand.words)) continue;
      let gain = cand.base;
      for (const c of index.sentConcepts[cand.doc][cand.sent]) if (!covered[c]) gain += weights[c];
      const score = ((gain + fillValue) / Math.pow(cand.words, TUNING.lengthExponent)) * cand.prior;
      if (score > bestScore) [best, bestScore] = [k, score];
    }
    if (best < 0) break;
    if (pool[best].dangling) [best, bestScore] = selfContained(best, bestScore);
    taken[best] = 1;
    const chosen = pool[best];
    const concepts = index.sentConcepts[chosen.doc][chosen.sent];
    if (overlap(concepts, covered, index) > TUNING.overlapMax) continue;
    for (const c of concepts) covered[c] = 1;
    tracker.take(chosen.words);
    out.push({ doc: chosen.doc, sent: chosen.sent, score: bestScore });
  }
  return out;

  /**
   * A sentence opening with "He", "But", "This"… reads badly out of context: when another
   * candidate covers most of the same new concept weight nearly as well, take that one instead.
   */
  function selfContained(best: number, bestScore: number): [number, number] {
    const own = index.sentConcepts[pool[best].doc][pool[best].sent];
    let total = 0;
    for (const c of own) {
      if (covered[c] || weights[c] === 0) continue;
      mark[c] = 1;
      total += weights[c];
    }
    let alt = best;
    let altScore = 0;
    for (let k = 0; k < pool.length; k++) {
      const cand = pool[k];
      if (taken[k] || cand.dangling || !tracker.fits(cand.words)) continue;
      let shared = 0;
      let gain = cand.base;
      for (const c of index.sentConcepts[cand.doc][cand.sent]) {
        if (covered[c]) continue;
        gain += weights[c];
        if (mark[c]) shared += weights[c];
      }
      const score = ((gain + fillValue) / Math.pow(cand.words, TUNING.lengthExponent)) * cand.prior;
      if (shared >= SAME_SHARE * total && score >= SAME_SCORE * bestScore && score > altScore) [alt, altScore] = [k, score];
    }
    for (const c of own) mark[c] = 0;
    return alt === best ? [best, bestScore] : [alt, altScore];
  }
}

/** Another sentence "says the same" as a dangling one when it covers this share of its new concept weight… */
const SAME_SHARE = 0.6;
/** …and scores at least this share as high. */
const SAME_SCORE = 0.5;

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
