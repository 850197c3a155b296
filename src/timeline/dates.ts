/**
 * Date expressions in article text, resolved against the publication date, and publication dates
 * estimated from content when an article carries none.
 *
 * Two scanners share one representation (`DateMention`):
 * - `scanDates` is a cheap regular-expression pass (explicit years, month names with or without a
 *   day, office holders' titles). Story grouping uses it for every article, so it must stay fast.
 * - `findDates` reads every sentence with a date cue: chrono-node for absolute expressions,
 *   hand-written patterns for relative ones ("last month", "next week", "two years later",
 *   "2013, a year before …", weekdays, weekends, decades), the cheap scan for bare years; each
 *   mention carries the tense around it. `resolveAll` then resolves them against a reference
 *   date (the publication date, or the estimate) at the precision the text allows.
 * Measured by `npm run bench:dates`.
 */
import * as chrono from "chrono-node";

export type Precision = "day" | "week" | "month" | "year";
export type Unit = "day" | "week" | "month" | "year";
export type Season = "spring" | "summer" | "fall" | "winter";

/** A calendar date, as far as it is known. */
export interface PartialDate {
  y: number;
  m?: number;
  d?: number;
}

export interface DateMention {
  /** Character offsets of the expression in the text scanned. */
  start: number;
  end: number;
  text: string;
  /** What the text states, before resolution. */
  known: { year?: number; month?: number; day?: number; weekday?: number };
  /**
   * A relative expression: `n` units from the reference date ("yesterday", "next week", "three
   * days ago") or from the date named just before it ("two years later"; "2013, a year before …").
   */
  rel?: { n: number; unit: Unit; anchor: "ref" | "prev" };
  /** "last Monday" (-1) / "next Monday" (+1); plain "Monday" follows the sentence's tense. */
  shift?: -1 | 1;
  /** "the 1990s": `known.year` is the first year of a decade. */
  decade?: boolean;
  /** "the 1970s and '80s": the first year of the last decade named. */
  decadeEnd?: number;
  /** "the weekend": Saturday and Sunday. */
  weekend?: boolean;
  /**
   * A month whose year is counted from the reference: "last November" (the last November before
   * it: `from` "month"), "June 1 last year", "September of this year" (`from` "year").
   */
  yearRel?: { n: -1 | 0 | 1; from: "month" | "year" };
  /** "last summer", "this fall", "next spring": the season's months (`shift` says which one). */
  season?: Season;
  /** The expression is a line of its own ("Saturday, January 8, 2005" under a headline). */
  ownLine?: boolean;
  /** The year of the chronology heading above a year-less date ("1997:" over "Oct. 20 - …"). */
  headingYear?: number;
  /** "since July 2018", "after 2013": the reference date lies after this one. */
  since?: boolean;
  /** "by 2030", "until 2020": a target, not evidence of the present. */
  target?: boolean;
  /** The sentence speaks of the future ("will", "next", "scheduled"). */
  future?: boolean;
  /** A weekday naming a periodical's issue ("published in Thursday's issue of Nature"): the nearest such day. */
  issueDay?: boolean;
  /** From an office holder's title: the reference date lies in [from, to]. */
  office?: { from: number; to: number; name: string };
}

/** A resolved date: ISO text at its precision (`2019`, `2019-05`, `2019-05-14`). */
export interface ResolvedDate {
  date: string;
  dateEnd?: string;
  precision: Precision;
  /** Day numbers (days since 1970-01-01) of the first and last day of the period. */
  day: number;
  dayEnd: number;
}

export interface DateEstimate {
  /** ISO date at its precision: `2019-05-10`, `2019-05` or `2019`. */
  date: string;
  precision: Precision;
  /** 0..1: how much the evidence pins the date down. */
  confidence: number;
  /** The expressions the estimate rests on, as they appear in the text. */
  evidence: string[];
  /** Day numbers bounding the estimate (inclusive). */
  lo: number;
  hi: number;
  /** Point estimate as a day number. */
  day: number;
  /** The text fences the date in: after a month it names ("since July 2018"), within an office holder's term. */
  fenced?: true;
  /**
   * Nothing pins the year: a guess (`EstimateOptions.guess`). The text bounds it from below only:
   * the latest year a text names is seldom its own (DUC/MultiLing, 1,488 dated articles naming
   * one: the same year for 7%, 1-5 years later for 50%, 6 or more for 29%, earlier for 15%: a plan).
   * Its `lo` is that bound as the text gives it (after "in 1996": 1 January 1996), not the guess's.
   */
  guessed?: true;
}

/**
 * Whether expressions that take their year from the reference ("on Saturday", "last week", "May
 * 14") may be resolved against an estimated publication date. On the DUC sets every estimate is
 * below 0.5 and 67-88% of such mentions got a wrong year (`npm run bench:dates`): those articles
 * keep only the dates that state their year. 0.5 takes a short office term (the seeds' Secretary
 * of State Tillerson). A fenced estimate (the seeds' "since July 2018" under Secretary of State
 * Pompeo, 0.35) is trusted too: no DUC estimate is fenced, so the sets neither support nor refute it.
 */
export function trustedForRelative(estimate: DateEstimate): boolean {
  return estimate.confidence >= 0.5 || (!!estimate.fenced && estimate.confidence >= 0.35);
}

const DAY_MS = 86_400_000;

/**
 * Confidence of a month, and of a year, taken from the story's dated articles (see
 * `estimateFromStory`). On the DUC/MultiLing clusters, one article's date hidden (and each other
 * article's with probability 0.3): the month estimate had the year right for 97% of articles and
 * the day within a week for 65%; the year estimate had the year right for 94%
 * (`node dist/bench/stories.js --only dates`). Both stay below `trustedForRelative` unless the
 * article's own text is trusted: relative expressions ("last year", "on Wednesday") resolved
 * against the story's month got the wrong year for 15 of 28 (`npm run bench:dates`).
 */
const STORY_CONFIDENCE = 0.45;
const STORY_YEAR_CONFIDENCE = 0.4;

