import { porterStem, porterStemUncached } from "./porter.js";

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lower-cased, possessive-free, Porter-stemmed form of a word (cached). */
export function normalizeWord(word: string): string {
  let cached = cache.get(word);
  if (cached !== undefined) return cached;
  let w = word.toLowerCase().replace(/['’]s$/, "").replace(/’/g, "'");
  if (w.length > 3 && /^[a-z]+$/.test(w)) w = porterStem(w);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, w);
  cached = w;
  return cached;
}

/**
 * `normalizeWord` of a word already lower-cased with ’ turned into ', uncached: for the
 * vocabulary, which caches the result itself (a second and third cache only cost lookups).
 */
export function normalizeLower(lower: string): string {
  const w = lower.endsWith("'s") ? lower.slice(0, -2) : lower;
  return w.length > 3 && isAsciiLower(w) ? porterStemUncached(w) : w;
}

function isAsciiLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}
