import type { Doc } from "../types/index.js";

export const MIN_WORDS = 6;
export const MAX_WORDS = 70;

const DANGLING = /^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|or|so|also|however|meanwhile|still|yet|then|such|both|there)\b/i;

/**
 * Whether sentence i can stand in a summary: a whole, declarative sentence of sensible length
 * (not a heading, a question, a fragment or a bare quote fragment).
 */
export function isCandidate(doc: Doc, i: number): boolean {
  const words = doc.sentTokStart[i + 1] - doc.sentTokStart[i];
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  const text = doc.text;
  const last = lastVisible(text, doc.sentEnd[i]);
  if (!/[.!"”’']/.test(last)) return false;
  if (/\?["”’']?$/.test(text.slice(Math.max(doc.sentStart[i], doc.sentEnd[i] - 3), doc.sentEnd[i]))) return false;
  const first = text[doc.sentStart[i]];
  return !/[a-z,;:)\]]/.test(first);
}

/** Starts with a pronoun or connective that needs the sentence before it to make sense. */
export function startsDangling(doc: Doc, i: number): boolean {
  return DANGLING.test(doc.text.slice(doc.sentStart[i], doc.sentStart[i] + 12));
}

function lastVisible(text: string, end: number): string {
  return text[end - 1] ?? "";
}

export function wordsOf(doc: Doc, i: number): number {
  return doc.sentTokStart[i + 1] - doc.sentTokStart[i];
}
