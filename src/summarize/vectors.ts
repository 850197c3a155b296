import type { Budget, Corpus, Selection } from "../types/index.js";
import { BudgetTracker } from "./budget.js";
import { isCandidate, wordsOf } from "./candidates.js";

/**
 * Sentence vectors shared by the baseline summarisers (LexRank, TextRank, centroid). A vector is
 * sparse: parallel arrays of term ids (ascending) and weights.
 */
export interface SparseVector {
  ids: Int32Array;
  vals: Float64Array;
  /** Euclidean norm of `vals`. */
  norm: number;
}

/** A candidate sentence: sentence `sent` of `corpus.docs[doc]`. */
export interface SentenceRef {
  doc: number;
  sent: number;
  words: number;
}

/**
 * The most sentences the graph methods (LexRank, TextRank) rank in one corpus: their similarity
 * matrix grows with the square (2,000 sentences: 32 MB; one 4 MB article's 32,000: 8 GB).
 */
export const GRAPH_SENTENCES = 2000;

/**
 * At most `limit` of `refs`: every article's first sentence, then every second one, and so on
 * (news puts its main points first), back in document order.
 */
export function earliestSentences(refs: SentenceRef[], limit: number): SentenceRef[] {
  if (refs.length <= limit) return refs;
  const place = new Map<number, number>();
  const rank = refs.map((r) => {
    const k = place.get(r.doc) ?? 0;
    place.set(r.doc, k + 1);
    return k;
  });
  const order = refs.map((_, k) => k).sort((a, b) => rank[a] - rank[b] || a - b);
  return order.slice(0, limit).sort((a, b) => a - b).map((k) => refs[k]);
}

/** The candidate sentences (`isCandidate`) of the articles that are not near-copies, in document order. */
export function candidateSentences(corpus: Corpus): SentenceRef[] {
  const out: SentenceRef[] = [];
  corpus.docs.forEach((doc, d) => {
    if (corpus.articles[d].duplicateOf) return;
    for (let i = 0; i < doc.sentStart.length; i++) if (isCandidate(doc, i)) out.push({ doc: d, sent: i, words: wordsOf(doc, i) });
  });
  return out;
}

/** Raw counts of the content terms (not stop words, not punctuation) of one sentence, ids ascending. */
export function termCounts(corpus: Corpus, doc: number, sent: number): SparseVector {
  const d = corpus.docs[doc];
  const terms: number[] = [];
  for (let t = d.sentTokStart[sent]; t < d.sentTokStart[sent + 1]; t++) if (!d.tokStop[t] && d.tokTerm[t] >= 0) terms.push(d.tokTerm[t]);
  terms.sort((a, b) => a - b);
  const ids: number[] = [];
  const vals: number[] = [];
  for (const term of terms) {
    if (ids.length > 0 && ids[ids.length - 1] === term) vals[vals.length - 1]++;
    else {
      ids.push(term);
      vals.push(1);
    }
  }
  return withNorm(Int32Array.from(ids), Float64Array.from(vals));
}

export function withNorm(ids: Int32Array, vals: Float64Array): SparseVector {
  let sq = 0;
  for (const v of vals) sq += v * v;
  return { ids, vals, norm: Math.sqrt(sq) };
}

/**
 * Inverse sentence frequency over every sentence of the non-duplicate articles:
 * idf(t) = log(N / n_t), N sentences, n_t of them holding t (indexed by term id, 0 when unseen).
 */
export function sentenceIdf(corpus: Corpus, size: number): Float64Array {
  const df = new Float64Array(size);
  const last = new Int32Array(size).fill(-1);
  let n = 0;
  corpus.docs.forEach((doc, d) => {
    if (corpus.articles[d].duplicateOf) return;
    for (let i = 0; i < doc.sentStart.length; i++) {
      for (let t = doc.sentTokStart[i]; t < doc.sentTokStart[i + 1]; t++) {
        const term = doc.tokTerm[t];
        if (term < 0 || term >= size || last[term] === n) continue;
        last[term] = n;
        df[term]++;
      }
      n++;
    }
  });
  for (let t = 0; t < size; t++) df[t] = df[t] > 0 ? Math.log(n / df[t]) : 0;
  return df;
}

