import type { Corpus, Doc } from "../types/index.js";

/**
 * Concepts are the content-word unigrams and the bigrams (of adjacent words, not both stop
 * words) of each sentence, numbered densely across the corpus.
 */
export interface ConceptIndex {
  /** Concepts of sentence i of doc d: `sentConcepts[d][i]`, unique ids. */
  sentConcepts: Int32Array[][];
  /** Number of documents (duplicates excluded) holding each concept. */
  df: Int32Array;
  /** Whether each concept is a bigram. */
  isBigram: Uint8Array;
  size: number;
}

export function indexConcepts(corpus: Corpus, included: boolean[]): ConceptIndex {
  const ids = new Map<number, number>();
  const bigram: number[] = [];
  const dfCounts: number[] = [];
  const lastDoc: number[] = [];
  const stride = 1 << 22;
  const sentConcepts = corpus.docs.map((doc, d) => {
    const out: Int32Array[] = [];
    for (let i = 0; i < doc.sentStart.length; i++) {
      const found = new Set<number>();
      const from = doc.sentTokStart[i];
      const to = doc.sentTokStart[i + 1];
      for (let t = from; t < to; t++) {
        const term = doc.tokTerm[t];
        if (!doc.tokStop[t] && isContent(doc, t)) found.add(concept(term + 1, 0));
        if (t + 1 < to && !(doc.tokStop[t] && doc.tokStop[t + 1])) found.add(concept(term + 1, doc.tokTerm[t + 1] + 1));
      }
      out.push(Int32Array.from(found));
    }
    return out;

    function concept(a: number, b: number): number {
      const key = a * stride + b;
      let id = ids.get(key);
      if (id === undefined) {
        id = bigram.length;
        ids.set(key, id);
        bigram.push(b === 0 ? 0 : 1);
        dfCounts.push(0);
        lastDoc.push(-1);
      }
      if (included[d] && lastDoc[id] !== d) {
        lastDoc[id] = d;
        dfCounts[id]++;
      }
      return id;
    }
  });
  return { sentConcepts, df: Int32Array.from(dfCounts), isBigram: Uint8Array.from(bigram), size: bigram.length };
}

function isContent(doc: Doc, t: number): boolean {
  const len = doc.tokEnd[t] - doc.tokStart[t];
  return len > 1;
}
