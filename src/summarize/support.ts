import type { Corpus } from "../types/index.js";

/** Share of a sentence's content words another article must report in one sentence to support it. */
const SUPPORT_SHARE = 0.5;
const SUPPORT_MIN_SHARED = 3;

/**
 * Every article (duplicates included) that reports the content of sentence `sent` of doc `doc`:
 * one of its sentences holds at least half of the sentence's content words.
 */
export function supportingArticles(corpus: Corpus, doc: number, sent: number, lexiconSize: number, marks: Uint8Array = new Uint8Array(lexiconSize)): number[] {
  const own = corpus.docs[doc];
  const terms: number[] = [];
  for (let t = own.sentTokStart[sent]; t < own.sentTokStart[sent + 1]; t++) {
    const term = own.tokTerm[t];
    if (!own.tokStop[t] && own.tokEnd[t] - own.tokStart[t] > 1 && !marks[term]) {
      marks[term] = 1;
      terms.push(term);
    }
  }
  const needed = Math.max(Math.min(SUPPORT_MIN_SHARED, terms.length), Math.ceil(terms.length * SUPPORT_SHARE));
  const out = [doc];
  corpus.docs.forEach((other, d) => {
    if (d === doc) return;
    for (let i = 0; i < other.sentStart.length; i++) {
      let shared = 0;
      for (let t = other.sentTokStart[i]; t < other.sentTokStart[i + 1]; t++) {
        const term = other.tokTerm[t];
        if (marks[term] === 1) {
          marks[term] = 2;
          shared++;
        }
      }
      for (let t = other.sentTokStart[i]; t < other.sentTokStart[i + 1]; t++) if (marks[other.tokTerm[t]] === 2) marks[other.tokTerm[t]] = 1;
      if (terms.length > 0 && shared >= needed) {
        out.push(d);
        return;
      }
    }
  });
  for (const term of terms) marks[term] = 0;
  return out;
}
