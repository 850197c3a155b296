import type { Article, Doc } from "../types/index.js";
import { Lexicon } from "./lexicon.js";
import { splitSentences } from "./sentences.js";
import { bmpClass, scanWord, scannedHash, wordCharAt } from "./words.js";

export { Lexicon } from "./lexicon.js";

/** Splits an article's cleaned text into paragraphs, sentences and word tokens, with offsets. */
export function annotate(article: Article, lexicon: Lexicon): Doc {
  return annotateText(article.id, article.text, lexicon);
}

/**
 * Token buffers shared by every call, sized for the longest text so far: the tokens are
 * copied out at their exact count, so fresh text-sized buffers per article were only garbage.
 */
let scratch = newScratch(1 << 12);

function newScratch(size: number): { start: Int32Array; end: Int32Array; term: Int32Array; stop: Uint8Array } {
  return { start: new Int32Array(size), end: new Int32Array(size), term: new Int32Array(size), stop: new Uint8Array(size) };
}

// Kept apart from `annotate` so that articles of different shapes (optional fields) do not
// deoptimise and recompile this, the hottest function of the pipeline.
function annotateText(articleId: string, text: string, lexicon: Lexicon): Doc {
  const sentences: number[] = [];
  const paras: number[] = [];
  let para = 0;
  const paraPattern = /\n\s*\n/g;
  let from = 0;
  for (;;) {
    const m = paraPattern.exec(text);
    const to = m ? m.index : text.length;
    const before = sentences.length;
    splitSentences(text, from, to, sentences);
    for (let k = before; k < sentences.length; k += 2) paras.push(para);
    para++;
    if (!m) break;
    from = m.index + m[0].length;
  }
  const n = sentences.length / 2;
  const sentStart = new Int32Array(n);
  const sentEnd = new Int32Array(n);
  const sentTokStart = new Int32Array(n + 1);
  // A word takes at least one character and one separator, so text.length / 2 + 1 bounds the count.
  const bound = (text.length >> 1) + 1;
  if (scratch.start.length < bound) scratch = newScratch(bound);
  const { start: tokStart, end: tokEnd, term: tokTerm, stop: tokStop } = scratch;
  let count = 0;
  // One pass of the word scanner over the whole text; tokens outside sentences (datelines) are dropped.
  let sent = 0;
  const length = text.length;
  for (let i = 0; i < length && n > 0; ) {
    const c = text.charCodeAt(i);
    if (c < 128 ? bmpClass[c] !== 1 : wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    const end = scanWord(text, start, length);
    i = end;
    while (sent < n && start >= sentences[2 * sent + 1]) sentTokStart[++sent] = count;
    if (sent >= n) break;
    if (start < sentences[2 * sent]) continue;
    const packed = lexicon.surfaceSpan(text, start, end, scannedHash[0]);
    tokStart[count] = start;
    tokEnd[count] = end;
    tokTerm[count] = packed >> 1;
    tokStop[count] = packed & 1;
    count++;
  }
  while (sent < n) sentTokStart[++sent] = count;
  for (let i = 0; i < n; i++) {
    sentStart[i] = sentences[2 * i];
    sentEnd[i] = sentences[2 * i + 1];
  }
  return {
    articleId,
    text,
    sentStart,
    sentEnd,
    tokStart: tokStart.slice(0, count),
    tokEnd: tokEnd.slice(0, count),
    sentTokStart,
    sentPara: Int32Array.from(paras),
    tokTerm: tokTerm.slice(0, count),
    tokStop: tokStop.slice(0, count),
  };
}

/** Number of word tokens in sentence i. */
export function sentenceLength(doc: Doc, i: number): number {
  return doc.sentTokStart[i + 1] - doc.sentTokStart[i];
}

export function sentenceText(doc: Doc, i: number): string {
  return doc.text.slice(doc.sentStart[i], doc.sentEnd[i]);
}

/**
 * The terms (normalised as the corpus's are) of a short text's content words: not stop words,
 * longer than one character, as concepts are built. For a reader's question or topic.
 */
export function contentTerms(text: string): string[] {
  const lexicon = new Lexicon();
  const doc = annotateText("focus", text, lexicon);
  const out: string[] = [];
  for (let t = 0; t < doc.tokTerm.length; t++) {
    if (doc.tokStop[t] === 0 && doc.tokEnd[t] - doc.tokStart[t] > 1) out.push(lexicon.terms[doc.tokTerm[t]]);
  }
  return out;
}
