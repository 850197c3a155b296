import { isCrawlJunk, isFurniture } from "../stories/boilerplate.js";
import type { Budget, Corpus, Doc, Selection, Summarizer } from "../types/index.js";
import { BudgetTracker, DEFAULT_WORDS } from "./budget.js";
import { centrality, type SentenceVectors } from "./centrality.js";
import { isCandidate, isHalfQuote, isPhotoCaption, MAX_WORDS, MIN_WORDS, spacedWords, startsDangling, startsPointingBack, startsWithBareDescription, wordsOf } from "./candidates.js";
import { indexConcepts, type ConceptIndex } from "./concepts.js";
import { focusTerms } from "./focus.js";
import { GRAPH_SENTENCES, sentenceIdf, termSpace } from "./vectors.js";

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
    // Whether each text holds a page-furniture phrase at all: most do not, and then none of their sentences does.
    const furnished = corpus.docs.map((doc) => isFurniture(doc.text));
    const included = withoutJunk(corpus, corpus.articles.map((a) => !a.duplicateOf), furnished);
    const docs = included.filter(Boolean).length;
    const copied = docs >= TUNING.copiesFrom ? copiedSentences(corpus, included) : undefined;
    const index = indexConcepts(corpus, included, copied);
    const weights = conceptWeights(index, docs, included, copied);
    const focus = budget.focus ? focusWords(index, focusTerms(corpus, budget.focus)) : undefined;
    return greedyCover(corpus, index, weights, included, furnished, budget, focus);
  },
};

/**
 * The articles to summarise: those not duplicates (`included`), less crawl junk (a cookie wall or
 * archive note a crawler kept instead of the article), unless nothing else is left. Junk neither
 * supplies sentences nor counts as an article agreeing on a point.
 */
function withoutJunk(corpus: Corpus, included: boolean[], furnished: boolean[]): boolean[] {
  const out = included.map((inc, d) => inc && !isCrawlJunk(corpus.docs[d].text, furnished[d]));
  return out.some(Boolean) ? out : included;
}

/**
 * Per corpus sentence (numbered as `ConceptIndex.docSent`), 1 when it repeats token for token a
 * sentence of an earlier included article (a wire paragraph two outlets both ran, the background
 * paragraph an agency repeats in each follow-up): the same report again, not a second source
 * agreeing, so its concepts count towards neither df nor earliness there. Sentences under
 * MIN_WORDS tokens ("He declined to comment.") are never copies.
 */
export function copiedSentences(corpus: Corpus, included: boolean[]): Uint8Array {
  const docs = corpus.docs;
  let total = 0;
  for (const doc of docs) total += doc.sentStart.length;
  const copied = new Uint8Array(total);
  // Hash of a sentence's term ids → the first article holding it.
  const firstDoc = new Map<number, number>();
  for (let d = 0, s = 0; d < docs.length; s += docs[d].sentStart.length, d++) {
    if (!included[d]) continue;
    const { tokTerm, sentTokStart, sentStart } = docs[d];
    for (let i = 0; i < sentStart.length; i++) {
      const from = sentTokStart[i];
      const to = sentTokStart[i + 1];
      if (to - from < MIN_WORDS) continue;
      // Two 32-bit hashes folded into one 53-bit key: one 32-bit hash collides within ~40,000 sentences (a story of ~1,500 articles).
      let h = 0x811c9dc5;
      let g = 0x01000193;
      for (let t = from; t < to; t++) {
        h = Math.imul(h ^ tokTerm[t], 0x01000193);
        g = Math.imul(g ^ tokTerm[t], 0x5bd1e995);
      }
      const key = (h >>> 0) * 0x200000 + (g >>> 11);
      const first = firstDoc.get(key);
      if (first === undefined) firstDoc.set(key, d);
      else if (first !== d) copied[s + i] = 1;
    }
  }
  return copied;
}

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
  /**
   * From this many articles on, a sentence copied word for word from another article adds no
   * agreement (see `copiedSentences`). With fewer, the copy is often the one report all share:
   * discounting it left the Multi-News pairs and triples a little worse (-0.01 to -0.02).
   */
  copiesFrom: 4,
  /**
   * A sentence addressing the reader ("you", "your") outside a quotation, or holding a phrase only
   * page furniture uses ("sign up for", "all rights reserved"), is site furniture, not news.
   */
  readerPenalty: 0.3,
  /**
   * A photo caption or credit ("File - In this 2017 file photo, …", "( AP Photo/… )"; see
   * `isPhotoCaption`) describes a picture, not the news, and one glued to a lead is a poor copy
   * of it: such a sentence is taken only when nothing else adds anything.
   */
  captionPenalty: 0.05,
  /** Up to this many articles, each function word of a sentence adds `functionWordCredit` to its gain (see `candidatePool`). */
  fewArticles: 3,
  functionWordCredit: 1,
  /**
   * With a focus (a reader's question or topic), a sentence's prior is multiplied by 1 + focusPrior ×
   * the share of the focus words (those the articles use) it holds. Weighing the concepts holding
   * focus words more instead, or as well, did no better on DUC 2006-2007.
   */
  focusPrior: 2,
  /**
   * With a focus, a sentence's prior is also multiplied by its topic-sensitive LexRank centrality
   * (mean 1) to this power: the walk over similar sentences restarts at sentences holding focus words
   * with probability `focusCentralityBias`, uniformly otherwise. Central sentences state what many
   * others say about the question; the focus prior alone favours any that names its words.
   */
  focusCentrality: 0.7,
  focusCentralityBias: 0.5,
};

