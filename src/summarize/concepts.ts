import type { Corpus } from "../types/index.js";

/**
 * Concepts are the content-word unigrams and the bigrams (of adjacent words, not both stop
 * words) of each sentence, numbered densely across the corpus.
 */
export interface ConceptIndex {
  /** Concepts of sentence i of doc d: `sentConcepts[d][i]`, unique ids. */
  sentConcepts: Int32Array[][];
  /** Number of included documents (duplicates excluded) holding each concept. */
  df: Int32Array;
  /** Whether each concept is a bigram. */
  isBigram: Uint8Array;
  size: number;
}

export function indexConcepts(corpus: Corpus, included: boolean[]): ConceptIndex {
  let terms = 0;
  for (const doc of corpus.docs) for (const t of doc.tokTerm) if (t >= terms) terms = t + 1;
  const unigramId = new Int32Array(terms).fill(-1);
  const bigramIds = new Map<number, number>();
  const bigram: number[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  const lastSent: number[] = [];
  let stamp = 0;
  const sentConcepts = corpus.docs.map((doc, d) => {
    const out: Int32Array[] = [];
    const counts = included[d];
    for (let i = 0; i < doc.sentStart.length; i++) {
      stamp++;
      const found: number[] = [];
      const from = doc.sentTokStart[i];
      const to = doc.sentTokStart[i + 1];
      for (let t = from; t < to; t++) {
        const term = doc.tokTerm[t];
        if (!doc.tokStop[t] && doc.tokEnd[t] - doc.tokStart[t] > 1) {
          let id = unigramId[term];
          if (id < 0) id = unigramId[term] = fresh(0);
          add(id);
        }
        if (t + 1 < to && !(doc.tokStop[t] && doc.tokStop[t + 1])) {
          const key = term * terms + doc.tokTerm[t + 1];
          let id = bigramIds.get(key);
          if (id === undefined) bigramIds.set(key, (id = fresh(1)));
          add(id);
        }
      }
      out.push(Int32Array.from(found));

      function add(id: number): void {
        if (lastSent[id] === stamp) return;
        lastSent[id] = stamp;
        found.push(id);
        if (counts && lastDoc[id] !== d) {
          lastDoc[id] = d;
          df[id]++;
        }
      }
    }
    return out;
  });
  return { sentConcepts, df: Int32Array.from(df), isBigram: Uint8Array.from(bigram), size: bigram.length };

  function fresh(isBigram: number): number {
    bigram.push(isBigram);
    df.push(0);
    lastDoc.push(-1);
    lastSent.push(0);
    return bigram.length - 1;
  }
}
