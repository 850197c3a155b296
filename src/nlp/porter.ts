/**
 * Porter (1980) suffix-stripping stemmer, reproducing the perl implementation
 * bundled with ROUGE-1.5.5 (Martin Porter's "Release 1" perl port plus
 * Chin-Yew Lin's 2004 change to step 4). Its quirks are kept on purpose so that
 * ROUGE `-m` scores match the reference script:
 *  - words shorter than 3 characters are returned unchanged;
 *  - a leading "y" is treated as a consonant (upper-cased while stemming);
 *  - "vowel in stem" means "contains one of a, e, i, o, u, y";
 *  - the measure tests are the original regular expressions (mgr0, meq1, mgr1);
 *  - step 4 tries "-ment" and then "-ent" again after the main suffix list
 *    (so "-ement" words are handled before "-ment" and "-ent").
 * Input is expected in lower case (upper-case ASCII is lowered first).
 *
 * Written as character loops rather than the perl's regular expressions: it runs on every new
 * word of the pipeline and of ROUGE, and the regex version spent its time cutting substrings.
 * Each test below states the regular expression it reproduces; porter.test.ts checks the
 * equivalence on every word of a DUC cluster set.
 */

/** Character classes of the perl patterns: [aeiou], y, and everything else. */
const A = 0;
const Y = 1;
const O = 2;

function cls(w: string, i: number): number {
  const c = w.charCodeAt(i);
  if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return A;
  return c === 121 ? Y : O;
}

/**
 * Does w[0, end) match the perl measure pattern ^(C)?V C … (elements alternating V and C,
 * `elements` of them after the optional C), as a prefix (`whole` false) or entirely (`whole`
 * true, with an optional last V when `optionalLastV`)? C = [^aeiou][^aeiouy]*, V = [aeiouy][aeiou]*.
 * An NFA over the pattern, run as a bit set: bit 2k is "before element k", bit 2k+1 "inside it".
 */
function measure(w: string, end: number, elements: number, whole: boolean, optionalLastV: boolean): boolean {
  // Element 0 is the optional C; elements 1..`elements` alternate V, C, V, …
  const m = elements + 1;
  const acceptBit = 1 << (2 * m);
  let states = closure(1, m, optionalLastV);
  if (!whole && states & acceptBit) return true;
  for (let i = 0; i < end && states !== 0; i++) {
    const k = cls(w, i);
    let next = 0;
    for (let e = 0; e < m; e++) {
      const isC = e % 2 === 0;
      // First character: C takes [^aeiou], V takes [aeiouy].
      if (states & (1 << (2 * e)) && (isC ? k !== A : k !== O)) next |= 1 << (2 * e + 1);
      // Further characters: C takes [^aeiouy], V takes [aeiou].
      if (states & (1 << (2 * e + 1)) && (isC ? k === O : k === A)) next |= 1 << (2 * e + 1);
    }
    states = closure(next, m, optionalLastV);
    if (!whole && states & acceptBit) return true;
  }
  return (states & acceptBit) !== 0;
}

/** Adds the empty moves: a started element may end; the first element (C) and maybe the last (V) may be skipped. */
function closure(states: number, m: number, optionalLastV: boolean): number {
  for (let e = 0; e < m; e++) {
    if (states & (1 << (2 * e + 1))) states |= 1 << (2 * e + 2);
    if ((e === 0 || (optionalLastV && e === m - 1)) && states & (1 << (2 * e))) states |= 1 << (2 * e + 2);
  }
  return states;
}

/** /^(C)?V C/: measure > 0. */
function mgr0(w: string, end: number): boolean {
  return measure(w, end, 2, false, false);
}

/** /^(C)?V C V C/: measure > 1. */
function mgr1(w: string, end: number): boolean {
  return measure(w, end, 4, false, false);
}

/** /^(C)?V C (V)?$/: measure == 1. */
function meq1(w: string, end: number): boolean {
  return measure(w, end, 3, true, true);
}

/** /^(C)?[aeiouy]/: a vowel (y included) anywhere in w[0, end). */
function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (cls(w, i) !== O) return true;
  return false;
}

/** /^C[aeiouy][^aeiouwxy]$/ on w[0, end), with C = [^aeiou][^aeiouy]*. */
function cvc(w: string, end: number): boolean {
  if (end < 3) return false;
  const z = w.charCodeAt(end - 1);
  if (cls(w, end - 1) !== O || z === 119 || z === 120) return false;
  if (cls(w, end - 2) === O || cls(w, 0) === A) return false;
  for (let i = 1; i < end - 2; i++) if (cls(w, i) !== O) return false;
  return true;
}