/** Per concept, 1 when it is a unigram whose term is a focus term (`terms`: 1 per focus term id). */
export function focusWords(index: ConceptIndex, terms: Uint8Array): Uint8Array {
  const out = new Uint8Array(index.size);
  for (let c = 0; c < index.size; c++) if (!index.isBigram[c]) out[c] = terms[index.term[c]];
  return out;
}

function conceptWeights(index: ConceptIndex, docs: number, included: boolean[], copied: Uint8Array | undefined): Float64Array {
  const weights = new Float64Array(index.size);
  const { df, isBigram } = index;
  if (docs >= TUNING.agreementDocs) {
    const minDf = Math.max(2, Math.round(docs * TUNING.minDfShare));
    const early = TUNING.posGamma > 0 ? earliness(index, included, copied) : undefined;
    for (let c = 0; c < index.size; c++) {
      if (df[c] >= minDf) weights[c] = (Math.pow(df[c], TUNING.dfExponent) + (early ? TUNING.posGamma * early[c] : 0)) * (isBigram[c] ? 1 : TUNING.unigramWeight);
    }
    return weights;
  }
  // One article: nothing to agree on, so repetition within the text stands in for it.
  const tf = new Int32Array(index.size);
  const end = index.sentFrom[index.sentFrom.length - 1];
  for (let k = 0; k < end; k++) tf[index.concepts[k]]++;
  for (let c = 0; c < index.size; c++) if (tf[c] >= 2) weights[c] = tf[c] * (isBigram[c] ? 1 : TUNING.unigramWeight);
  return weights;
}

/** The candidate sentences, as parallel arrays (k-th candidate: sentence `sent[k]` of doc `doc[k]`). */
interface Pool {
  size: number;
  doc: Int32Array;
  sent: Int32Array;
  /** Length in tokens, what the score normalises by. */
  words: Int32Array;
  /** Length in ROUGE's words (whitespace-separated), what the budget counts. */
  spaced: Int32Array;
  /** Parallel to `index.concepts`, for candidates: the ROUGE word (0-based) completing the concept there. */
  conceptWord: Int32Array;
  /** words ** lengthExponent, the length normalisation of the score. */
  norm: Float64Array;
  prior: Float64Array;
  dangling: Uint8Array;
  /** Opens with a pronoun, connective or bare description pointing back: taken only right after the sentence before it. */
  pointing: Uint8Array;
  /** Gain the candidate has whatever is already covered (its function-word credit). */
  base: Float64Array;
  /** The candidate's concepts: `index.concepts[from[k] .. to[k])`. */
  from: Int32Array;
  to: Int32Array;
}

