/**
 * Line-level boilerplate rules for scraped news text. Each rule names a general pattern of
 * page furniture (ads, widgets, credits, bylines, teaser headings), never a particular site.
 */

export type JunkKind = "boilerplate" | "captions" | "bylines";

const AD_LINE =
  /^(?:ad|ads|advertisement|advertising|sponsored(?: content)?|promoted(?: content)?|paid content|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll (?:down )?to continue(?: with content)?|article continues (?:below|after (?:this )?advertisement))\.?$/i;

/**
 * A news agency's editing marks on a line of their own, as wire copy carries them: "(BEGIN OPTIONAL
 * TRIM)", "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", "(MORE)", "ENDIT", "XXXX END OF STORY",
 * "-0-", and the paragraph mark "nn" and "&QC;" codes. Capitals as the wire writes them: "More" is a word.
 */
const WIRE_MARK =
  /^(?:\((?:BEGIN |END )?OPTIONAL TRIM\.?\)|\(STORY CAN END HERE[^)]*\)|\(?MORE\)?(?: &QC;)?|ENDIT|X+ END OF STORY|-0-|nn|(?:-+ )?&QC;)$/;

/**
 * A note from the wire or syndicate to the editors who buy its copy, not to readers: "EDITOR: Visit
 * the … Syndicate Web site …", "(EDITORS: There is no charge for use of this story …",
 * "NONSUBSCRIBERS: To publish …" (in the wire's capitals: "Subscribers: …" may open a reader's
 * paragraph), and "Editor's note: This story was updated …" in any case.
 */
