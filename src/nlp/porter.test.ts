import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { porterStem } from "./porter.js";

// The full 73k-word check against ROUGE-1.5.5's own output lives in src/eval/rouge.test.ts.

const cases: Record<string, string> = {
  // step 1a/1b/1c (examples from Porter's 1980 paper)
  caresses: "caress", ponies: "poni", ties: "ti", caress: "caress", cats: "cat",
  feed: "feed", agreed: "agre", plastered: "plaster", bled: "bled", motoring: "motor", sing: "sing",
  conflated: "conflat", troubled: "troubl", sized: "size", hopping: "hop", tanned: "tan",
  falling: "fall", hissing: "hiss", fizzed: "fizz", failing: "fail", filing: "file", happy: "happi", sky: "sky",
  // steps 2-5
  relational: "relat", conditional: "condit", rational: "ration", digitizer: "digit",
  vietnamization: "vietnam", operator: "oper", decisiveness: "decis", hopefulness: "hope",
  sensibiliti: "sensibl", triplicate: "triplic", formative: "form", electrical: "electr", goodness: "good",
  revival: "reviv", allowance: "allow", adjustable: "adjust", irritant: "irrit", replacement: "replac",
  adoption: "adopt", communism: "commun", effective: "effect", probate: "probat", rate: "rate",
  cease: "ceas", controll: "control", roll: "roll",
  // ROUGE-1.5.5 quirks: step 4 retries -ment and -ent; a leading y is a consonant; short words kept
  agreement: "agreem", government: "govern", yelling: "yell", youth: "youth", by: "by", a: "a",
};

test("porterStem matches ROUGE-1.5.5's perl Porter stemmer", () => {
  for (const [word, stem] of Object.entries(cases)) assert.equal(porterStem(word), stem, word);
});

test("porterStem lower-cases ASCII input and is stable on repeated calls", () => {
  assert.equal(porterStem("Running"), "run");
  assert.equal(porterStem("running"), "run");
  assert.equal(porterStem("running"), "run");
});

// The stemmer as first written: the perl's regular expressions transcribed one for one. The
// character-loop stemmer must agree with it on every word.
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

function regexStem(word: string): string {
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

test("porterStem agrees with the regex transcription of the perl on every ROUGE stem-vector token and DUC 2003 word", (t) => {
  const vectors = fileURLToPath(new URL("../../../shared/eval/stem-vectors.tsv", import.meta.url));
  const duc = fileURLToPath(new URL("../../../shared/data/duc2003_task2/test.jsonl", import.meta.url));
  if (!existsSync(vectors) || !existsSync(duc)) return t.skip("shared data missing");
  const words = new Set<string>();
  for (const line of readFileSync(vectors, "utf8").split("\n")) words.add(line.split("\t")[0].toLowerCase());
  for (const w of readFileSync(duc, "utf8").toLowerCase().match(/[a-z0-9]+/g) ?? []) words.add(w);
  for (const w of ["y", "ys", "yyy", "sky", "syzygy", "eed", "ied", "ies", "sses", "ing", "ying", "yelling", "bying"]) words.add(w);
  assert.ok(words.size > 50_000);
  const failures: string[] = [];
  for (const w of words) if (porterStem(w) !== regexStem(w)) failures.push(`${w}: ${porterStem(w)} vs ${regexStem(w)}`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} differences`);
});
