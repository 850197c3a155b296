import type { Article } from "../types/index.js";
import { isPunctOrSpace } from "./rules.js";

const SHINGLE = 5;
/** Only shingles whose hash falls in 1/SAMPLE of the space are compared: a fixed-rate sample. */
const SAMPLE = 4;

/**
 * Marks near-copies (the same wire story in two outlets): when most sampled word 5-gram
 * shingles of the shorter article also occur in a longer one, the shorter gets `duplicateOf`.
 * An inverted index over sampled shingles keeps this near-linear in the number of articles.
 */
export function markNearDuplicates(articles: Article[], threshold = 0.7): void {
  const shingles = articles.map((a) => sampledShingles(a.text));
  const order = articles.map((_, i) => i).sort((a, b) => shingles[b].size - shingles[a].size || a - b);
  const index = new Map<number, number[]>();
  for (const i of order) {
    const own = shingles[i];
    if (own.size >= 3) {
      const shared = new Map<number, number>();
      for (const h of own) for (const j of index.get(h) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
      let best = -1;
      let bestShare = 0;
      for (const [j, count] of shared) {
        const share = count / own.size;
        if (share > bestShare) [best, bestShare] = [j, share];
      }
      if (best >= 0 && bestShare >= threshold) {
        articles[i].duplicateOf = articles[best].duplicateOf ?? articles[best].id;
        continue;
      }
    }
    for (const h of own) {
      const list = index.get(h);
      if (list) list.push(i);
      else index.set(h, [i]);
    }
  }
}

function sampledShingles(text: string): Set<number> {
  const hashes = wordHashes(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= hashes.length; i++) {
    let h = 2166136261;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ hashes[i + k], 16777619);
    h >>>= 0;
    if (h % SAMPLE === 0) out.add(h);
  }
  return out;
}

/** FNV-1a hash of each lower-cased word (runs of letters and digits), in one character loop. */
function wordHashes(text: string): number[] {
  const out: number[] = [];
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
      out.push(h >>> 0);
      h = 2166136261;
      inWord = false;
    }
  }
  return out;
}