const EDITORS_NOTE = /^[(\[]?(?:(?:EDITORS?|EDS?|(?:NON)?SUBSCRIBERS)\s*:|(?:[Ee]ditor['’]s [Nn]ote|[Nn]ote to [Ee]ditors|EDITOR['’]S NOTE|NOTE TO EDITORS)\s*:)/;

/** A sales or contact line with a fax number: "--U.S. and Canada: NAME in New Jersey at 1-732-…; fax, 732-…". */
const FAX_LINE = /\bfax(?: (?:her|him|us))?(?: at)?[,:]?\s*\+?\(?\d[\d ().-]{5,}\d/i;

const WIDGET_WORDS = new Set(
  ("share shares sharing tweet email e-mail print comment comments subscribe subscribed newsletter newsletters follow " +
    "like save saved bookmark adjust font size copy link whatsapp facebook twitter x linkedin pinterest reddit telegram " +
    "messenger sms more less menu search login log in sign up register close reply replies view gallery photos video " +
    "videos listen audio download app apps open the this article story page icon show hide expand collapse toggle " +
    "feedback report home back top next previous prev gift").split(" "),
);

const PROMPT =
  /^(?:subscribe|sign up|sign in|log in|follow|share|click|tap|download|get (?:the|our)|join|don't miss|never miss|support|already a subscriber|enjoyed this|read (?:more|the full)|want more)\b/i;

const CREDIT =
  /^(?:(?:photo|image|picture|video|graphic|illustration|file photo)s?(?: credit)?s?|credits?|courtesy(?: of)?|source)\s*[:|/–—-]|(?:^|[\s/(])(?:AFP|Getty(?: Images)?|Reuters|AP Photo|EPA(?:-EFE)?|Shutterstock|Xinhua|Sputnik|Anadolu(?: Agency)?|Pool|Bloomberg|TASS)\s*(?:\/|\)|$)|\b(?:and|&) agencies$|^agencies$/i;

const CAPTION_CUE =
  /\((?:l|r|c|left|right|center|centre|top|bottom|front|back|file|photo|pictured)\)|\b(?:pictured|is seen|are seen|poses?|gestures?|looks on|speaks|arrives|attends|waves|launches|walks|stands|sits|delivers|addresses|chairs|toasts|shows|holds|greets|shakes hands)\b/i;

const BYLINE = /^(?:by|written by|reporting by|words by)\b[\s,:]/i;
const HANDLE = /(?:^|\s)@[A-Za-z0-9_]{2,}\b|\b(?:twitter|instagram|facebook|threads|bluesky|mastodon)\s*:\s*@?\w+/i;
const BIO =
  /^(?:[\p{Lu}][\p{L}'’.-]*\s+){1,4}(?:is|was|has been|covers|writes|reports)\b.{0,160}?\b(?:journalist|reporter|correspondent|editor|writer|columnist|author|contributor|fellow|analyst|producer|staff|bureau chief|host)\b/u;
const CONTACT = /^(?:contact|email|e-mail|write to) (?:the )?(?:author|reporter|writer|us)\b|^(?:copyright|©|\(c\))\s|all rights reserved/i;

const TEASER_HEADING =
  /^(?:more from|more on|more stories|more news|related(?: stories| articles| coverage| content| links| reading| news)?|recommended(?: for you| stories| reading)?|read (?:more|next|also)|see also|you (?:may|might) also (?:like|be interested in)|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|top stories|latest (?:news|stories)|further reading|editor'?s picks|what to read next|also (?:on|in|read)|popular (?:now|stories)|in other news|around the web|from the web|elsewhere on)\b/i;

/**
 * Runs of non-space characters; a character loop, as this runs on every paragraph. Text in a
 * script written without spaces between words (Chinese, Japanese, Thai…) is split into words by
 * `Intl.Segmenter` instead, or a whole paragraph would count as one word.
 */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (writtenWithoutSpaces(c)) return segmentedWordCount(text);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 12;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Thai, Lao, Myanmar, Khmer, kana, CJK ideographs (BMP): scripts that do not put spaces between words. */
export function writtenWithoutSpaces(c: number): boolean {
  return (c >= 0x0e00 && c <= 0x0eff) || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

const WORDS = new Intl.Segmenter(undefined, { granularity: "word" });

export function segmentedWordCount(text: string): number {
  let words = 0;
  for (const s of WORDS.segment(text)) if (s.isWordLike) words++;
  return words;
}

/** Ends in sentence punctuation, maybe followed by closing quotes or brackets: /[.!?…]["”’'»)\]]*$/. */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i])) i--;
  return i >= 0 && ".!?…".includes(text[i]);
}

const CLOSERS = `"”’'»)]`;

/** Classifies one unit on its own; context rules (teasers, captions, crumbs) live in the cleaner. */
export function junkKind(text: string, words = wordCount(text)): JunkKind | undefined {
  if (words > 60) return undefined;
  if (AD_LINE.test(text) || WIRE_MARK.test(text)) return "boilerplate";
  if (EDITORS_NOTE.test(text)) return "boilerplate";
  if (words <= 40 && FAX_LINE.test(text)) return "boilerplate";
  if (words <= 12 && isWidgetLine(text)) return "boilerplate";
  if (words <= 25 && PROMPT.test(text) && !endsLikeSentence(text.replace(/[.!]$/, "x"))) return "boilerplate";
  if (words <= 30 && CONTACT.test(text)) return "boilerplate";
  if (words <= 18 && CREDIT.test(text)) return "captions";
  if (words <= 45 && BYLINE.test(text)) return "bylines";
  // HANDLE needs an "@" or a ":"; checking first spares scanning every paragraph with it.
  if (words <= 60 && (text.includes("@") || text.includes(":")) && HANDLE.test(text)) return "bylines";
  if (words <= 60 && BIO.test(text)) return "bylines";
  return undefined;
}

function isWidgetLine(text: string): boolean {
  const tokens = text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  if (tokens.length === 0) return true;
  const widget = tokens.filter((t) => WIDGET_WORDS.has(t) || /^\d+$/.test(t)).length;
  return widget / tokens.length >= 0.75 && tokens.some((t) => WIDGET_WORDS.has(t) && !/^(the|this|more|open|top|back|next|home)$/.test(t));
}

/** `More from …`, `Related`: the start of a block of other stories' teasers. */
export function isTeaserHeading(text: string): "block" | "line" | undefined {
  if (!TEASER_HEADING.test(text)) return undefined;
  const colon = text.indexOf(":");
  if (colon >= 0 && colon < text.length - 1 && wordCount(text.slice(colon + 1)) >= 3) return "line";
  return wordCount(text) <= 8 && !endsLikeSentence(text) ? "block" : undefined;
}

export function isCaptionLike(text: string, words = wordCount(text)): boolean {
  return words <= 60 && CAPTION_CUE.test(text);
}

/**
 * Identity of a paragraph for spotting repeats, ignoring case, spacing and punctuation: two
 * 32-bit hashes of its lower-cased letters and digits (a character loop: this runs on every
 * paragraph). Empty string when the paragraph has no letters or digits.
 */
export function paragraphKey(text: string): string {
  let h1 = 2166136261;
  let h2 = 5381;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && !isPunctOrSpace(c)))) continue;
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = (Math.imul(h2, 33) + c) | 0;
    n++;
  }
  return n === 0 ? "" : `${h1 >>> 0}:${h2 >>> 0}:${n}`;
}

/** Typographic punctuation and spaces above ASCII: quotes, dashes, ellipsis, no-break spaces. */
export function isPunctOrSpace(c: number): boolean {
  return (c >= 0x2000 && c <= 0x206f) || c === 0xa0 || c === 0xab || c === 0xbb || c === 0x3000 || c === 0xfeff;
}