/** Addresses the reader: "your browser", "Please check the URL", "Sorry, this zipcode is not in our area". */
const READER = /\b(?:you(?:r|rs|rself)?|please)\b|\bsorry,/i;
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
function candidatePool(corpus: Corpus, included: boolean[], furnished: boolean[], index: ConceptIndex, focus: Uint8Array | undefined): Pool {
  let docs = 0;
  for (const inc of included) if (inc) docs++;
  const credit = docs <= TUNING.fewArticles ? TUNING.functionWordCredit : 0;
  const total = index.docSent[corpus.docs.length];
  const pool: Pool = {
    size: 0,
    doc: new Int32Array(total),
    sent: new Int32Array(total),
    words: new Int32Array(total),
    spaced: new Int32Array(total),
    conceptWord: new Int32Array(index.conceptWord.length),
    norm: new Float64Array(total),
    prior: new Float64Array(total),
    dangling: new Uint8Array(total),
    pointing: new Uint8Array(total),
    base: new Float64Array(total),
    from: new Int32Array(total),
    to: new Int32Array(total),
  };
  const wordOfToken = new Int32Array(MAX_WORDS);
  let focusTotal = 0;
  if (focus) for (let c = 0; c < index.size; c++) focusTotal += focus[c];
  for (let d = 0; d < corpus.docs.length; d++) {
    if (!included[d]) continue;
    const doc = corpus.docs[d];
    for (let i = 0; i < doc.sentStart.length; i++) {
      if (!isCandidate(doc, i)) continue;
      const k = pool.size++;
      const text = doc.text.slice(doc.sentStart[i], doc.sentEnd[i]);
      const bare = startsWithBareDescription(doc, i);
      const dangling = startsDangling(doc, i) || isHalfQuote(text) || bare;
      const s = index.docSent[d] + i;
      pool.doc[k] = d;
      pool.sent[k] = i;
      pool.words[k] = wordsOf(doc, i);
      pool.spaced[k] = spacedWords(doc, i, wordOfToken);
      for (let j = index.sentFrom[s]; j < index.sentFrom[s + 1]; j++) pool.conceptWord[j] = wordOfToken[index.conceptWord[j]];
      pool.norm[k] = Math.pow(pool.words[k], TUNING.lengthExponent);
      const furniture = (READER.test(text) && !QUOTE.test(text)) || (furnished[d] && isFurniture(text));
      pool.prior[k] = (1 + TUNING.positionPrior / (1 + i)) * (dangling ? TUNING.danglingPenalty : 1) * (furniture ? TUNING.readerPenalty : 1) * (isPhotoCaption(text) ? TUNING.captionPenalty : 1);
      if (focus && focusTotal > 0) pool.prior[k] *= 1 + (TUNING.focusPrior * focusIn(index, s, focus)) / focusTotal;
      pool.dangling[k] = dangling ? 1 : 0;
      pool.pointing[k] = startsPointingBack(doc, i) || bare ? 1 : 0;
      pool.base[k] = credit > 0 ? credit * functionWords(doc, i) : 0;
      pool.from[k] = index.sentFrom[s];
      pool.to[k] = index.sentFrom[s + 1];
    }
  }
  // Past GRAPH_SENTENCES the graph's edges could grow with the square (1 MB of one repetitive article: 1.1 GB); the focus prior alone steers.
  if (focus && focusTotal > 0 && TUNING.focusCentrality > 0 && pool.size > 1 && pool.size <= GRAPH_SENTENCES) weighByCentrality(corpus, index, pool, focus);
  return pool;
}

function weighByCentrality(corpus: Corpus, index: ConceptIndex, pool: Pool, focus: Uint8Array): void {
  const teleport = focusTeleport(index, pool, focus);
  const central = centrality(sentenceVectors(corpus, pool), { threshold: CENTRALITY_THRESHOLD, damping: CENTRALITY_DAMPING, teleport });
  for (let k = 0; k < pool.size; k++) pool.prior[k] *= Math.pow(central[k], TUNING.focusCentrality);
}

/** Erkan & Radev's edge threshold and damping. */
const CENTRALITY_THRESHOLD = 0.1;
const CENTRALITY_DAMPING = 0.85;

