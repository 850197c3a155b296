import type { Article, Doc } from "../types/index.js";
import { Lexicon } from "./lexicon.js";
import { splitSentences } from "./sentences.js";
import { normalizeWord } from "./stem.js";
import { STOPWORDS } from "./stopwords.js";

export { Lexicon } from "./lexicon.js";

const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu;

/** Splits an article's cleaned text into paragraphs, sentences and word tokens, with offsets. */
export function annotate(article: Article, lexicon: Lexicon): Doc {
  const text = article.text;
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
  const tokStart: number[] = [];
  const tokEnd: number[] = [];
  const tokTerm: number[] = [];
  const tokStop: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = sentences[2 * i];
    const e = sentences[2 * i + 1];
    sentStart[i] = s;
    sentEnd[i] = e;
    sentTokStart[i] = tokStart.length;
    const slice = text.slice(s, e);
    WORD.lastIndex = 0;
    for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
      const word = m[0];
      tokStart.push(s + m.index);
      tokEnd.push(s + m.index + word.length);
      const lower = word.toLowerCase();
      tokStop.push(STOPWORDS.has(lower) || STOPWORDS.has(lower.replace(/’/g, "'")) ? 1 : 0);
      tokTerm.push(lexicon.id(normalizeWord(word)));
    }
  }
  sentTokStart[n] = tokStart.length;
  return {
    articleId: article.id,
    text,
    sentStart,
    sentEnd,
    tokStart: Int32Array.from(tokStart),
    tokEnd: Int32Array.from(tokEnd),
    sentTokStart,
    sentPara: Int32Array.from(paras),
    tokTerm: Int32Array.from(tokTerm),
    tokStop: Uint8Array.from(tokStop),
  };
}

/** Number of word tokens in sentence i. */
export function sentenceLength(doc: Doc, i: number): number {
  return doc.sentTokStart[i + 1] - doc.sentTokStart[i];
}

export function sentenceText(doc: Doc, i: number): string {
  return doc.text.slice(doc.sentStart[i], doc.sentEnd[i]);
}
