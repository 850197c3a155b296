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
 */

const c = "[^aeiou]"; // consonant
const v = "[aeiouy]"; // vowel
const C = `${c}[^aeiouy]*`; // consonant sequence
const V = `${v}[aeiou]*`; // vowel sequence

const MGR0 = new RegExp(`^(${C})?${V}${C}`); // m > 0
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`); // m == 1
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`); // m > 1
const HAS_VOWEL = new RegExp(`^(${C})?${v}`);
const CVC = new RegExp(`^${C}${v}[^aeiouwxy]$`);

const STEP1A = /(ss|i)es$/;
const STEP1A_S = /([^s])s$/;
const STEP1B_ED_ING = /(ed|ing)$/;
const STEP1B_FIXUP = /(at|bl|iz)$/;
const DOUBLE_CONSONANT = /([^aeiouylsz])\1$/;

const STEP2: Record<string, string> = {
  ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble",
  alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate",
  ator: "ate", alism: "al", iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al",
  iviti: "ive", biliti: "ble", logi: "log",
};
const STEP3: Record<string, string> = {
  icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "",
};
// Alternations in the perl order: the leftmost (i.e. longest) matching suffix wins.
const STEP2_RE =
  /(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const STEP3_RE = /(icate|ative|alize|iciti|ical|ful|ness)$/;
const STEP4_RE = /(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$/;
const STEP4_ION = /(s|t)ion$/;
const UPPER = /[A-Z]/;

function stemUncached(word: string): string {
  let w = UPPER.test(word) ? word.toLowerCase() : word;
  if (w.length < 3) return w;
  const initialY = w[0] === "y";
  if (initialY) w = "Y" + w.slice(1);

  // Step 1a
  let m = STEP1A.exec(w);
  if (m) w = w.slice(0, m.index) + m[1];
  else if ((m = STEP1A_S.exec(w))) w = w.slice(0, m.index) + m[1];

  // Step 1b
  if (w.endsWith("eed")) {
    if (MGR0.test(w.slice(0, -3))) w = w.slice(0, -1);
  } else if ((m = STEP1B_ED_ING.exec(w))) {
    const stem = w.slice(0, m.index);
    if (HAS_VOWEL.test(stem)) {
      w = stem;
      if (STEP1B_FIXUP.test(w)) w += "e";
      else if (DOUBLE_CONSONANT.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += "e";
    }
  }

  // Step 1c
  if (w.endsWith("y")) {
    const stem = w.slice(0, -1);
    if (HAS_VOWEL.test(stem)) w = stem + "i";
  }

  // Steps 2 and 3
  if ((m = STEP2_RE.exec(w))) {
    const stem = w.slice(0, m.index);
    if (MGR0.test(stem)) w = stem + STEP2[m[1]];
  }
  if ((m = STEP3_RE.exec(w))) {
    const stem = w.slice(0, m.index);
    if (MGR0.test(stem)) w = stem + STEP3[m[1]];
  }

  // Step 4 (ROUGE's variant: three successive tests)
  if ((m = STEP4_RE.exec(w))) {
    const stem = w.slice(0, m.index);
    if (MGR1.test(stem)) w = stem;
  }
  if (w.endsWith("ment")) {
    const stem = w.slice(0, -4);
    if (MGR1.test(stem)) w = stem;
  }
  if (w.endsWith("ent")) {
    const stem = w.slice(0, -3);
    if (MGR1.test(stem)) w = stem;
  } else if (STEP4_ION.test(w)) {
    const stem = w.slice(0, -3);
    if (MGR1.test(stem)) w = stem;
  }

  // Step 5
  if (w.endsWith("e")) {
    const stem = w.slice(0, -1);
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (w.endsWith("ll") && MGR1.test(w)) w = w.slice(0, -1);

  return initialY ? "y" + w.slice(1) : w;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** Porter-stem one word exactly as ROUGE-1.5.5's perl stemmer does (memoised). */
export function porterStem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = stemUncached(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