/** Where the walk restarts: share `focusCentralityBias` by the number of focus words a candidate holds, the rest evenly. */
function focusTeleport(index: ConceptIndex, pool: Pool, focus: Uint8Array): Float64Array {
  const out = new Float64Array(pool.size);
  let total = 0;
  for (let k = 0; k < pool.size; k++) total += out[k] = focusIn(index, index.docSent[pool.doc[k]] + pool.sent[k], focus);
  const bias = total > 0 ? TUNING.focusCentralityBias : 0;
  for (let k = 0; k < pool.size; k++) out[k] = (1 - bias) / pool.size + (bias > 0 ? (bias * out[k]) / total : 0);
  return out;
}

/** LexRank's vectors of the candidates: counts of their content terms times idf over the sentences of the non-duplicate articles. */
function sentenceVectors(corpus: Corpus, pool: Pool): SentenceVectors {
  const dims = termSpace(corpus);
  const idf = sentenceIdf(corpus, dims);
  let bound = 0;
  for (let k = 0; k < pool.size; k++) bound += pool.words[k];
  const from = new Int32Array(pool.size + 1);
  const ids = new Int32Array(bound);
  const vals = new Float64Array(bound);
  // Where each term sits in the vector being built (an earlier position: not in it yet).
  const slot = new Int32Array(dims).fill(-1);
  for (let k = 0, e = 0; k < pool.size; k++) {
    const doc = corpus.docs[pool.doc[k]];
    for (let t = doc.sentTokStart[pool.sent[k]]; t < doc.sentTokStart[pool.sent[k] + 1]; t++) {
      const term = doc.tokTerm[t];
      if (term < 0 || doc.tokStop[t] || idf[term] === 0) continue;
      if (slot[term] >= from[k]) vals[slot[term]] += idf[term];
      else {
        slot[term] = e;
        ids[e] = term;
        vals[e++] = idf[term];
      }
    }
    from[k + 1] = e;
  }
  return { n: pool.size, dims, from, ids, vals };
}

/** Number of distinct focus words in corpus sentence s (`focus`: per concept). */
function focusIn(index: ConceptIndex, s: number, focus: Uint8Array): number {
  let n = 0;
  for (let j = index.sentFrom[s]; j < index.sentFrom[s + 1]; j++) n += focus[index.concepts[j]];
  return n;
}

function functionWords(doc: Doc, i: number): number {
  let n = 0;
  for (let t = doc.sentTokStart[i]; t < doc.sentTokStart[i + 1]; t++) if (doc.tokStop[t] && doc.tokTerm[t] >= 0) n++;
  return n;
}

/** Per concept, the sum over included documents of 1 / (1 + first sentence holding it / posScale), copied sentences (`copied`) left out. */
function earliness(index: ConceptIndex, included: boolean[], copied: Uint8Array | undefined): Float64Array {
  const out = new Float64Array(index.size);
  const seen = new Int32Array(index.size).fill(-1);
  const { concepts, sentFrom, docSent } = index;
  for (let d = 0; d < included.length; d++) {
    if (!included[d]) continue;
    for (let s = docSent[d], i = 0; s < docSent[d + 1]; s++, i++) {
      if (copied !== undefined && copied[s] === 1) continue;
      for (let k = sentFrom[s]; k < sentFrom[s + 1]; k++) {
        const c = concepts[k];
        if (seen[c] === d) continue;
        seen[c] = d;
        out[c] += 1 / (1 + i / TUNING.posScale);
      }
    }
  }
  return out;
}

