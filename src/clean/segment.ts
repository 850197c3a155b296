import { isPunctOrSpace, segmentedWordCount, writtenWithoutSpaces } from "./rules.js";
import { DATE_MARKER_LINE } from "../ingest/dates.js";

/** A paragraph-like unit of raw text: `raw.slice(start, end)`, already trimmed. */
export interface Unit {
  start: number;
  end: number;
  text: string;
  /** `wordCount(text)`, counted once: every rule asks for it. */
  words: number;
  /** `paragraphKey(text)`: the unit's identity for spotting repeats. */
  key: string;
}

const TERMINAL = /[.!?:;…"”’'»)\]]\s*$/;

/**
 * Splits raw text into paragraphs. Blank lines always separate; inside a block a line break
 * separates too, unless the block is hard-wrapped prose (lines of similar width) or the line
 * clearly runs on (no end punctuation and the next line starts in lower case).
 */
export function segment(raw: string, from = 0): Unit[] {
  const units: Unit[] = [];
  let blockStart = from;
  for (let gap = blankLines(raw, from); gap; gap = blankLines(raw, gap[1])) {
    splitBlock(raw, blockStart, gap[0], units);
    blockStart = gap[1];
  }
  splitBlock(raw, blockStart, raw.length, units);
  return units;
}

/**
 * The first run of two or more line breaks (each `\r?\n` followed by spaces or tabs) at or
 * after `from`, as [start, end): what /(?:\r?\n[ \t]*){2,}/ would match. Found with indexOf,
 * as this scans every raw character.
 */
function blankLines(raw: string, from: number): [number, number] | undefined {
  for (let q = raw.indexOf("\n", from); q >= 0; q = raw.indexOf("\n", q + 1)) {
    let end = skipBlanks(raw, q + 1);
    let breaks = 1;
    for (;;) {
      if (raw.charCodeAt(end) === 10) end = skipBlanks(raw, end + 1);
      else if (raw.charCodeAt(end) === 13 && raw.charCodeAt(end + 1) === 10) end = skipBlanks(raw, end + 2);
      else break;
      breaks++;
    }
    if (breaks >= 2) return [q > from && raw.charCodeAt(q - 1) === 13 ? q - 1 : q, end];
  }
  return undefined;
}

function skipBlanks(raw: string, i: number): number {
  for (let c = raw.charCodeAt(i); c === 32 || c === 9; c = raw.charCodeAt(++i));
  return i;
}

function splitBlock(raw: string, start: number, end: number, out: Unit[]): void {
  // The block's non-empty lines, trimmed (plain loops: this runs on every line of every article).
  const trimmed: Array<[number, number]> = [];
  let lineStart = start;
  for (;;) {
    const nl = raw.indexOf("\n", lineStart);
    const lineEnd = nl >= 0 && nl < end ? nl : end;
    const line = trimSpan(raw, lineStart, lineEnd);
    if (line[1] > line[0]) trimmed.push(line);
    if (lineEnd === end) break;
    lineStart = lineEnd + 1;
  }
  if (trimmed.length === 0) return;
  if (isHardWrapped(trimmed)) {
    push(raw, trimmed[0][0], trimmed[trimmed.length - 1][1], out);
    return;
  }
  let unitStart = trimmed[0][0];
  for (let i = 0; i < trimmed.length; i++) {
    const [, e] = trimmed[i];
    const next = trimmed[i + 1];
    const runsOn =
      next &&
      !TERMINAL.test(raw.slice(Math.max(e - 3, 0), e)) &&
      /^[a-z]/.test(raw[next[0]]) &&
      raw.slice(trimmed[i][0], e) !== raw.slice(next[0], next[1]) &&
      !DATE_MARKER_LINE.test(raw.slice(next[0], next[1]));
    if (!next || !runsOn) {
      push(raw, unitStart, e, out);
      if (next) unitStart = next[0];
    }
  }
}

function isHardWrapped(lines: Array<[number, number]>): boolean {
  if (lines.length < 3) return false;
  const lengths = lines.slice(0, -1).map(([s, e]) => e - s);
  const max = Math.max(...lengths);
  return max >= 40 && max <= 100 && lengths.filter((l) => l >= max * 0.75).length >= lengths.length * 0.8;
}

function trimSpan(raw: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(raw.charCodeAt(s))) s++;
  while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** What /\s/ matches, by code: tested on every line end, where a regex per character costs. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function push(raw: string, start: number, end: number, out: Unit[]): void {
  const marker = /^(?:#{1,6}\s+|[-*•]\s+)/.exec(raw.slice(start, Math.min(end, start + 8)));
  if (marker) start += marker[0].length;
  if (end > start) out.push(unitOf(raw, start, end));
}

/**
 * The unit raw[start, end), with `wordCount` and `paragraphKey` of its text computed in one
 * character loop (both read every character of every paragraph; rules.ts has them apart, and
 * clean.test.ts checks this loop gives the same).
 */
export function unitOf(raw: string, start: number, end: number): Unit {
  let words = 0;
  let inWord = false;
  let h1 = 2166136261;
  let h2 = 5381;
  let n = 0;
  let spaceless = false;
  for (let i = start; i < end; i++) {
    let c = raw.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 12;
    if (!space && !inWord) words++;
    if (c >= 0x0e00 && !spaceless) spaceless = writtenWithoutSpaces(c);
    inWord = !space;
    if (c >= 65 && c <= 90) c |= 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && !isPunctOrSpace(c)))) continue;
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = (Math.imul(h2, 33) + c) | 0;
    n++;
  }
  const text = raw.slice(start, end);
  return { start, end, text, words: spaceless ? segmentedWordCount(text) : words, key: n === 0 ? "" : `${h1 >>> 0}:${h2 >>> 0}:${n}` };
}