export function dayNumber(y: number, m = 1, d = 1): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(day: number): PartialDate & { m: number; d: number } {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isoOf(p: PartialDate): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return p.m === undefined ? String(p.y) : p.d === undefined ? `${p.y}-${pad(p.m)}` : `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (and longer ISO date-times) into its known parts. */
export function parseIsoDate(text: string | undefined): PartialDate | undefined {
  const m = text ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text) : null;
  if (!m) return undefined;
  return { y: +m[1], ...(m[2] ? { m: +m[2] } : {}), ...(m[3] ? { d: +m[3] } : {}) };
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/**
 * Office holders whose title dates an article ("Secretary of State Rex Tillerson" was only
 * written between February 2017 and March 2018). A short list of the offices news about
 * international affairs names most; "former …" is ignored.
 */
const OFFICE_LIST: Array<{ pattern: RegExp; name: string; terms: Array<[string, string]> }> = [
  { pattern: /\bPresident (?:Bill )?Clinton\b/, name: "President Clinton", terms: [["1993-01-20", "2001-01-20"]] },
  { pattern: /\bPresident (?:George W\. )?Bush\b/, name: "President Bush", terms: [["1989-01-20", "1993-01-20"], ["2001-01-20", "2009-01-20"]] },
  { pattern: /\bPresident (?:Barack )?Obama\b/, name: "President Obama", terms: [["2009-01-20", "2017-01-20"]] },
  { pattern: /\bPresident (?:Donald (?:J\. )?)?Trump\b/, name: "President Trump", terms: [["2017-01-20", "2021-01-20"], ["2025-01-20", "2029-01-20"]] },
  { pattern: /\bPresident (?:Joe )?Biden\b/, name: "President Biden", terms: [["2021-01-20", "2025-01-20"]] },
  { pattern: /\bSecretary of State (?:Madeleine )?Albright\b/, name: "Secretary of State Albright", terms: [["1997-01-23", "2001-01-20"]] },
  { pattern: /\bSecretary of State (?:Colin )?Powell\b/, name: "Secretary of State Powell", terms: [["2001-01-20", "2005-01-26"]] },
  { pattern: /\bSecretary of State (?:Condoleezza )?Rice\b/, name: "Secretary of State Rice", terms: [["2005-01-26", "2009-01-20"]] },
  { pattern: /\bSecretary of State (?:Hillary (?:Rodham )?)?Clinton\b/, name: "Secretary of State Clinton", terms: [["2009-01-21", "2013-02-01"]] },
  { pattern: /\bSecretary of State (?:John )?Kerry\b/, name: "Secretary of State Kerry", terms: [["2013-02-01", "2017-01-20"]] },
  { pattern: /\bSecretary of State (?:Rex )?Tillerson\b/, name: "Secretary of State Tillerson", terms: [["2017-02-01", "2018-03-31"]] },
  { pattern: /\bSecretary of State (?:Mike )?Pompeo\b/, name: "Secretary of State Pompeo", terms: [["2018-04-26", "2021-01-20"]] },
  { pattern: /\bSecretary of State (?:Antony )?Blinken\b/, name: "Secretary of State Blinken", terms: [["2021-01-26", "2025-01-20"]] },
  { pattern: /\bPrime Minister (?:Tony )?Blair\b/, name: "Prime Minister Blair", terms: [["1997-05-02", "2007-06-27"]] },
  { pattern: /\bPrime Minister (?:Theresa )?May\b/, name: "Prime Minister May", terms: [["2016-07-13", "2019-07-24"]] },
  { pattern: /\bPrime Minister (?:Boris )?Johnson\b/, name: "Prime Minister Johnson", terms: [["2019-07-24", "2022-09-06"]] },
  { pattern: /\bChancellor (?:Angela )?Merkel\b/, name: "Chancellor Merkel", terms: [["2005-11-22", "2021-12-08"]] },
  { pattern: /\bPresident (?:Volodymyr )?Zelensky\b/, name: "President Zelensky", terms: [["2019-05-20", "2100-01-01"]] },
];
const OFFICES = OFFICE_LIST.map((o) => ({ ...o, global: new RegExp(o.pattern.source, "g") }));

const iso2day = (s: string): number => {
  const p = parseIsoDate(s)!;
  return dayNumber(p.y, p.m, p.d);
};

const MONTH_RE = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const YEAR_RE = "((?:1[89]|20)\\d\\d)";
/** `May 10, 2019` / `May 10` / `May 2019` / `10 May 2019` / bare years with a cue before or after. */
const CHEAP = new RegExp(
  [
    `\\b${MONTH_RE}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? ${YEAR_RE})?\\b(?![:\\d])`,
    `\\b(\\d{1,2}) ${MONTH_RE}\\.?(?:,? ${YEAR_RE})?\\b`,
    `\\b(?:in |since |of |early |late |mid-?|until |by |through |from |last |this )?${MONTH_RE},? ${YEAR_RE}\\b`,
    `(?<![\\d,.$£€#])(?<![^d]-)\\b${YEAR_RE}\\b(?![\\d%-]|[,.]\\d|\\s*(?:percent|per cent))`,
  ].join("|"),
  "g",
);

/** Whether text[start, end) fills its line, but for a weekday before it. */
function fillsLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  return /^\s*(?:[A-Z][a-z]+day,?\s*)?$/.test(text.slice(lineStart, start)) && /^[\s.]*$/.test(text.slice(end, lineEnd));
}

/** A year alone on its line, heading a chronology's items: "1997:", "2000", "In 1998 -". */
const YEAR_HEADING = /^[ \t]*(?:In\s+)?((?:1[89]|20)\d\d)[ \t]*[:.\-–—_]?[ \t]*$/gm;

function yearHeadings(text: string): Array<{ at: number; year: number }> {
  return [...text.matchAll(YEAR_HEADING)].map((m) => ({ at: m.index!, year: Number(m[1]) }));
}

function headingYearBefore(headings: Array<{ at: number; year: number }>, at: number): number | undefined {
  let year: number | undefined;
  for (const h of headings) if (h.at < at) year = h.year;
  return year;
}

/** Cheap scan: explicit dates, month-day expressions and office holders. No chrono. */
export function scanDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  CHEAP.lastIndex = 0;
  for (let m = CHEAP.exec(text); m; m = CHEAP.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
    const lead = m[0].toLowerCase();
    const known: DateMention["known"] = {};
    if (m[1]) {
      // "May 10": "May" is also a verb; require a capital M and a plausible day.
      known.month = MONTHS[m[1].toLowerCase()];
      known.day = +m[2];
      if (m[3]) known.year = +m[3];
      if (m[1] === "May" && !m[3] && /\b(?:it|he|she|they|we|you|i|this|that|which|who)\s$/i.test(before)) continue;
    } else if (m[4]) {
      known.day = +m[4];
      known.month = MONTHS[m[5].toLowerCase()];
      if (m[6]) known.year = +m[6];
    } else if (m[7]) {
      known.month = MONTHS[m[7].toLowerCase()];
      known.year = +m[8];
    } else if (m[9]) {
      known.year = +m[9];
      // A bare number is a year only with a cue: a preposition before, or "the 2011 treaty".
      if (!/\b(?:in|since|of|during|from|until|by|before|after|through|early|late|mid|the|and|to|between|around|spring|summer|autumn|fall|winter)\s*-?$|['’]s?\s*$/i.test(before) && !/^['’]s\b/.test(text.slice(end, end + 3))) continue;
    }
    if (known.day !== undefined && (known.day < 1 || known.day > 31)) continue;
    if (known.year !== undefined && (known.year < 1800 || known.year > 2100)) continue;
    const cue = before + lead;
    out.push({
      start,
      end,
      text: m[0],
      known,
      ...(known.day !== undefined && known.year !== undefined && fillsLine(text, start, end) ? { ownLine: true } : {}),
      ...(/\b(?:since|after)\s+(?:\w+\s+)?$/.test(before) || /^since\b/.test(lead) ? { since: true } : {}),
      ...(/\b(?:by|until|through|till)\s+(?:\w+\s+)?$/.test(cue.slice(0, cue.length - lead.length)) ? { target: true } : {}),
    });
  }
  for (const office of OFFICES) {
    const re = office.global;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (/\b(?:former|ex-|late|then|then-)\s*(?:U\.S\.\s+|US\s+|American\s+|Russian\s+)?$|\bVice[- ]$/i.test(before)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], known: {}, office: { from: 0, to: 0, name: office.name } });
      break;
    }
  }
  return out;
}

