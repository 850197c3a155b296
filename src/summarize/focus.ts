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

/** Why a focus cannot steer the summary, when it cannot: the summariser reads no focus, or the focus holds no content word. */
export function ignoredFocus(focus: string, algorithm = "newsbrief"): string | undefined {
  if (algorithm !== "newsbrief") return `the focus is used by the newsbrief summariser only; ${algorithm} ignores it`;
  if (contentTerms(focus).length === 0) return `the focus "${focus}" holds no content words (only stop words), so the summaries are not focused`;
  return undefined;
}
