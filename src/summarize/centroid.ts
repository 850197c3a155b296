import type { Budget, Corpus, Selection, Summarizer } from "../types/index.js";
import { byScore, candidateSentences, cosine, pickInOrder, sentenceIdf, termCounts, termSpace, weighted, withNorm, type SparseVector } from "./vectors.js";

/** Terms kept in the centroid (the highest tf-idf values). */
const TOP_K = 50;
/** A sentence closer than this to one already picked is skipped (MEAD's reranker threshold). */
const REDUNDANT = 0.7;

/**
 * Centroid-based summarisation as in MEAD: D. R. Radev, H. Jing, M. Styś and D. Tam (2004),
 * "Centroid-based summarization of multiple documents", Information Processing & Management
 * 40(6):919–938. The cluster centroid is the average tf-idf vector of its (non-duplicate)
 * articles, cut to its top-k terms; idf is taken over the cluster's sentences (there is no
 * background corpus). A sentence scores its cosine to the centroid plus MEAD's position score,
 * C_max · (n − i) / n for sentence i of n in its article (C_max: the article's best centroid
 * score). Sentences are taken by score, skipping any with cosine above 0.7 to one already taken.
 */
export const centroid: Summarizer = {
  name: "centroid",
  description: "MEAD centroid (Radev et al. 2004): closeness to the cluster's tf-idf centroid, plus position",
  summarize(corpus: Corpus, budget: Budget): Selection[] {
    const refs = candidateSentences(corpus);
    if (refs.length === 0) return [];
    const size = termSpace(corpus);
    const idf = sentenceIdf(corpus, size);
    const center = centroidVector(corpus, idf, size);
    const vectors = refs.map((r) => weighted(termCounts(corpus, r.doc, r.sent), idf));
    const closeness = vectors.map((v) => cosine(v, center));
    const best = new Float64Array(corpus.docs.length);
    refs.forEach((r, k) => (best[r.doc] = Math.max(best[r.doc], closeness[k])));
    const scores = refs.map((r, k) => {
      const n = corpus.docs[r.doc].sentStart.length;
      return closeness[k] + (best[r.doc] * (n - r.sent)) / n;
    });
    return pickInOrder(refs, byScore(scores), scores, budget, (k, picked) => picked.some((j) => cosine(vectors[k], vectors[j]) > REDUNDANT));
  },
};

function centroidVector(corpus: Corpus, idf: Float64Array, size: number): SparseVector {
  const sum = new Float64Array(size);
  let docs = 0;
  corpus.docs.forEach((doc, d) => {
    if (corpus.articles[d].duplicateOf) return;
    docs++;
    for (let t = 0; t < doc.tokTerm.length; t++) if (!doc.tokStop[t] && doc.tokTerm[t] >= 0) sum[doc.tokTerm[t]] += idf[doc.tokTerm[t]];
  });
  const terms: number[] = [];
  for (let t = 0; t < size; t++) if (sum[t] > 0) terms.push(t);
  terms.sort((a, b) => sum[b] - sum[a] || a - b);
  const top = terms.slice(0, TOP_K).sort((a, b) => a - b);
  return withNorm(Int32Array.from(top), Float64Array.from(top, (t) => sum[t] / Math.max(docs, 1)));
}