function greedyCover(corpus: Corpus, index: ConceptIndex, weights: Float64Array, included: boolean[], furnished: boolean[], budget: Budget, focus?: Uint8Array): Selection[] {
  const pool = candidatePool(corpus, included, furnished, index, focus);
  const concepts = index.concepts;
  const covered = new Uint8Array(index.size);
  const taken = new Uint8Array(pool.size);
  const tracker = new BudgetTracker(budget);
  const out: Selection[] = [];
  // Corpus sentences taken (numbered as `index.docSent`): a sentence pointing back needs the one before it among them.
  const chosen = new Set<number>();
  const poolOf = new Int32Array(index.docSent[corpus.docs.length]).fill(-1);
  for (let k = 0; k < pool.size; k++) poolOf[index.docSent[pool.doc[k]] + pool.sent[k]] = k;
  // With `fill`, sentences that add no weighted concept still fill the budget: earliest first, fullest first with few articles.
  const fill = budget.fill ? TUNING.fillRest : 0;
  // With `fill` the scorer cuts the summary at the word budget (ROUGE -l), inside the last sentence.
  const limit = budget.fill && budget.sentences === undefined ? budget.words ?? DEFAULT_WORDS : Infinity;
  const scan: Scan = { pool, concepts, conceptWord: pool.conceptWord, weights, covered, taken, mark: new Uint8Array(index.size), tracker, fill, room: limit, scores: new Float64Array(pool.size) };
  // Scores change only when a sentence is taken into the summary (covered concepts, budget); after a
  // pass that took none (a near-repeat or an orphaned pronoun left out) the next best is the next in
  // the last scan's ranking. Rescanning instead made one long repetitive article quadratic.
  let ranking: Ranking | undefined;
  let scanned = false;
  while (!tracker.full) {
    let best: number;
    if (scanned) best = (ranking ??= new Ranking(scan.scores)).next(taken);
    else {
      selectionScans.count++;
      best = bestCandidate(scan);
      scanned = true;
    }
    if (best < 0) break;
    let bestScore = scoreOf(scan, best);
    if (pool.dangling[best]) {
      const alt = selfContained(scan, best, bestScore);
      if (alt >= 0) {
        best = alt;
        bestScore = scoreOf(scan, alt);
      }
    }
    if (pool.pointing[best] && !chosen.has(index.docSent[pool.doc[best]] + pool.sent[best] - 1)) {
      const before = antecedent(scan, poolOf, index.docSent[pool.doc[best]], best);
      if (before < 0) {
        taken[best] = 1;
        continue;
      }
      best = before;
      bestScore = scoreOf(scan, before);
    }
    taken[best] = 1;
    if (overlap(concepts, pool.from[best], pool.to[best], covered, index.isBigram) > TUNING.overlapMax) continue;
    for (let j = pool.from[best]; j < pool.to[best]; j++) covered[concepts[j]] = 1;
    ranking = undefined;
    scanned = false;
    chosen.add(index.docSent[pool.doc[best]] + pool.sent[best]);
    tracker.take(pool.spaced[best]);
    scan.room = limit - tracker.words;
    out.push({ doc: pool.doc[best], sent: pool.sent[best], score: bestScore });
  }
  return out;
}

/** How many times the selection has scored every candidate, since the process started: what selection costs, for tests. */
export const selectionScans = { count: 0 };

/** The state of the greedy selection; the scans below are separate functions so each returns one number right after its loop. */
interface Scan {
  pool: Pool;
  concepts: Int32Array;
  conceptWord: Int32Array;
  weights: Float64Array;
  covered: Uint8Array;
  taken: Uint8Array;
  mark: Uint8Array;
  tracker: BudgetTracker;
  fill: number;
  /**
   * Words left before the scorer's cut (Infinity without one). A longer sentence is cut there,
   * so it is scored as its first `room` words: the concepts they complete, at that length.
   */
  room: number;
  /** Per candidate, its score in the last `bestCandidate` scan (0 when it was not eligible). */
  scores: Float64Array;
}

/** Score of candidate k: its uncovered concept weight per length, times its prior. */
function scoreOf(scan: Scan, k: number): number {
  const { pool, concepts, covered, weights } = scan;
  if (pool.spaced[k] > scan.room) return cutScore(scan, k);
  let gain = pool.base[k];
  for (let j = pool.from[k]; j < pool.to[k]; j++) if (covered[concepts[j]] === 0) gain += weights[concepts[j]];
  return ((gain + scan.fill) / pool.norm[k]) * pool.prior[k];
}

/** Score of candidate k when the cut falls inside it: only its first `room` words count (its function-word credit pro rata). */
function cutScore(scan: Scan, k: number): number {
  const { pool, concepts, conceptWord, covered, weights, room } = scan;
  const share = room / pool.spaced[k];
  let gain = pool.base[k] * share;
  for (let j = pool.from[k]; j < pool.to[k]; j++) if (conceptWord[j] < room && covered[concepts[j]] === 0) gain += weights[concepts[j]];
  return ((gain + scan.fill) / (pool.norm[k] * Math.pow(share, TUNING.lengthExponent))) * pool.prior[k];
}