/** /([^aeiouylsz])\1$/ */
function doubleConsonant(w: string): boolean {
  const n = w.length;
  if (n < 2 || w.charCodeAt(n - 1) !== w.charCodeAt(n - 2)) return false;
  return !"aeiouylsz".includes(w[n - 1]);
}

/** Suffixes grouped by last letter, longest first: the first that w ends with is the longest. */
function byLastLetter(suffixes: readonly string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const s of [...suffixes].sort((a, b) => b.length - a.length)) {
    const last = s.charCodeAt(s.length - 1);
    out.set(last, [...(out.get(last) ?? []), s]);
  }
  return out;
}

/** The longest suffix of w in the table (what the perl alternation anchored with $ matches), or "". */
function longestSuffix(w: string, table: Map<number, string[]>): string {
  const list = table.get(w.charCodeAt(w.length - 1));
  if (list === undefined) return "";
  for (let i = 0; i < list.length; i++) if (w.endsWith(list[i])) return list[i];
  return "";
}

const STEP2: Record<string, string> = {
  ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble",
  alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate",
  ator: "ate", alism: "al", iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al",
  iviti: "ive", biliti: "ble", logi: "log",
};
const STEP3: Record<string, string> = {
  icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "",
};
const STEP2_SUFFIXES = byLastLetter(Object.keys(STEP2));
const STEP3_SUFFIXES = byLastLetter(Object.keys(STEP3));
const STEP4_SUFFIXES = byLastLetter(["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous", "ive", "ize"]);

function hasUpperAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** `porterStem` without the memo (for callers that cache the result themselves). */
export function porterStemUncached(word: string): string {
  let w = hasUpperAscii(word) ? word.toLowerCase() : word;
  if (w.length < 3) return w;
  const initialY = w.charCodeAt(0) === 121;
  if (initialY) w = "Y" + w.slice(1);

  // Step 1a: /(ss|i)es$/ → drop "es"; else /([^s])s$/ → drop "s".
  if (w.endsWith("sses") || w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.length >= 2 && w.endsWith("s") && w[w.length - 2] !== "s") w = w.slice(0, -1);

  // Step 1b
  if (w.endsWith("eed")) {
    if (mgr0(w, w.length - 3)) w = w.slice(0, -1);
  } else {
    const cut = w.endsWith("ed") ? 2 : w.endsWith("ing") ? 3 : 0;
    if (cut > 0 && hasVowel(w, w.length - cut)) {
      w = w.slice(0, -cut);
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
      else if (doubleConsonant(w)) w = w.slice(0, -1);
      else if (cvc(w, w.length)) w += "e";
    }
  }

  // Step 1c
  if (w.endsWith("y") && hasVowel(w, w.length - 1)) w = w.slice(0, -1) + "i";

  // Steps 2 and 3
  let suffix = longestSuffix(w, STEP2_SUFFIXES);
  if (suffix && mgr0(w, w.length - suffix.length)) w = w.slice(0, w.length - suffix.length) + STEP2[suffix];
  suffix = longestSuffix(w, STEP3_SUFFIXES);
  if (suffix && mgr0(w, w.length - suffix.length)) w = w.slice(0, w.length - suffix.length) + STEP3[suffix];

  // Step 4 (ROUGE's variant: three successive tests)
  suffix = longestSuffix(w, STEP4_SUFFIXES);
  if (suffix && mgr1(w, w.length - suffix.length)) w = w.slice(0, w.length - suffix.length);
  if (w.endsWith("ment") && mgr1(w, w.length - 4)) w = w.slice(0, -4);
  if (w.endsWith("ent")) {
    if (mgr1(w, w.length - 3)) w = w.slice(0, -3);
  } else if ((w.endsWith("sion") || w.endsWith("tion")) && mgr1(w, w.length - 3)) w = w.slice(0, -3);

  // Step 5
  if (w.endsWith("e")) {
    const n = w.length - 1;
    if (mgr1(w, n) || (meq1(w, n) && !cvc(w, n))) w = w.slice(0, n);
  }
  if (w.endsWith("ll") && mgr1(w, w.length)) w = w.slice(0, -1);

  return initialY ? "y" + w.slice(1) : w;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** Porter-stem one word exactly as ROUGE-1.5.5's perl stemmer does (memoised). */
export function porterStem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = porterStemUncached(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
