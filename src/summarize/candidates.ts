import type { Doc } from "../types/index.js";

export const MIN_WORDS = 6;
export const MAX_WORDS = 70;

const DANGLING = /^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|or|so|also|however|meanwhile|still|yet|then|such|both|there)\b/i;

/**
 * A wire-service dateline opening a sentence ("WASHINGTON (AP) --", "TRENTON, N.J. (AP) -",
 * "BEIDAIHE (Hebei), March 5 (Xinhua) --", "COEUR d'ALENE, Idaho _"): a place in capitals, maybe a
 * state, date and agency, then a dash. Cleaning strips most; a sentence still carrying one is
 * never output, since sentences are quoted whole.
 */
const DATELINE = /^(?:[A-Z][A-Z.'’-]+(?:\s+(?:[A-Z][A-Z.'’-]*|[a-z]'[A-Z][A-Z.'’-]*)){0,3}(?:,\s*[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2})?(?:\s*\([^)\n]{1,30}\)?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)\n]{1,30}\)?)?\s*(?:--|-|_|—|–)\s|\((?:AP|Reuters|AFP|UPI|Xinhua|NYT|Bloomberg)\)\s*(?:--|-|_|—|–)\s)/;

export function startsWithDateline(text: string): boolean {
  return DATELINE.test(text);
}

/**
 * A photo caption or credit a crawl kept in the text, often glued to the sentence after it:
 * "File - In this May 2, 2017 file photo, …", "… in this undated photo released by …",
 * "( AP Photo/Evan Vucci )", "Photo: Reuters", "Image copyright Getty Images image caption …",
 * "Credit: NASA", and AP's truncated caption teaser "… Tuesday, Oct.... ( Associated Press )".
 */
const CAPTION = new RegExp(
  [
    String.raw`^file\b\s*(?:[-–—]|photo\b)`,
    String.raw`\bin th(?:is|ese) (?:[\w.,'’-]+ ){0,8}?(?:file )?(?:photo(?:graph)?|image|picture)s?\b`,
    String.raw`\b(?:this|the) (?:undated )?(?:file )?(?:photo|image|picture) (?:provided|released|taken|made available|obtained|shows)\b`,
    String.raw`\bphotos? (?:provided|released|distributed) by\b`,
    String.raw`\(\s*(?:ap |afp |reuters )?photos?\s*[:/]`,
    String.raw`^(?:photo|buy photo|image copyright|image caption|media caption)\b`,
    String.raw`\b(?:photo|credit):|\bgetty images\b|\btoggle caption\b|\bimage \d+ of\b|\bap photo\/|\/ap photo\b`,
    String.raw`\.\.\.\s*\(\s*associated press\s*\)`,
  ].join("|"),
  "i",
);

export function isPhotoCaption(text: string): boolean {
  return CAPTION.test(text);
}

/**
 * Whether sentence i can stand in a summary: a whole, declarative sentence of sensible length
 * (not a heading, a question, a fragment, a bare quote fragment or one opening with a dateline).
 */
