import { normalizeLower } from "./stem.js";
import { STOPWORDS } from "./stopwords.js";
import { hashSpan } from "./words.js";

/**
 * Process-wide cache of every surface word seen so far: its normalised term (as a global term
 * number) and its stop-word flag. Lexicons are per story and short-lived; this cache lets each
 * of them skip lower-casing, stemming and stop-word tests for words any earlier story had.
 * Words are found by hash and compared in place (`text.startsWith(word, start)`), so the
 * tokeniser cuts no substring for a word already known. Cleared when it grows past a limit;
 * `generation` tells lexicons that global term numbers were reused.
 */
const LIMIT = 200_000;

let slots = new Int32Array(1 << 16); // entry + 1, 0 when free
let mask = slots.length - 1;
let words: string[] = [];
// Typed arrays: hashes are mostly beyond the small-integer range, and a plain array changing
// element kind as they arrive deoptimises the tokeniser's hot path.
let hashes = new Int32Array(slots.length >> 1);
/** Entry → global term * 2 + stop flag. */
let packed = new Int32Array(slots.length >> 1);
let terms: string[] = [];
let termIds = new Map<string, number>();
/** Lower-cased word → packed value (term * 2 + stop flag). */
let byLower = new Map<string, number>();
let generation = 0;

/** Changes whenever the cache is cleared (global term numbers are then reused). */
export function vocabularyGeneration(): number {
  return generation;
}

/** Global term number * 2 + stop flag of the word text[start, end) (hash: `hashSpan` of it). */
export function lookupSpan(text: string, start: number, end: number, hash: number): number {
  const length = end - start;
  // mix(hash), written out: this runs once per token.
  const m = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  let s = (m ^ (m >>> 16)) & mask;
  for (let e = slots[s] - 1; e >= 0; e = slots[s] - 1) {
    if (hashes[e] === hash) {
      const word = words[e];
      if (word.length === length && text.startsWith(word, start)) return packed[e];
    }
    s = (s + 1) & mask;
  }
  return add(text.slice(start, end), hash, s);
}

/** Global term number * 2 + stop flag of a word. */
export function lookupWord(word: string): number {
  return lookupSpan(word, 0, word.length, hashSpan(word, 0, word.length));
}

export function globalTerm(term: number): string {
  return terms[term];
}

function add(word: string, hash: number, slot: number): number {
  if (words.length >= LIMIT) {
    clear();
    return lookupSpan(word, 0, word.length, hash);
  }
  const lowered = word.toLowerCase();
  const lower = lowered.includes("’") ? lowered.replace(/’/g, "'") : lowered;
  // The term and stop flag depend on the lower-cased form only: "The" takes what "the" got.
  let value = byLower.get(lower);
  if (value === undefined) {
    const term = normalizeLower(lower);
    let t = termIds.get(term);
    if (t === undefined) {
      t = terms.length;
      terms.push(term);
      termIds.set(term, t);
    }
    value = t * 2 + (STOPWORDS.has(lower) ? 1 : 0);
    byLower.set(lower, value);
  }
  const e = words.length;
  slots[slot] = e + 1;
  words.push(word);
  hashes[e] = hash;
  packed[e] = value;
  if (words.length * 2 >= slots.length) grow();
  return value;
}

function grow(): void {
  const old = slots;
  slots = new Int32Array(old.length * 2);
  mask = slots.length - 1;
  const oldHashes = hashes;
  const oldPacked = packed;
  hashes = new Int32Array(slots.length >> 1);
  packed = new Int32Array(slots.length >> 1);
  hashes.set(oldHashes);
  packed.set(oldPacked);
  for (let e = 0; e < words.length; e++) {
    let s = mix(hashes[e]) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = e + 1;
  }
}

function clear(): void {
  slots = new Int32Array(1 << 16);
  mask = slots.length - 1;
  words = [];
  hashes = new Int32Array(slots.length >> 1);
  packed = new Int32Array(slots.length >> 1);
  terms = [];
  termIds = new Map();
  byLower = new Map();
  generation++;
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
