import type { Budget, Corpus, Selection, Summarizer } from "../types/index.js";
import { byScore, candidateSentences, earliestSentences, GRAPH_SENTENCES, pageRank, pickInOrder, termCounts } from "./vectors.js";

const DAMPING = 0.85;

/**
 * TextRank for sentence extraction: R. Mihalcea and P. Tarau (2004), "TextRank: Bringing Order
 * into Texts", EMNLP 2004. Two sentences are linked by the overlap of their content words,
 * normalised by sentence length: |{w : w ∈ S1 ∧ w ∈ S2}| / (log|S1| + log|S2|); salience is
 * weighted PageRank (damping 0.85) over that graph. Sentences are taken by salience; an exact
 * repeat of a sentence already taken is skipped.
 */
export const textrank: Summarizer = {
  name: "textrank",
  description: "TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap similarity",
  maxSentences: GRAPH_SENTENCES,
  summarize(corpus: Corpus, budget: Budget): Selection[] {
    const refs = earliestSentences(candidateSentences(corpus), GRAPH_SENTENCES);
    const n = refs.length;
    if (n === 0) return [];
    const sets = refs.map((r) => termCounts(corpus, r.doc, r.sent).ids);
    const logLen = refs.map((r) => Math.log(r.words));
    const sim = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const denom = logLen[i] + logLen[j];
        if (denom <= 0) continue;
        const shared = overlap(sets[i], sets[j]);
        if (shared === 0) continue;
        sim[i * n + j] = sim[j * n + i] = shared / denom;
      }
    }
    const scores = pageRank(sim, n, DAMPING);
    const texts = refs.map((r) => normalized(corpus, r.doc, r.sent));
    return pickInOrder(refs, byScore(scores), scores, budget, (k, picked) => picked.some((j) => texts[j] === texts[k]));
  },
};

/** Number of ids two ascending id arrays share. */
function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (b[j] < a[i]) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

function normalized(corpus: Corpus, doc: number, sent: number): string {
  const d = corpus.docs[doc];
  return d.text.slice(d.sentStart[sent], d.sentEnd[sent]).replace(/\s+/g, " ").toLowerCase();
}
