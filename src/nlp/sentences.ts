import { SENTENCE_STARTERS } from "./stopwords.js";

/**
 * Sentence boundaries with exact character offsets. Hand-written rather than taken from
 * wink-nlp: wink's splitter alone costs more than half of the per-cluster time budget and
 * keeps no character offsets, which every output sentence needs.
 */

const NEVER_ENDS = new Set(
  ("mr mrs ms dr prof gen sen rep reps gov lt col capt cmdr sgt st jr sr rev hon pres supt adm maj brig fr mt ft " +
    "gen lieut cpl pvt pfc spc messrs mme mlle sens govs atty insp det vol op ed fig no nos vs v")
    .split(" "),
);
const MONTHS = new Set("jan feb mar apr jun jul aug sep sept oct nov dec".split(" "));
const MAYBE_ENDS = new Set("inc corp co ltd llc bros plc etc jr sr".split(" "));

const BOUNDARY = /[.!?…]+["”’'»)\]]*(?=\s+["“‘'«(\[]?[\p{Lu}\p{N}])/gu;

const AGENCY = "AP|Reuters|AFP|Xinhua|CNN|UPI|dpa|IANS|PTI|Bloomberg|TASS|Interfax|Kyodo|RIA Novosti|NYT|WP|LAT";

/** A place ("WASHINGTON", "COEUR d'ALENE", "PEACH SPRINGS, Ariz."), maybe after a NYT slug ("MICROSOFT _ "). */
const DATELINE = new RegExp(
  String.raw`^(?:[\p{Lu}][\p{Lu}\d'’-]+\s+_\s+)?(?:[\p{Lu}][\p{Lu}.'’-]+(?:[ ,]+(?:[a-z]')?[\p{Lu}][\p{L}.'’-]*){0,3}(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|—|–|_|:)\s+|[\p{Lu}][\p{L}\d ,.'’-]{1,40}?\s*\((?:${AGENCY})\)\s*(?:--|—|–|_|-|:)?\s*)`,
  "u",
);

/** "Ariz. (AP)": the abbreviated state of a dateline, followed by its agency. */
const AGENCY_NEXT = new RegExp(String.raw`^\s+\((?:${AGENCY})\)`);

/** A list item's marker ("-- The Post said…", "_ For months…", "• Prices rose…"): no word of the sentence. */
const BULLET = /(?:--?|[_—–•*·▪►])\s+(?=["“‘'(\[]?[\p{Lu}\p{N}])/uy;

/** Every dateline has a dash, underscore or colon after the place, or an agency in brackets. */
const DATELINE_MARK = /[-—–_:(]/;

/** Appends [start, end) pairs of the sentences in text[from, to) (a paragraph) to `out`. */
export function splitSentences(text: string, from: number, to: number, out: number[]): void {
  const para = text.slice(from, to);
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(para); m; m = BOUNDARY.exec(para)) {
    const end = m.index + m[0].length;
    if (!isBoundary(para, m.index, end)) continue;
    pushSentence(para, start, end, from, out);
    start = end;
  }
  pushSentence(para, start, para.length, from, out);
}

function pushSentence(para: string, start: number, end: number, offset: number, out: number[]): void {
  while (start < end && isSpace(para.charCodeAt(start))) start++;
  while (end > start && isSpace(para.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  const head = para.slice(start, Math.min(end, start + 80));
  const dateline = DATELINE_MARK.test(head) ? DATELINE.exec(head) : null;
  if (dateline && end - start - dateline[0].length > 20) start += dateline[0].length;
  BULLET.lastIndex = start;
  if (BULLET.test(para) && BULLET.lastIndex < end) start = BULLET.lastIndex;
  const slug = SLUG.exec(para.slice(Math.max(start, end - 40), end));
  if (slug) end -= slug[0].length - 1;
  out.push(offset + start, offset + end);
}

/** A wire editor's initials after the last sentence ("… a possible threat. (tc-pfg-dkt)", "… last year. tt-ggl"): outside it. */
const SLUG = /[.!?"”’]\s+(?:\([a-z]{1,5}(?:-[a-z]{1,5})*-?\)?|[a-z]{2,5}(?:-[a-z]{2,5})+)$/;

function isBoundary(para: string, punctAt: number, end: number): boolean {
  if (para[punctAt] !== ".") return true;
  let w = punctAt;
  while (w > 0 && !isSpace(para.charCodeAt(w - 1)) && !"(\"“'‘".includes(para[w - 1])) w--;
  const word = para.slice(w, punctAt);
  const lower = word.toLowerCase();
  const next = nextWord(para, end);
  if (/^\p{Lu}$/u.test(word)) return false;
  if (AGENCY_NEXT.test(para.slice(end, end + 20))) return false;
  if (NEVER_ENDS.has(lower)) return false;
  if (MONTHS.has(lower)) return !/^\d/.test(next);
  if (MAYBE_ENDS.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_STARTERS.has(next);
  return true;
}

function nextWord(para: string, from: number): string {
  const m = /^\s+["“‘'«(\[]?([\p{L}\p{N}]+)/u.exec(para.slice(from, from + 40));
  return m ? m[1] : "";
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
}