/** The untaken candidate that fits with the highest score (the first of equals), or -1 when none scores above 0. */
function bestCandidate(scan: Scan): number {
  const { pool, taken, tracker, scores } = scan;
  let best = -1;
  let bestScore = 0;
  for (let k = 0; k < pool.size; k++) {
    scores[k] = 0;
    if (taken[k] || !tracker.fits(pool.spaced[k])) continue;
    const score = (scores[k] = scoreOf(scan, k));
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

/** The candidates of one scan that scored above 0, best first (the first of equals first), walked as `bestCandidate` would pick them while no score changes. */
class Ranking {
  private readonly order: Int32Array;
  private at = 0;

  constructor(scores: Float64Array) {
    let n = 0;
    for (let k = 0; k < scores.length; k++) if (scores[k] > 0) n++;
    const order = new Int32Array(n);
    for (let k = 0, i = 0; k < scores.length; k++) if (scores[k] > 0) order[i++] = k;
    this.order = order.sort((a, b) => scores[b] - scores[a] || a - b);
  }

  /** The best candidate not taken since, or -1. */
  next(taken: Uint8Array): number {
    while (this.at < this.order.length && taken[this.order[this.at]]) this.at++;
    return this.at < this.order.length ? this.order[this.at] : -1;
  }
}

/**
 * A sentence opening with "He", "But", "This"… reads badly out of context: when another
 * candidate covers most of the same new concept weight nearly as well, take that one instead
 * (returned; -1 when there is none).
 */
function selfContained(scan: Scan, best: number, bestScore: number): number {
  const { pool, concepts, covered, weights, mark, taken, tracker } = scan;
  let total = 0;
  for (let j = pool.from[best]; j < pool.to[best]; j++) {
    const c = concepts[j];
    if (covered[c] || weights[c] === 0) continue;
    mark[c] = 1;
    total += weights[c];
  }
  let alt = -1;
  let altScore = 0;
  for (let k = 0; k < pool.size; k++) {
    if (taken[k] || pool.dangling[k] || !tracker.fits(pool.spaced[k])) continue;
    let shared = 0;
    let gain = pool.base[k];
    for (let j = pool.from[k]; j < pool.to[k]; j++) {
      const c = concepts[j];
      if (covered[c]) continue;
      gain += weights[c];
      if (mark[c]) shared += weights[c];
    }
    const score = pool.spaced[k] > scan.room ? cutScore(scan, k) : ((gain + scan.fill) / pool.norm[k]) * pool.prior[k];
    if (shared >= SAME_SHARE * total && score >= SAME_SCORE * bestScore && score > altScore) {
      alt = k;
      altScore = score;
    }
  }
  for (let j = pool.from[best]; j < pool.to[best]; j++) mark[concepts[j]] = 0;
  return alt;
}

/**
 * The sentence before pronoun-led candidate k, which names what the pronoun points to, when it can
 * be taken instead (k may then follow it): a candidate not yet taken, not itself dangling, that
 * fits and adds something; -1 otherwise, and k is left out. `first`: k's article's first corpus
 * sentence; `poolOf`: per corpus sentence, its candidate or -1.
 */
function antecedent(scan: Scan, poolOf: Int32Array, first: number, k: number): number {
  const { pool, taken, tracker } = scan;
  if (pool.sent[k] === 0) return -1;
  const before = poolOf[first + pool.sent[k] - 1];
  if (before < 0 || taken[before] || pool.dangling[before] || !tracker.fits(pool.spaced[before])) return -1;
  return scoreOf(scan, before) > 0 ? before : -1;
}

/** Another sentence "says the same" as a dangling one when it covers this share of its new concept weight… */
const SAME_SHARE = 0.6;
/** …and scores at least this share as high. */
const SAME_SCORE = 0.5;

/** Share of a sentence's unigram concepts (`concepts[from .. to)`) already covered: a guard against near-repeats. */
function overlap(concepts: Int32Array, from: number, to: number, covered: Uint8Array, isBigram: Uint8Array): number {
  let unigrams = 0;
  let seen = 0;
  for (let j = from; j < to; j++) {
    const c = concepts[j];
    if (isBigram[c]) continue;
    unigrams++;
    if (covered[c]) seen++;
  }
  return unigrams === 0 ? 1 : seen / unigrams;
}
