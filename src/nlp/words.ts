/**
 * The word tokeniser's character test and scanner: a hand-written equivalent of the pattern
 * /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*\/gu (same matches, same offsets). By hand because it
 * runs on every character of every article and also hashes each word as it goes, so the
 * lexicon can look words up without cutting a substring per token.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * Per BMP code unit: 0 unknown, 1 letter or digit, 2 neither. Filled lazily beyond ASCII;
 * the tokeniser reads the ASCII part directly (`bmpClass[c] === 1`) rather than call per character.
 */
export const bmpClass = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  bmpClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
}


/** Code units (1 or 2) of the letter or digit at text[i], or 0 when there is none. */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let k = bmpClass[c];
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) return surrogateWordChar(text, i, c);
    k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    bmpClass[c] = k;
  }
  return k === 1 ? 1 : 0;
}

function surrogateWordChar(text: string, i: number, c: number): number {
  if (c > 0xdbff || i + 1 >= text.length) return 0;
  const d = text.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return 0;
  return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
}

function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 38 || c === 45;
}

/** FNV-1a hash of text[start, end), as the vocabulary hashes words. */
export function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/** FNV-1a hash of the word `scanWord` last found (an array cell, so the scanner returns one number). */
export const scannedHash = new Int32Array(1);

/**
 * End (exclusive) of the word starting with a letter or digit at `start`, within text[.., limit),
 * hashing it (as `hashSpan`, into `scannedHash[0]`) in the same pass, with ASCII tested inline:
 * the tokeniser runs this on every word of every article, mostly before the JIT has optimised
 * it, when each call and each second pass over the word costs.
 */
export function scanWord(text: string, start: number, limit: number): number {
  let h = 0x811c9dc5 | 0;
  let i = start;
  for (;;) {
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (bmpClass[c] !== 1) break;
        h = Math.imul(h ^ c, 16777619);
        i++;
        continue;
      }
      const w = wordCharAt(text, i);
      if (w === 0) break;
      h = Math.imul(h ^ c, 16777619);
      if (w === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), 16777619);
      i += w;
    }
    if (i + 1 < limit && isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1) > 0) {
      h = Math.imul(h ^ text.charCodeAt(i), 16777619);
      i++;
    } else {
      scannedHash[0] = h;
      return i;
    }
  }
}