/** Largest term id used in the corpus, plus one. */
export function termSpace(corpus: Corpus): number {
  let max = -1;
  for (const doc of corpus.docs) for (const t of doc.tokTerm) if (t > max) max = t;
  return max + 1;
}

/** Multiplies each weight by `idf[term]` (tf-idf), dropping zero weights. */
export function weighted(v: SparseVector, idf: Float64Array): SparseVector {
  const ids: number[] = [];
  const vals: number[] = [];
  for (let k = 0; k < v.ids.length; k++) {
    const w = v.vals[k] * idf[v.ids[k]];
    if (w > 0) {
      ids.push(v.ids[k]);
      vals.push(w);
    }
  }
  return withNorm(Int32Array.from(ids), Float64Array.from(vals));
}

/** Dot product of two sparse vectors (a merge of the sorted ids). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x < y) i++;
    else if (y < x) j++;
    else sum += a.vals[i++] * b.vals[j++];
  }
  return sum;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  return a.norm > 0 && b.norm > 0 ? dot(a, b) / (a.norm * b.norm) : 0;
}

/** All pairwise cosines of the vectors, as a dense n×n matrix (diagonal 1 for non-empty vectors). */
export function cosineMatrix(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (vectors[i].norm > 0) m[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const c = cosine(vectors[i], vectors[j]);
      m[i * n + j] = c;
      m[j * n + i] = c;
    }
  }
  return m;
}

/**
 * Weighted PageRank by power iteration: p = (1-d)/n + d · Wᵀ p, with W the row-normalised
 * weights (a row with no weight spreads evenly). Stops when the L1 change drops below `tolerance`.
 */
export function pageRank(weights: Float64Array, n: number, damping = 0.85, tolerance = 1e-7, maxIterations = 200): Float64Array {
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += weights[i * n + j];
    rowSum[i] = s;
  }
  let p = new Float64Array(n).fill(1 / Math.max(n, 1));
  let next = new Float64Array(n);
  for (let iter = 0; iter < maxIterations; iter++) {
    let dangling = 0;
    next.fill(0);
    for (let i = 0; i < n; i++) {
      if (rowSum[i] === 0) {
        dangling += p[i];
        continue;
      }
      const share = p[i] / rowSum[i];
      if (share === 0) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) {
        const w = weights[row + j];
        if (w !== 0) next[j] += share * w;
      }
    }
    let change = 0;
    for (let j = 0; j < n; j++) {
      const v = (1 - damping) / n + damping * (next[j] + dangling / n);
      change += Math.abs(v - p[j]);
      next[j] = v;
    }
    [p, next] = [next, p];
    if (change < tolerance) break;
  }
  return p;
}

/**
 * Takes candidates in `order` (best first) while the budget allows, skipping any that
 * `redundant(k, picked)` rejects against those already picked (indices into `refs`).
 */
export function pickInOrder(
  refs: readonly SentenceRef[],
  order: readonly number[],
  scores: ArrayLike<number>,
  budget: Budget,
  redundant: (k: number, picked: readonly number[]) => boolean = () => false,
): Selection[] {
  const tracker = new BudgetTracker(budget);
  const picked: number[] = [];
  const out: Selection[] = [];
  for (const k of order) {
    if (tracker.full) break;
    const ref = refs[k];
    if (!tracker.fits(ref.words) || redundant(k, picked)) continue;
    tracker.take(ref.words);
    picked.push(k);
    out.push({ doc: ref.doc, sent: ref.sent, score: scores[k] });
  }
  return out;
}

/** Indices 0..n-1 by descending score, ties in document order. */
export function byScore(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, k) => k).sort((a, b) => scores[b] - scores[a] || a - b);
}
