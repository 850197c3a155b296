import { contentTerms } from "../nlp/index.js";
import type { Corpus } from "../types/index.js";

/**
 * Per term id of the corpus, 1 when the term is a content word of the focus text (a reader's
 * question or topic), whose words are normalised by the same tokeniser and stemmer as the articles'.
 */
export function focusTerms(corpus: Corpus, focus: string): Uint8Array {
  const wanted = new Set(contentTerms(focus));
  const out = new Uint8Array(corpus.terms.length);
  for (let t = 0; t < out.length; t++) if (wanted.has(corpus.terms[t])) out[t] = 1;
  return out;
}