export function isCandidate(doc: Doc, i: number): boolean {
  const words = doc.sentTokStart[i + 1] - doc.sentTokStart[i];
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  const text = doc.text;
  const last = lastVisible(text, doc.sentEnd[i]);
  if (!/[.!"”’']/.test(last)) return false;
  if (/\?["”’']?$/.test(text.slice(Math.max(doc.sentStart[i], doc.sentEnd[i] - 3), doc.sentEnd[i]))) return false;
  const first = text[doc.sentStart[i]];
  if (/[a-z,;:)\]]/.test(first)) return false;
  if (lowerCaseWords(doc, i) < 2) return false;
  return !startsWithDateline(text.slice(doc.sentStart[i], Math.min(doc.sentEnd[i], doc.sentStart[i] + 100)));
}

/**
 * Lower-case words in sentence i (counting stops at 2). Prose has verbs and function words; a line with
 * fewer than two is a chart row, a heading or a listing ("\"Star Wars: Episode I -- The Phantom Menace,\"
 * $64.8 million.", "Actor Jean-Claude Van Damme is 39.", "(NYT41) NEW YORK -- Oct. 20, 1999 -- ADV.").
 */
function lowerCaseWords(doc: Doc, i: number): number {
  let count = 0;
  for (let t = doc.sentTokStart[i]; t < doc.sentTokStart[i + 1] && count < 2; t++) {
    const c = doc.text.charCodeAt(doc.tokStart[t]);
    if (c >= 97 && c <= 122) count++;
  }
  return count;
}

/**
 * A pronoun pointing back to someone named before ("He said…", "Their plan…"), or a connective
 * answering the sentence before ("But…", "However, …", "In fact, …"; "Instead of…" and "So far…" stand alone),
 * also at the start of a quotation ("\"But we will…").
 */
const POINTING_BACK =
  /^["“]?(?:(?:he|she|they|his|her|their|but|and|or|yet|also)\b|(?:however|still|instead|in fact|as a result|in addition|indeed|moreover|furthermore|even so|then|besides|meanwhile|nevertheless|nonetheless|therefore|thus|otherwise|likewise|similarly),)/i;

/** Starts with a word whose sense is in an earlier sentence: read alone, it points at nothing. */
export function startsPointingBack(doc: Doc, i: number): boolean {
  return POINTING_BACK.test(doc.text.slice(doc.sentStart[i], doc.sentStart[i] + 16));
}

/**
 * "The company …", "The man …", "The agency's …", "The two men …", "The statement said …" (also after
 * "According to …,"), "According to the report, …": a bare description of a party or a document
 * named in an earlier sentence. A phrase saying which one ("The man accused of …", "The company that
 * …", "The group, whose …", "According to the report by …") does not point back.
 */
const BARE_DESCRIPTION =
  /^(?:According to the (?:statement|report|letter|document|memo|study|survey|complaint|indictment|lawsuit|ruling|filing|readout|transcript|official|spokes(?:man|woman|person)|newspaper|company|agency|group)s?,|(?:According to [^,.]{2,60}, t|T)he (?:two (?:men|women|leaders|officials|diplomats|ministers|presidents|sides|countries|nations|companies|parties)|company|agency|firm|group|organi[sz]ation|airline|carrier|bank|network|man|woman|boy|girl|couple|suspect|teen|teenager|pair|victim|statement|report|letter|document|memo|study|survey|complaint|indictment|lawsuit|filing|readout|spokes(?:man|woman|person))(?:['’]s\s|\s+(?!(?:of|that|which|who|whom|whose|behind|in|at|from|by|with|for|to|and|or|on|accused|charged|suspected|believed|named|identified|known|called|convicted|found|killed|arrested|wanted|responsible|released|issued|published)\b)[a-z]))/;

export function startsWithBareDescription(doc: Doc, i: number): boolean {
  // Only "The …" and "According …" can match: most sentences are passed over without a slice or a regex.
  const first = doc.text.charCodeAt(doc.sentStart[i]);
  if (first !== 84 && first !== 65) return false;
  return BARE_DESCRIPTION.test(doc.text.slice(doc.sentStart[i], doc.sentStart[i] + 100));
}

/** Starts with a pronoun or connective that needs the sentence before it to make sense. */
export function startsDangling(doc: Doc, i: number): boolean {
  return DANGLING.test(doc.text.slice(doc.sentStart[i], doc.sentStart[i] + 12));
}

/** Holds an odd number of quotation marks: it opens or closes a quotation whose other half is in another sentence. */
export function isHalfQuote(text: string): boolean {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x201d) marks++;
  }
  return marks % 2 === 1;
}

function lastVisible(text: string, end: number): string {
  return text[end - 1] ?? "";
}

export function wordsOf(doc: Doc, i: number): number {
  return doc.sentTokStart[i + 1] - doc.sentTokStart[i];
}

/**
 * Sentence i's length as ROUGE counts it (runs of non-whitespace, where `-l` cuts), and in
 * `wordOfToken[t - first token]` the 0-based such word each token ends in. Punctuation tokens and
 * split forms ("don", "'t") make the token count a poor stand-in near the cut.
 */
export function spacedWords(doc: Doc, i: number, wordOfToken: Int32Array): number {
  const { text, tokStart, tokEnd, sentTokStart } = doc;
  const first = sentTokStart[i];
  const last = sentTokStart[i + 1];
  let words = 0;
  let inWord = false;
  let pos = doc.sentStart[i];
  // Tokens hold no whitespace, so only the text between them needs reading.
  for (let t = first; t <= last; t++) {
    const gapEnd = t < last ? tokStart[t] : doc.sentEnd[i];
    for (; pos < gapEnd; pos++) {
      const space = isSpace(text.charCodeAt(pos));
      if (!space && !inWord) words++;
      inWord = !space;
    }
    if (t === last) break;
    if (!inWord) words++;
    inWord = true;
    pos = tokEnd[t];
    wordOfToken[t - first] = words - 1;
  }
  return words;
}

/** ASCII whitespace, what ROUGE splits words on. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
