import type { Article } from "../types/index.js";
import { isPunctOrSpace } from "./rules.js";

const SHINGLE = 5;
/** Only shingles whose hash falls in 1/SAMPLE of the space are compared: a fixed-rate sample. */
const SAMPLE = 4;

/**
 * Marks near-copies (the same wire story in two outlets): when most sampled word 5-gram
 * shingles of the shorter article also occur in a longer one, the shorter gets `duplicateOf`.
 * An inverted index over sampled shingles keeps this near-linear in the number of articles.
 * Hashes are int32 in typed arrays and the index is an open-addressing table: a Map or Set
 * keyed by 32-bit hashes boxes most keys and made this stage cost as much as tokenising.
 */
export function markNearDuplicates(articles: Article[], threshold = 0.7): void {
  const shingles = articles.map((a) => sampledShingles(a.text));
  const order = articles.map((_, i) => i).sort((a, b) => shingles[b].length - shingles[a].length || a - b);
  const index = new ShingleIndex(shingles.reduce((n, s) => n + s.length, 0));
  // shared[j]: shingles article j shares with the current one; `touched` keeps first-seen order.
  const shared = new Int32Array(articles.length);
  const touched: number[] = [];
  for (const i of order) {
    const own = shingles[i];
    if (own.length >= 3) {
      for (let k = 0; k < own.length; k++) {
        for (let p = index.first(own[k]); p >= 0; p = index.next[p]) {
          const j = index.article[p];
          if (shared[j]++ === 0) touched.push(j);
        }
      }
      let best = -1;
      let bestShare = 0;
      for (const j of touched) {
        const share = shared[j] / own.length;
        if (share > bestShare) [best, bestShare] = [j, share];
        shared[j] = 0;
      }
      touched.length = 0;
      if (best >= 0 && bestShare >= threshold) {
        articles[i].duplicateOf = articles[best].duplicateOf ?? articles[best].id;
        continue;
      }
    }
    for (let k = 0; k < own.length; k++) index.add(own[k], i);
  }
}

/** Hash → articles holding that shingle (in insertion order), as linked lists in typed arrays. */
class ShingleIndex {
  private readonly keys: Int32Array;
  /** Slot → first posting + 1 (0: empty slot). */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly mask: number;
  readonly article: Int32Array;
  readonly next: Int32Array;
  private postings = 0;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
    this.mask = size - 1;
    this.article = new Int32Array(Math.max(capacity, 1));
    this.next = new Int32Array(Math.max(capacity, 1));
  }

  private slot(hash: number): number {
    let s = mix(hash) & this.mask;
    while (this.head[s] !== 0 && this.keys[s] !== hash) s = (s + 1) & this.mask;
    return s;
  }

  /** First posting for the hash, or -1. */
  first(hash: number): number {
    return this.head[this.slot(hash)] - 1;
  }

  add(hash: number, articleIndex: number): void {
    const s = this.slot(hash);
    const p = this.postings++;
    this.article[p] = articleIndex;
    this.next[p] = -1;
    if (this.head[s] === 0) {
      this.keys[s] = hash;
      this.head[s] = p + 1;
    } else this.next[this.tail[s]] = p;
    this.tail[s] = p;
  }
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** The distinct sampled shingle hashes of a text (as int32), in order of first occurrence. */
function sampledShingles(text: string): Int32Array {
  const hashes = wordHashes(text);
  const out = new Int32Array(Math.max(0, hashes.length - SHINGLE + 1));
  const seen = new ShingleSet(out.length);
  let n = 0;
  for (let i = 0; i + SHINGLE <= hashes.length; i++) {
    let h = 2166136261;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ hashes[i + k], 16777619);
    if ((h & (SAMPLE - 1)) === 0 && seen.add(h)) out[n++] = h;
  }
  return out.subarray(0, n);
}

class ShingleSet {
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** Adds the hash; false when it was already there. */
  add(hash: number): boolean {
    let s = mix(hash) & this.mask;
    while (this.used[s]) {
      if (this.keys[s] === hash) return false;
      s = (s + 1) & this.mask;
    }
    this.used[s] = 1;
    this.keys[s] = hash;
    return true;
  }
}

let hashScratch = new Int32Array(1 << 12);

/** FNV-1a hash of each lower-cased word (runs of letters and digits), in one character loop. */
function wordHashes(text: string): Int32Array {
  // Shared and reused: the hashes are read once, by sampledShingles, before the next call.
  if (hashScratch.length < (text.length >> 1) + 1) hashScratch = new Int32Array((text.length >> 1) + 1);
  const out = hashScratch;
  let n = 0;
  let h = 2166136261;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c |= 32;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && !isPunctOrSpace(c));
    if (word) {
      h = Math.imul(h ^ c, 16777619);
      inWord = true;
    } else if (inWord) {
      out[n++] = h;
      h = 2166136261;
      inWord = false;
    }
  }
  return out.subarray(0, n);
}
