import { porterStem } from "./porter.js";

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