function officeTerms(name: string): Array<[number, number]> {
  const office = OFFICES.find((o) => o.name === name);
  return office ? office.terms.map(([a, b]) => [iso2day(a), iso2day(b)]) : [];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** First and last day of a mention's stated period ("2018" → whole year; "July 2018" → the month). */
function periodOf(k: DateMention["known"], decade = false): [number, number] {
  const y = k.year!;
  if (decade) return [dayNumber(y), dayNumber(y + 10) - 1];
  if (k.month === undefined) return [dayNumber(y), dayNumber(y + 1) - 1];
  if (k.day === undefined) return [dayNumber(y, k.month), dayNumber(y, k.month + 1) - 1];
  const d = dayNumber(y, k.month, k.day);
  return [d, d];
}

/** Office terms that hold together: the point covered by most offices' terms, at or after `lo`. */
function officeWindow(offices: DateMention[], lo: number): { lo: number; hi: number; used: DateMention[] } | undefined {
  const terms = offices.map((x) => officeTerms(x.office!.name));
  const points = [...new Set(terms.flat().map(([a]) => Math.max(a, lo)))].sort((a, b) => a - b);
  let best: { lo: number; hi: number; used: DateMention[] } | undefined;
  for (const p of points) {
    let a = -Infinity;
    let b = Infinity;
    const used: DateMention[] = [];
    terms.forEach((ts, i) => {
      const t = ts.find(([s, e]) => s <= p && p < e);
      if (!t) return;
      a = Math.max(a, t[0]);
      b = Math.min(b, t[1]);
      used.push(offices[i]);
    });
    if (used.length && (!best || used.length > best.used.length)) best = { lo: a, hi: b, used };
  }
  return best;
}

export interface EstimateOptions {
  /**
   * Also guess the year from background years and year-less dates when nothing pins it (confidence
   * 0.15-0.45, year right for about 15% of the DUC/MultiLing articles). For story grouping only,
   * whose thresholds were chosen with these guesses (it uses the ones from 0.3 up, widened by
   * their confidence, as a lower bound: see `guessed`); never shown as an article's date.
   */
  guess?: boolean;
}

/**
 * Estimates when an undated article was written, from the dates it mentions. Hand-written: no
 * library estimates a document's own date; chrono-node only resolves against a date it is given.
 *
 * 1. Bounds. The article lies after every past date it names (after the whole period for "since
 *    July 2018") and inside the terms of the office holders it names by title (the terms most of
 *    them agree on: a sidebar about a later president is outvoted).
 * 2. A year guess from the explicit years, following news style (measured on the DUC sets): a
 *    full date with its year is usually this year's; a month with a year ("in June 1997") or a
 *    bare year is usually an earlier year's (this year's months go without one), so the guess
 *    is the year after.
 * 3. Month-days and months without a year ("on May 10", "in April") are this year's by the same
 *    style: the estimate is the day that keeps them closest behind it (ahead of it in sentences
 *    about the future), inside the bounds, near the year guess.
 * 4. The estimate is made only when the year is pinned: a date line under the title, a short
 *    office term, or a month the text is after inside an office term. Otherwise undefined (the
 *    story's other articles may still date it: `estimateFromStory`), unless `options.guess`.
 */
export function estimateFromMentions(mentions: DateMention[], options: EstimateOptions = {}): DateEstimate | undefined {
  let lo = -Infinity;
  let hi = Infinity;
  const evidence: DateMention[] = [];
  let loWhy: DateMention | undefined;
  let guess = -Infinity;
  for (const x of mentions) {
    if (x.known.year === undefined || x.target || (x.future && !x.since) || x.rel) continue;
    const [a, b] = periodOf(x.known, x.decade);
    const bound = x.since ? b + 1 : a;
    if (bound > lo) {
      lo = bound;
      loWhy = x;
    }
    const y = x.known.year + (x.decade ? 9 : 0);
    guess = Math.max(guess, x.known.day !== undefined ? y : y + 1);
  }
  const offices = mentions.filter((x) => x.office);
  const window = offices.length ? officeWindow(offices, lo) : undefined;
  if (window && window.hi >= lo) {
    if (window.lo > lo) {
      lo = window.lo;
      loWhy = undefined;
    }
    hi = window.hi;
    evidence.push(...window.used);
  }
  if (loWhy) evidence.unshift(loWhy);
  if (lo === -Infinity) return undefined;
  const loY = fromDayNumber(lo).y;
  const hiY = hi === Infinity ? Infinity : fromDayNumber(hi).y;
  guess = Math.min(Math.max(guess, loY), hiY);
  const yearless = mentions.filter((x) => x.known.year === undefined && x.known.month !== undefined && !x.target && !x.rel && !x.yearRel);
  const candidates: number[] = [Math.max(lo, dayNumber(guess))];
  for (const x of yearless) for (let y = guess - 1; y <= guess + 1; y++) candidates.push(dayNumber(y, x.known.month!, x.known.day ?? 15));
  let best = { cost: Infinity, day: candidates[0], near: undefined as DateMention | undefined };
  for (const p of candidates) {
    if (p < lo || p > hi) continue;
    let cost = 5 * Math.abs(fromDayNumber(p).y - guess) + Math.max(0, p - lo) / 365;
    let near: DateMention | undefined;
    let nearGap = Infinity;
    for (const x of yearless) {
      const [c, gap] = yearlessCost(x, p);
      cost += c;
      if (x.known.day !== undefined && gap < nearGap) {
        nearGap = gap;
        near = x;
      }
    }
    if (cost < best.cost) best = { cost, day: p, near: nearGap <= 10 ? near : undefined };
  }
  for (const x of yearless) if (evidence.length < 6 && Math.abs(yearlessCost(x, best.day)[1]) <= 60) evidence.push(x);
  const p = fromDayNumber(best.day);
  // A full date on a line of its own near the top ("Saturday, January 8, 2005" under a title),
  // never passed by any other date, is the article's own date line.
  const heading = !!loWhy && !loWhy.since && !!loWhy.ownLine && loWhy.start < 300 && lo <= hi;
  if (heading) {
    return { date: isoOf(fromDayNumber(lo)), precision: "day", confidence: 0.8, evidence: [...new Set([loWhy!, ...evidence].map(evidenceText))], lo, hi: lo, day: lo };
  }
  // Only a short office term (the seeds' Secretary of State Tillerson, 14 months) or a month the
  // text says it is after, inside an office term ("since July 2018" under Secretary of State
  // Pompeo), pins the year. Background years, year-less dates and long terms alone do not: on the
  // DUC/MultiLing sets the year they gave was right for 4-30% of articles in every band of the
  // old score, wrong for 48% of all articles (`node dist/bench/stories.js --only dates`).
  const tight = !!window && window.hi - window.lo < 800;
  const fenced = hi !== Infinity && !!loWhy?.since && loWhy.known.month !== undefined && loWhy.known.day === undefined;
  const guessed = !tight && !fenced;
  if (guessed && !options.guess) return undefined;
  const precision: Precision = best.near ? "month" : "year";
  const pinned = !!loWhy && best.day - lo < 300;
  const dated = mentions.some((x) => x.known.day !== undefined && x.known.year === p.y && !x.target && !x.future);
  const confidence = Math.min(0.9, 0.15 + (tight ? 0.35 : 0) + (pinned ? 0.1 : 0) + (best.near ? 0.1 : 0) + (dated ? 0.1 : 0));
  return {
    date: precision === "month" ? isoOf({ y: p.y, m: p.m }) : String(p.y),
    precision,
    confidence: round2(confidence),
    evidence: [...new Set(evidence.map(evidenceText))],
    lo: guessed ? lo : precision === "month" ? Math.max(lo, best.day - 10) : Math.max(lo, dayNumber(p.y)),
    hi: precision === "month" ? Math.min(hi, best.day + 10) : Math.min(hi, dayNumber(p.y + 1) - 1),
    day: best.day,
    ...(fenced ? { fenced: true as const } : {}),
    ...(guessed ? { guessed: true as const } : {}),
  };
}

/** "since July 2018" reads as such in the evidence, whichever scanner found "July 2018". */
const evidenceText = (x: DateMention): string => (x.since && !/^since\b/i.test(x.text) ? `since ${x.text}` : x.text);

/**
 * What a year-less month(-day) costs a publication-date candidate `p`, placed in its best year:
 * behind `p` in past sentences (ahead in future ones), nearer is cheaper, on the wrong side
 * dearer; month-only mentions count half. Returns the cost and the signed gap in days.
 */
function yearlessCost(x: DateMention, p: number): [number, number] {
  const py = fromDayNumber(p).y;
  let best: [number, number] = [Infinity, Infinity];
  for (let y = py - 1; y <= py + 1; y++) {
    const first = dayNumber(y, x.known.month!, x.known.day ?? 1);
    const last = x.known.day !== undefined ? first : dayNumber(y, x.known.month! + 1) - 1;
    const gap = x.future ? (last < p ? last - p : Math.max(0, first - p)) : first > p ? p - first : Math.max(0, p - last);
    let c = gap >= 0 ? Math.log2(1 + gap / 7) : gap >= -7 ? 1 - gap / 7 : 6 - gap / 30;
    if (x.known.weekday !== undefined && x.known.day !== undefined && new Date(first * DAY_MS).getUTCDay() !== x.known.weekday) c += 4;
    if (x.known.day === undefined) c /= 2;
    if (c < best[0]) best = [c, gap];
  }
  return best;
}

/** Days the dated articles of a story may spread over for an undated one to take their month. */
export const STORY_SPREAD_DAYS = 62;

/**
 * An undated article's date from its story's dated articles (given dates, or estimates to the
 * month: `anchors`, as day numbers): when they fall within two months of each other, the article
 * takes their median's month, unless its own estimate is finer or rules that time out; when they
 * spread wider inside one calendar year, an article with no estimate of its own takes that year.
 */
export function estimateFromStory(anchors: number[], own: DateEstimate | undefined): DateEstimate | undefined {
  if (!anchors.length || (own && own.precision !== "year")) return undefined;
  const sorted = [...anchors].sort((a, b) => a - b);
  const anchor = sorted[(sorted.length - 1) >> 1];
  if (sorted[sorted.length - 1] - sorted[0] > STORY_SPREAD_DAYS) {
    const y = fromDayNumber(anchor).y;
    if (own || fromDayNumber(sorted[0]).y !== y || fromDayNumber(sorted[sorted.length - 1]).y !== y) return undefined;
    return { date: String(y), precision: "year", confidence: STORY_YEAR_CONFIDENCE, evidence: [`published with this story's other articles (${y})`], lo: dayNumber(y), hi: dayNumber(y + 1) - 1, day: anchor };
  }
  if (own && (anchor < own.lo || anchor > own.hi)) return undefined;
  const month = isoOf(fromDayNumber(anchor)).slice(0, 7);
  return {
    date: month,
    precision: "month",
    confidence: own ? Math.min(0.9, Math.max(STORY_CONFIDENCE, own.confidence + 0.1)) : STORY_CONFIDENCE,
    evidence: [...(own?.evidence ?? []), `published with this story's other articles (${month})`],
    lo: anchor - 31,
    hi: anchor + 31,
    day: anchor,
    ...(own?.fenced ? { fenced: true as const } : {}),
  };
}

/** Estimate from the cheap scan alone (what story grouping uses). */
export function estimatePublished(text: string, options: EstimateOptions = {}): DateEstimate | undefined {
  return estimateFromMentions(scanDates(text), options);
}

// ---------------------------------------------------------------------------------------------
// Every date expression of a text, resolved against a reference date.
//
// chrono-node reads the absolute expressions (month names with days and years, numeric dates:
// many spellings, measured on the fixtures). Relative ones are matched here instead, because
// chrono resolves them to a full date-time and loses what they name: "last month" is a month,
// "next week" a week, "two years later" counts from the date named before, not from today.

const CUE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:1[89]|20)\d\d|\d\/\d|\b(?:yesterday|today|tonight|tomorrow|ago|weekend|earlier|later|before|after|(?:last|next|this|past|coming|previous|following) (?:week|month|year|night|morning|afternoon|evening|spring|summer|fall|autumn|winter|day)|day before)\b/i;
const FUTURE = /\b(?:will|would|'ll|’ll|is to|are to|is due|are due|(?:is|are)(?: not)? expected|scheduled|plans? to|planned|expected to|next|upcoming|coming|set to|slated|to be held|takes effect|begins|starts|expires|opens|could|might|planning|intends? to|aims? to)\b/i;
const MONTH_WORD = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?)(?![a-z])/;
const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const MONTH_CUE = /\b(?:in|since|by|until|till|through|early|late|mid|of|from|last|this|next|before|after|during|between|and|to|on|for)[\s-]+$/i;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, several: 3, "a few": 3, "a couple of": 2 };
const COUNT = "(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of|\\d{1,3})";

const SPAN = new RegExp(`\\b${COUNT}\\s+(day|week|month|year|decade)s?\\s+(ago|earlier|later|before|after)\\b`, "gi");

type Found = Omit<DateMention, "future">;

const WEEKDAY_WORD = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day";
const HABIT_BEFORE = new RegExp(`\\b(?:every|each)\\s+(?:other\\s+)?(?:${WEEKDAY_WORD}\\s*(?:,\\s*|\\s(?:and|or|through|to)\\s+))*$`, "i");
const HABIT_AFTER = new RegExp(`^(?:\\s*(?:,|and|or|through|to)\\s*${WEEKDAY_WORD})*\\s+(?:mornings|afternoons|evenings|nights)\\b`, "i");

/** A capitalised word right before: the day word ends a name. */
const NAME_BEFORE = /\b\p{Lu}[\p{L}&]*\s+$/u;

/**
 * "the Good Friday Agreement", "The Sunday Times", "on \"Saturday Night Live\"": a weekday inside a
 * name (after "the", a possessive, an opening quotation mark or a name word, before a capitalised
 * word) is no day. "on Super Tuesday", "Good Friday observances", "On Tuesday President Bush said" stay days.
 */
const NAME_LEAD = /(?:\b[Tt]he\s+|['’]s\s+|["“]|\b(?!(?:On|By|Since|Until|Till|From|Through|Last|Next|This|Late|Early|And|But|Or|Before|After|Every|Each|Of|Starting|Beginning)\b)\p{Lu}[\p{Ll}&]+\s+)$/u;
const NAME_TAIL = /^\s+\p{Lu}\p{Ll}/u;
const inName = (s: string, start: number, end: number): boolean => NAME_TAIL.test(s.slice(end, end + 4)) && NAME_LEAD.test(s.slice(Math.max(0, start - 20), start));

/** People and states of things that "today" can date as nowadays ("today's kids", "parents today"). */
const NOWADAYS_HEADS = String.raw`(?:world|society|culture|economy|markets?|prices|workplace|workforce|workers|kids|children|youth|young(?:sters)?|teens|teenagers|students|grads|graduates|seniors|parents|families|generation|consumers|voters|Americans|players|pros|trendsetters|volunteers|juries|audiences?|standards|technology|climate|problems|predicament|fleet|drugs|people|adults|doctors)`;

/**
 * "today's kids", "in today's world", "today's tight rental market": today as nowadays, no day.
 * The head noun, after up to three modifiers, is a people or a state of things, not an event
 * ("today's meeting", "today's editions").
 */
const NOWADAYS = new RegExp(String.raw`^['’]s\s+(?:[\w.-]+\s+){0,3}?${NOWADAYS_HEADS}\b`);

/** "parents today", "as it is today", "the same frequency as today": today as nowadays, by what stands before it. */
const NOWADAYS_BEFORE = new RegExp(String.raw`(?:\b${NOWADAYS_HEADS}|\b(?:as|than)(?:\s+(?:it|they|he|she|we|there|that|this|what))?(?:\s+(?:is|are|exists?|does|do))?)\s+$`);

/** "1.5 million today, from 15,000 in 1970", "Today, there are 40,000 viruses": today as nowadays, by what follows it. */
const NOWADAYS_AFTER = /^(?:,?\s+(?:up\s+|down\s+)?(?:from|compared|versus)\b|,?\s+there\s+(?:is|are)\b)/;

function nowadays(s: string, start: number, end: number): boolean {
  const after = s.slice(end, end + 60);
  if (NOWADAYS.test(after)) return true;
  if (/^['’]s\b/.test(after)) return false;
  return NOWADAYS_BEFORE.test(s.slice(Math.max(0, start - 40), start)) || NOWADAYS_AFTER.test(after);
}

/** "every Monday", "each Saturday and Sunday", "on Sunday evenings": a weekday that recurs, no date. */
function habitual(s: string, start: number, end: number): boolean {
  return HABIT_BEFORE.test(s.slice(Math.max(0, start - 60), start)) || HABIT_AFTER.test(s.slice(end, end + 60));
}

/** Relative expressions, matched by hand (see above). Offsets are into `s`. */
function relatives(s: string): Found[] {
  const out: Found[] = [];
  const add = (m: RegExpExecArray, extra: Omit<Found, "start" | "end" | "text" | "known"> & { known?: DateMention["known"] }): void => {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], known: {}, ...extra });
  };
  for (const m of s.matchAll(/\b(yesterday|today|tonight|tomorrow)\b/gi)) {
    // "USA Today", "Behavioral Healthcare Tomorrow magazine": the end of a name, no day.
    if (/^\p{Lu}/u.test(m[1]) && NAME_BEFORE.test(s.slice(Math.max(0, m.index! - 40), m.index))) continue;
    if (/^today$/i.test(m[1]) && nowadays(s, m.index!, m.index! + m[0].length)) continue;
    const w = m[1].toLowerCase();
    add(m as RegExpExecArray, { rel: { n: w === "yesterday" ? -1 : w === "tomorrow" ? 1 : 0, unit: "day", anchor: "ref" } });
  }
  for (const m of s.matchAll(/\b(last|this|next|coming|past|previous|earlier this|later this)\s+(week|month|year)\b(?!-)/gi)) {
    const w = m[1].toLowerCase();
    const n = w === "next" || w === "coming" ? 1 : w === "last" || w === "past" || w === "previous" ? -1 : 0;
    add(m as RegExpExecArray, { rel: { n, unit: m[2].toLowerCase() as Unit, anchor: "ref" } });
  }
  // "this morning" is today; "last night" the evening before.
  for (const m of s.matchAll(/\b(this (?:morning|afternoon|evening)|last night)\b/gi)) {
    add(m as RegExpExecArray, { rel: { n: /^last/i.test(m[1]) ? -1 : 0, unit: "day", anchor: "ref" } });
  }
  // "the next day", "the previous day", "had met the day before": counted from the date named before.
  for (const m of s.matchAll(/\bthe (?:(next|following|previous|preceding) day|day before(?=\s*[,.;:)]|\s*$))/gi)) {
    add(m as RegExpExecArray, { rel: { n: m[1] && /^(?:next|following)$/i.test(m[1]) ? 1 : -1, unit: "day", anchor: "prev" } });
  }
  for (const m of s.matchAll(/\b(last|this|next|past|coming)\s+(spring|summer|fall|autumn|winter)\b/gi)) {
    const w = m[1].toLowerCase();
    const season = m[2].toLowerCase() === "autumn" ? "fall" : (m[2].toLowerCase() as Season);
    add(m as RegExpExecArray, { season, ...(w === "last" || w === "past" ? { shift: -1 as const } : w === "next" || w === "coming" ? { shift: 1 as const } : {}) });
  }
  for (const m of s.matchAll(/\b(?:(last|this|next|coming|past)\s+|the\s+)weekend\b/gi)) {
    const w = (m[1] ?? "").toLowerCase();
    add(m as RegExpExecArray, { weekend: true, ...(w === "last" || w === "past" ? { shift: -1 as const } : w === "next" || w === "coming" ? { shift: 1 as const } : {}) });
  }
  for (const m of s.matchAll(SPAN)) {
    const count = NUMBERS[m[1].toLowerCase()] ?? +m[1];
    const unit = m[2].toLowerCase();
    const n = unit === "decade" ? count * 10 : count;
    const u: Unit = unit === "decade" ? "year" : (unit as Unit);
    const how = m[3].toLowerCase();
    if (how === "ago") add(m as RegExpExecArray, { rel: { n: -n, unit: u, anchor: "ref" } });
    else if (how === "earlier" || how === "later") add(m as RegExpExecArray, { rel: { n: how === "later" ? n : -n, unit: u, anchor: "prev" } });
    // "2013, a year before the annexation": the annexation is a year after the date it follows.
    else if (/(?:,|\band|—|–)\s*$/.test(s.slice(Math.max(0, m.index! - 6), m.index))) add(m as RegExpExecArray, { rel: { n: how === "before" ? n : -n, unit: u, anchor: "prev" } });
  }
  for (const m of s.matchAll(/\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)/g)) {
    if (habitual(s, m.index!, m.index! + m[0].length) || (!m[1] && inName(s, m.index!, m.index! + m[0].length))) continue;
    const w = (m[1] ?? "").toLowerCase();
    add(m as RegExpExecArray, { known: { weekday: WEEKDAYS.indexOf(m[2].toLowerCase()) }, ...(w === "last" || w === "past" ? { shift: -1 as const } : w === "next" || w === "coming" ? { shift: 1 as const } : {}) });
  }
  // "the 1970s and '80s", "the 1960s and 1970s": one span of decades.
  for (const m of s.matchAll(/\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?((?:1[89]|20)\d0)['’]?s(?:\s+(?:and|to|through|into)\s+(?:the\s+)?(?:early\s+|mid-?|late\s+)?['’]?((?:1[89]|20)?\d0)['’]?s)?\b/g)) {
    const first = +m[1];
    const last = m[2] ? (m[2].length === 4 ? +m[2] : Math.floor(first / 100) * 100 + +m[2] + (+m[2] < first % 100 ? 100 : 0)) : first;
    add(m as RegExpExecArray, { known: { year: first }, decade: true, ...(last > first ? { decadeEnd: last } : {}) });
  }
  return out;
}

/**
 * "every December", "usually turns cold around mid-October", "on November weeknights", "if one
 * is born in March", "in January each year": a month that recurs, no date of the story.
 */
const HABIT_MONTH_BEFORE = /\b(?:every|each)\s+$|\b(?:usually|normally|typically|generally|traditionally|always|annually)\b[^.;:,]{0,40}$|\bborn\s+(?:in|on)\s+$/i;
const HABIT_MONTH_AFTER = /^\s+(?:weeknights|weekdays|weekends|evenings|mornings|afternoons|nights)\b|^[^.;:,]{0,20}\b(?:every|each)\s+year\b/i;
const habitualMonth = (s: string, start: number, end: number): boolean =>
  HABIT_MONTH_BEFORE.test(s.slice(Math.max(0, start - 60), start)) || HABIT_MONTH_AFTER.test(s.slice(end, end + 40));

/** Absolute expressions chrono-node finds (month names, numeric dates). Offsets are into `s`. */
function absolutes(s: string): Found[] {
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(s, new Date(Date.UTC(2000, 5, 15, 12)), { forwardDate: false });
  } catch {
    return [];
  }
  const out: Found[] = [];
  for (const r of results) {
    const text = r.text.replace(/[\s,;:]+$/, "");
    if (!MONTH_WORD.test(text) && !NUMERIC_DATE.test(text)) continue;
    const kv = (r.start as unknown as { knownValues: Record<string, number> }).knownValues;
    const known: DateMention["known"] = {};
    if (kv.year !== undefined && /\d{4}|['’]\d\d\b/.test(text)) known.year = kv.year;
    if (kv.month !== undefined) known.month = kv.month;
    if (kv.day !== undefined && kv.month !== undefined) known.day = kv.day;
    if (kv.weekday !== undefined && known.day !== undefined) known.weekday = kv.weekday;
    if (known.month === undefined) continue;
    // A month alone ("May", "March") must read as a date: a preposition before it, or a year.
    if (known.day === undefined && known.year === undefined && !MONTH_CUE.test(s.slice(Math.max(0, r.index - 12), r.index))) continue;
    if (known.day === undefined && known.year === undefined && habitualMonth(s, r.index, r.index + text.length)) continue;
    if (/^May\s+\d/.test(text) && /\b(?:it|he|she|they|we|you|i|this|that|which|who)\s+$/i.test(s.slice(Math.max(0, r.index - 6), r.index))) continue;
    out.push({ start: r.index, end: r.index + text.length, text, known });
  }
  return out;
}

/**
 * Every date expression in the given sentences of `text`, in text order. Offsets are into
 * `text`. Only sentences with a date cue are parsed.
 */
export function findDates(text: string, sentences: SentenceSpan[], options: { chrono?: boolean } = {}): DateMention[] {
  const out: DateMention[] = [];
  const headings = yearHeadings(text);
  for (const span of sentences) {
    // A run-on "sentence" (a table, a list without stops) is read only so far: chrono is costly.
    const s = text.slice(span.start, Math.min(span.end, span.start + 3000));
    if (!CUE.test(s)) continue;
    const found: Found[] = [];
    // Bare years (chrono leaves them out); without chrono, every date the cheap scan finds.
    const scanned = scanDates(s).filter((x) => !x.office && (options.chrono === false ? x.known.year !== undefined || x.known.month !== undefined : x.known.year !== undefined && x.known.month === undefined));
    // chrono-node is the costly part: only sentences naming a month or a numeric date need it.
    const chronoFound = options.chrono !== false && (MONTH_WORD.test(s) || NUMERIC_DATE.test(s)) ? absolutes(s) : [];
    for (const x of [...chronoFound, ...relatives(s), ...scanned]) {
      if (found.some((f) => f.start < x.end && x.start < f.end)) continue;
      found.push(x);
    }
    found.sort((a, b) => a.start - b.start);
    yearsCounted(s, found);
    for (const x of found) {
      const before = s.slice(Math.max(0, x.start - 12), x.start);
      const mention: DateMention = { ...x, start: span.start + x.start, end: span.start + x.end, ...(futureAt(s, x.start, x.end) ? { future: true } : {}) };
      if (x.known.day !== undefined && x.known.year !== undefined && fillsLine(text, mention.start, mention.end)) mention.ownLine = true;
      else delete mention.ownLine;
      const heading = x.known.month !== undefined && x.known.year === undefined ? headingYearBefore(headings, mention.start) : undefined;
      if (heading !== undefined) mention.headingYear = heading;
      if (/\b(?:since|after)\s+(?:the\s+)?$/i.test(before)) mention.since = true;
      if (/\b(?:by|until|till|through)\s+(?:the\s+)?$/i.test(before)) mention.target = true;
      if (x.known.weekday !== undefined && x.known.day === undefined && namesIssue(s, x.start, x.end)) mention.issueDay = true;
      out.push(mention);
    }
  }
  return out;
}

const YEAR_REL: Record<string, -1 | 0 | 1> = { last: -1, this: 0, next: 1 };

/**
 * Month mentions whose year is counted ("last November", "June 1 last year", "September of this
 * year"): the year is marked on the month, and "last year" after it is no mention of its own.
 */
function yearsCounted(s: string, found: Found[]): void {
  for (let i = 0; i < found.length; i++) {
    const x = found[i];
    if (x.known.month === undefined || x.known.year !== undefined) continue;
    const before = /\b(last|this|next)\s+$/i.exec(s.slice(Math.max(0, x.start - 6), x.start));
    const after = /^\s*,?\s*(?:of\s+)?(last|this|next)\s+year\b/i.exec(s.slice(x.end, x.end + 20));
    if (after) {
      x.yearRel = { n: YEAR_REL[after[1].toLowerCase()], from: "year" };
      const next = found[i + 1];
      if (next?.rel?.unit === "year" && next.start < x.end + after[0].length) found.splice(i + 1, 1);
    } else if (before) x.yearRel = { n: YEAR_REL[before[1].toLowerCase()], from: "month" };
  }
}

/**
 * Past tense words. A participle after "be" is a passive, of any tense ("will be signed on
 * Friday", "will be held"), after "is"/"are" a present one ("a ruling is expected Friday"); a
 * capitalised word is a name ("United Nations", "Fred").
 */
const PAST_ALL = /\b(?:had|has|have|was|were|did)\b|(?<!\b(?:be|been|being)\s+)\b(?:met|said|told|took|came|went|held|spoke|gave|began)\b/gi;
const PAST_ED_ALL = /(?<!\b(?:[Bb]e|[Bb]een|[Bb]eing|is|are|is not|are not)\s+|-)\b(?!(?:hundred|indeed|watershed|speed|bloodshed)\b)[a-z]\w{2,}ed\b/g;
const FUTURE_ALL = new RegExp(FUTURE.source, "gi");

/** "was expected to", "had planned to": a future seen from the past, right after a past verb. */
const FUTURE_IN_PAST = new RegExp(`^\\s+${FUTURE.source}`, "i");

/** "Saturday's expected vote", "Monday's scheduled talks": a date naming an event still to come. */
const COMING_EVENT = /^['’]s\s+(?:expected|scheduled|planned|upcoming|anticipated|coming)\b/i;

const PERIODICAL = String.raw`(?:issue|editions?|(?:[A-Z][\w.&'-]*\s+|of\s+|the\s+){0,6}?(?:Journal|Times|Post|Tribune|Herald|Chronicle|Globe|Gazette|Telegraph|Guardian|Nature|Science|Lancet|Medicine|Pediatrics|Neurology))\b`;
const ISSUE_AFTER = new RegExp(String.raw`^['’]s\s+${PERIODICAL}`);
const ISSUE_BEFORE = /(?<!\b(?:was|were)\s+)\b(?:being\s+(?:published|released|issued)|appear(?:s|ing)|publish(?:es|ing))\s+(?:on\s+)?$/i;

/**
 * A periodical's issue day ("in Thursday's issue of Nature", "Wednesday's Journal of the American
 * Medical Association", "a study being published Friday"): newspapers write of it the day before
 * as of the day after, and "published" says nothing of which.
 */
function namesIssue(s: string, at: number, end: number): boolean {
  return ISSUE_AFTER.test(s.slice(end, end + 120)) || ISSUE_BEFORE.test(s.slice(Math.max(0, at - 30), at));
}

/**
 * Tense at a mention: the nearest tense word before it in its sentence decides ("will continue
 * talks he had in May", "Garzon issued the international arrest warrant against Pinochet on
 * Friday after … would probably leave"), else the first one after it ("Ahmadinejad on Wednesday
 * announced that he would free …": the verb the date goes with, not a later clause's).
 */
function futureAt(s: string, at: number, end: number): boolean {
  // "on the eve of Saturday's expected vote": the date's own event is to come, whatever the verb.
  if (COMING_EVENT.test(s.slice(end, end + 24))) return true;
  const before = s.slice(0, at);
  const f = lastMatch(FUTURE_ALL, before);
  const p = Math.max(lastMatch(PAST_ALL, before), lastMatch(PAST_ED_ALL, before));
  if (f >= 0 || p >= 0) return f >= p;
  const after = s.slice(end);
  const nextFuture = firstMatchOf(FUTURE_ALL, after).at;
  const past = [firstMatchOf(PAST_ALL, after), firstMatchOf(PAST_ED_ALL, after)].sort((a, b) => a.at - b.at)[0];
  // "The Thursday hearing was expected to …", "had planned to present": a future seen from the past.
  return nextFuture < Infinity && nextFuture <= past.at || (past.at < Infinity && FUTURE_IN_PAST.test(after.slice(past.end)));
}

function firstMatchOf(re: RegExp, s: string): { at: number; end: number } {
  for (const m of s.matchAll(re)) return { at: m.index!, end: m.index! + m[0].length };
  return { at: Infinity, end: Infinity };
}

function lastMatch(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index!;
  return at;
}

export interface SentenceSpan {
  start: number;
  end: number;
}

/** The reference a mention is resolved against: a day, or only a month or year. */
export interface Reference {
  day: number;
  precision: Precision;
}

const RANK: Record<Precision, number> = { day: 0, week: 1, month: 2, year: 3 };

export function resolved(day: number, precision: Precision, last?: number): ResolvedDate {
  const p = fromDayNumber(day);
  const first = precision === "year" ? dayNumber(p.y) : precision === "month" ? dayNumber(p.y, p.m) : day;
  const date = precision === "year" ? String(p.y) : precision === "month" ? isoOf({ y: p.y, m: p.m }) : isoOf(p);
  const end =
    last !== undefined ? last : precision === "year" ? dayNumber(p.y + 1) - 1 : precision === "month" ? dayNumber(p.y, p.m + 1) - 1 : precision === "week" ? first + 6 : first;
  const out: ResolvedDate = { date, precision, day: first, dayEnd: end };
  if (precision === "week") out.dateEnd = isoOf(fromDayNumber(first + 6));
  else if (last !== undefined && last !== first) {
    const q = fromDayNumber(last);
    out.dateEnd = precision === "year" ? String(q.y) : precision === "month" ? isoOf({ y: q.y, m: q.m }) : isoOf(q);
  }
  return out;
}

/** `n` units after the day `from`, at the given precision (weeks start on Monday). */
function shifted(from: number, n: number, unit: Unit, precision: Precision): ResolvedDate {
  const p = fromDayNumber(from);
  if (unit === "year") return resolved(precision === "year" ? dayNumber(p.y + n) : dayNumber(p.y + n, p.m, precision === "month" ? 1 : p.d), precision);
  if (unit === "month") return resolved(precision === "month" ? dayNumber(p.y, p.m + n) : dayNumber(p.y, p.m + n, p.d), precision);
  const day = from + n * (unit === "week" ? 7 : 1);
  return precision === "week" ? resolved(day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7), "week") : resolved(day, precision);
}

const coarser = (a: Precision, b: Precision): Precision => (RANK[a] >= RANK[b] ? a : b);

/**
 * Resolves a mention against the reference date (and, for "two years later", the date resolved
 * just before it). Year-less dates take the year that puts them nearest the reference on the side
 * the sentence's tense points to; weekdays the nearest such day before (or, in a sentence about
 * the future, after) the reference, but "last Thursday" on a Friday the one a week before. Undefined when the reference is too vague to place it.
 */
export function resolveMention(x: DateMention, ref: Reference | undefined, prev?: ResolvedDate): ResolvedDate | undefined {
  const k = x.known;
  if (x.rel?.anchor === "prev") return prev ? shifted(prev.day, x.rel.n, x.rel.unit, coarser(prev.precision, x.rel.unit)) : undefined;
  if (k.year !== undefined) {
    if (x.decade) return resolved(dayNumber(k.year), "year", dayNumber((x.decadeEnd ?? k.year) + 9));
    if (k.month === undefined) return resolved(dayNumber(k.year), "year");
    if (k.day === undefined) return resolved(dayNumber(k.year, k.month), "month");
    return resolved(dayNumber(k.year, k.month, k.day), "day");
  }
  if (!ref) return undefined;
  if (x.rel) {
    // Against "some day in May 2017", "last week" is dated May 2017: a finer date would be invented.
    if ((x.rel.unit === "day" || x.rel.unit === "week") && ref.precision !== "day") return coarse(ref);
    const precision = coarser(ref.precision, x.rel.unit);
    return shifted(ref.day, x.rel.n, x.rel.unit, precision === "week" && x.rel.unit === "day" ? ref.precision : precision);
  }
  const weekdayOf = (d: number): number => new Date(d * DAY_MS).getUTCDay();
  if (x.season) return seasonOf(x.season, x.shift, ref);
  if (k.month !== undefined && x.yearRel) {
    const r = fromDayNumber(ref.day);
    const { n, from } = x.yearRel;
    // "last November" against a reference known only to its year could be either of two years.
    if (from === "month" && n !== 0 && ref.precision === "year") return undefined;
    const y = from === "year" || n === 0 ? r.y + n : n < 0 ? (k.month < r.m ? r.y : r.y - 1) : k.month > r.m ? r.y : r.y + 1;
    return resolved(dayNumber(y, k.month, k.day ?? 1), k.day !== undefined ? "day" : "month");
  }
  if (x.weekend) {
    if (ref.precision !== "day") return coarse(ref);
    const sat = ref.day - ((weekdayOf(ref.day) + 1) % 7);
    const day = x.shift === 1 || (x.future && x.shift === undefined) ? (sat >= ref.day ? sat : sat + 7) : sat;
    return resolved(day, "day", day + 1);
  }
  if (k.month !== undefined) {
    const r = fromDayNumber(ref.day);
    if (ref.precision === "year") return resolved(dayNumber(r.y, k.month, k.day ?? 1), k.day !== undefined ? "day" : "month");
    let y = r.y;
    const at = (yy: number): number => dayNumber(yy, k.month!, k.day ?? 15);
    // News mostly looks back: a date more than a month after the reference is last year's,
    // unless the sentence speaks of the future; a future date far behind is next year's.
    if (!x.future && at(y) > ref.day + 31) y--;
    else if (x.future && at(y) < ref.day - 60) y++;
    return resolved(dayNumber(y, k.month, k.day ?? 1), k.day !== undefined ? "day" : "month");
  }
  if (k.weekday !== undefined) {
    if (ref.precision !== "day") return coarse(ref);
    let delta = k.weekday - weekdayOf(ref.day);
    const forward = x.shift === 1 || (x.shift === undefined && x.future);
    if (x.issueDay && x.shift === undefined && !x.future) delta = ((delta + 10) % 7) - 3;
    else if (forward) {
      if (delta < 0 || (delta === 0 && x.shift === 1)) delta += 7;
    } else if (delta > 0 || (delta === 0 && x.shift === -1)) delta -= 7;
    // "last Thursday" written on a Friday: yesterday would be "Thursday"; it is the week before's.
    if (delta === -1 && /^last\b/i.test(x.text)) delta -= 7;
    return resolved(ref.day + delta, "day");
  }
  return undefined;
}

/**
 * Resolves the mentions of one article in text order ("two years later" counts from the one
 * before; after one left unresolved, "a day earlier" has nothing to count from).
 */
export function resolveAll(mentions: DateMention[], ref: Reference | undefined): Array<ResolvedDate | undefined> {
  let prev: ResolvedDate | undefined;
  return mentions.map((x) => {
    // Under a chronology's "1997:" heading, "Oct. 20 - …" is in 1997.
    const headed = x.headingYear !== undefined && !x.yearRel && !x.season;
    const r = resolveMention(headed ? { ...x, known: { ...x.known, year: x.headingYear } } : x, ref, prev);
    if (!(x.rel?.anchor === "prev" && /before|after/i.test(x.text))) prev = r;
    return r;
  });
}

function coarse(ref: Reference): ResolvedDate {
  const r = fromDayNumber(ref.day);
  return ref.precision === "year" ? resolved(dayNumber(r.y), "year") : resolved(dayNumber(r.y, r.m), "month");
}

/** First month of each season (northern hemisphere, meteorological: winter is December to February). */
const SEASON_START: Record<Season, number> = { spring: 3, summer: 6, fall: 9, winter: 12 };

/**
 * "this summer": the season of the reference's year (this winter: the one around the reference);
 * "last summer": the last one over before the reference; "next spring": the first one after it.
 * Months first to last. Undefined for last/next against a reference known only to its year.
 */
function seasonOf(season: Season, shift: -1 | 1 | undefined, ref: Reference): ResolvedDate | undefined {
  if (shift !== undefined && ref.precision === "year") return undefined;
  const r = fromDayNumber(ref.day);
  const start = SEASON_START[season];
  const span = (y: number): [number, number] => [dayNumber(y, start), dayNumber(y, start + 3) - 1];
  let y = season === "winter" && r.m < 6 ? r.y - 1 : r.y;
  if (shift === -1) while (span(y)[1] >= ref.day) y--;
  else if (shift === 1) while (span(y)[0] <= ref.day) y++;
  const [first, last] = span(y);
  return resolved(first, "month", last);
}
