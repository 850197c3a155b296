/**
 * Date expressions in article text, resolved against the publication date, and publication dates
 * estimated from content when an article carries none.
 *
 * Two scanners share one representation (`DateMention`):
 * - `scanDates` is a cheap regular-expression pass (explicit years, month names with or without a
 *   day, office holders' titles). Story grouping uses it for every article, so it must stay fast.
 * - `findDates` runs chrono-node over the sentences that hold a date cue, adds bare years chrono
 *   leaves out ("in 2014", "the 2011 New START treaty"), and resolves every expression against a
 *   reference date (the publication date, or the estimate).
 */
import * as chrono from "chrono-node";

export type Precision = "day" | "week" | "month" | "year";

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
  /** Days from the reference date for relative expressions ("yesterday", "next week", "three days ago"). */
  offsetDays?: number;
  /** Month offset for "last month" / "next month". */
  offsetMonths?: number;
  /** "since July 2018", "after 2013": the reference date lies after this one. */
  since?: boolean;
  /** "by 2030", "until 2020": a target, not evidence of the present. */
  target?: boolean;
  /** The sentence speaks of the future ("will", "next", "scheduled"). */
  future?: boolean;
  /** A week-long expression ("next week"). */
  week?: boolean;
  /** From an office holder's title: the reference date lies in [from, to]. */
  office?: { from: number; to: number; name: string };
}

/** A resolved date: ISO text at its precision (`2019`, `2019-05`, `2019-05-14`). */
export interface ResolvedDate {
  date: string;
  dateEnd?: string;
  precision: Precision;
  /** Day number (days since 1970-01-01) of the first day of the period. */
  day: number;
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
}

const DAY_MS = 86_400_000;

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
const OFFICES: Array<{ pattern: RegExp; name: string; terms: Array<[string, string]> }> = [
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
    `(?<![\\d,.$£€#-])\\b${YEAR_RE}\\b(?![\\d%-]|[,.]\\d|\\s*(?:percent|per cent))`,
  ].join("|"),
  "g",
);

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
      ...(/\b(?:since|after)\s+(?:\w+\s+)?$/.test(before) || /^since\b/.test(lead) ? { since: true } : {}),
      ...(/\b(?:by|until|through|till)\s+(?:\w+\s+)?$/.test(cue.slice(0, cue.length - lead.length)) ? { target: true } : {}),
    });
  }
  for (const office of OFFICES) {
    const re = new RegExp(office.pattern.source, "g");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (/\b(?:former|ex-|late|then|then-)\s*(?:U\.S\.\s+|US\s+|American\s+|Russian\s+)?$/i.test(before)) continue;
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

/**
 * Estimates when an undated article was written, from the dates it mentions.
 *
 * The article lies after every past date it names (strictly after "since July 2018"), inside the
 * term of every office holder it names by title, and month-day expressions without a year ("on May
 * 10") fall in the first year that keeps them after those bounds. The point estimate is the middle
 * of the year-less month-days (news names dates close to its own), else the lower bound's year.
 */
export function estimateFromMentions(mentions: DateMention[]): DateEstimate | undefined {
  let lo = -Infinity;
  let hi = Infinity;
  const evidence: string[] = [];
  let loWhy: string | undefined;
  const absolute = mentions.filter((x) => x.known.year !== undefined && !x.target && !x.future);
  for (const x of absolute) {
    const y = x.known.year!;
    let day: number;
    if (x.since) {
      day = x.known.month === undefined ? dayNumber(y + 1) : x.known.day === undefined ? dayNumber(y, x.known.month + 1) : dayNumber(y, x.known.month, x.known.day + 1);
    } else {
      day = dayNumber(y, x.known.month ?? 1, x.known.day ?? 1);
    }
    if (day > lo) {
      lo = day;
      loWhy = x.text;
    }
  }
  // Office terms: keep the term that fits the other evidence best.
  const offices = mentions.filter((x) => x.office);
  for (const x of offices) {
    const terms = officeTerms(x.office!.name);
    const fit = terms.find(([a, b]) => b >= lo && a <= hi) ?? terms[0];
    if (!fit) continue;
    if (fit[0] > lo) {
      lo = fit[0];
      loWhy = x.text;
    }
    if (fit[1] < hi) hi = fit[1];
    evidence.push(x.text);
  }
  if (lo === -Infinity) return undefined;
  if (hi < lo) hi = lo + 366;
  if (loWhy && !evidence.includes(loWhy)) evidence.unshift(loWhy);
  const floor = fromDayNumber(lo);
  // Year-less month(-day) expressions: first occurrence not before the lower bound.
  const placed: number[] = [];
  for (const x of mentions) {
    if (x.known.year !== undefined || x.known.month === undefined || x.target) continue;
    const m = x.known.month;
    const d = x.known.day;
    let y = floor.y;
    if (m < floor.m || (m === floor.m && d !== undefined && d < floor.d)) y++;
    const day = dayNumber(y, m, d ?? 15);
    if (day > hi + 31) continue;
    placed.push(day);
    if (evidence.length < 6 && !evidence.includes(x.text)) evidence.push(x.text);
  }
  if (placed.length) {
    placed.sort((a, b) => a - b);
    const mid = placed[(placed.length - 1) >> 1];
    const p = fromDayNumber(mid);
    const spread = placed[placed.length - 1] - placed[0];
    const precision: Precision = spread <= 45 ? "month" : "year";
    const confidence = Math.min(0.85, 0.35 + 0.1 * placed.length + (hi - lo < 800 ? 0.2 : 0));
    return {
      date: precision === "month" ? isoOf({ y: p.y, m: p.m }) : String(p.y),
      precision,
      confidence: round2(confidence),
      evidence,
      lo: Math.max(lo, placed[0] - 20),
      hi: Math.min(hi, placed[placed.length - 1] + 20),
      day: mid,
    };
  }
  const confidence = Math.min(0.6, (hi - lo < 800 ? 0.45 : 0.25) + 0.05 * absolute.length);
  return { date: String(floor.y), precision: "year", confidence: round2(confidence), evidence, lo, hi: Math.min(hi, dayNumber(floor.y + 1, 12, 31)), day: Math.min(lo + 182, hi) };
}

/** Estimate from the cheap scan alone (what story grouping uses). */
export function estimatePublished(text: string): DateEstimate | undefined {
  return estimateFromMentions(scanDates(text));
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Full resolution with chrono-node.

const CUE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:1[89]|20)\d\d\b|\b(?:yesterday|today|tonight|tomorrow|ago|weekend|(?:last|next|this|past|coming|previous) (?:week|month|year))\b/i;
const FUTURE = /\b(?:will|'ll|’ll|is to|are to|is due|are due|scheduled|plans? to|planned|expected to|next|upcoming|coming|set to|slated)\b/i;

export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Every date expression of the given sentences of `text`, with chrono-node plus bare years.
 * Offsets are into `text`. Only sentences with a date cue are parsed.
 */
export function findDates(text: string, sentences: SentenceSpan[]): DateMention[] {
  const out: DateMention[] = [];
  const ref = new Date(Date.UTC(2000, 5, 15, 12));
  const refDay = dayNumber(2000, 6, 15);
  for (const s of sentences) {
    const slice = text.slice(s.start, s.end);
    if (!CUE.test(slice)) continue;
    const future = FUTURE.test(slice);
    const found: DateMention[] = [];
    let results: chrono.ParsedResult[] = [];
    try {
      results = chrono.parse(slice, ref, { forwardDate: false });
    } catch {
      results = [];
    }
    for (const r of results) {
      const kv = (r.start as unknown as { knownValues: Record<string, number> }).knownValues;
      const tags = typeof r.tags === "function" ? [...r.tags()] : [];
      const relative = tags.some((t) => /relative|casual/i.test(t)) || (kv.day !== undefined && kv.year !== undefined && kv.month !== undefined && !/\d{4}/.test(r.text) && !/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i.test(r.text));
      // Times of day alone ("at 3 p.m.") are not dates.
      if (kv.year === undefined && kv.month === undefined && kv.day === undefined && kv.weekday === undefined) continue;
      if (/^(?:may|march|sun|sat|mon|wed)$/i.test(r.text.trim())) continue;
      if (/^\d+$/.test(r.text.trim())) continue;
      const start = s.start + r.index;
      const mention: DateMention = { start, end: start + r.text.length, text: r.text, known: {}, ...(future ? { future: true } : {}) };
      if (relative) {
        const d = r.start.date();
        const day = Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
        if (/month/i.test(r.text)) mention.offsetMonths = (kv.year - 2000) * 12 + (kv.month - 6);
        else mention.offsetDays = day - refDay;
        if (/week/i.test(r.text)) mention.week = true;
      } else {
        if (kv.year !== undefined && /\d{4}|'\d\d/.test(r.text)) mention.known.year = kv.year;
        if (kv.month !== undefined) mention.known.month = kv.month;
        if (kv.day !== undefined && (kv.month !== undefined)) mention.known.day = kv.day;
        if (kv.weekday !== undefined && kv.day === undefined) mention.known.weekday = kv.weekday;
        else if (kv.weekday !== undefined && kv.month === undefined) mention.known.weekday = kv.weekday;
        if (mention.known.year === undefined && mention.known.month === undefined && mention.known.weekday === undefined) continue;
      }
      const before = slice.slice(Math.max(0, r.index - 12), r.index);
      if (/\b(?:since|after)\s+$/i.test(before)) mention.since = true;
      if (/\b(?:by|until|through|till)\s+$/i.test(before)) mention.target = true;
      found.push(mention);
    }
    // Bare years chrono leaves out.
    for (const x of scanDates(slice)) {
      if (x.office || x.known.year === undefined || x.known.month !== undefined) continue;
      const start = s.start + x.start;
      const end = s.start + x.end;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ ...x, start, end, ...(future ? { future: true } : {}) });
    }
    found.sort((a, b) => a.start - b.start);
    out.push(...found);
  }
  return out;
}

/** The reference a mention is resolved against: a day, or only a month or year. */
export interface Reference {
  day: number;
  precision: Precision;
}

/**
 * Resolves a mention against the reference date. Year-less dates take the year that puts them
 * nearest the reference on the side the sentence's tense points to; weekdays the nearest such day
 * before (or, in a sentence about the future, after) the reference. Returns undefined when the
 * reference is too vague to place the expression.
 */
export function resolveMention(x: DateMention, ref: Reference | undefined): ResolvedDate | undefined {
  const k = x.known;
  if (k.year !== undefined) {
    if (k.month === undefined) return { date: String(k.year), precision: "year", day: dayNumber(k.year) };
    if (k.day === undefined) return { date: isoOf({ y: k.year, m: k.month }), precision: "month", day: dayNumber(k.year, k.month) };
    return { date: isoOf({ y: k.year, m: k.month, d: k.day }), precision: "day", day: dayNumber(k.year, k.month, k.day) };
  }
  if (!ref) return undefined;
  const r = fromDayNumber(ref.day);
  if (x.offsetDays !== undefined || x.offsetMonths !== undefined) {
    if (ref.precision !== "day") return coarse(ref);
    if (x.offsetMonths !== undefined) {
      const t = r.y * 12 + (r.m - 1) + x.offsetMonths;
      const y = Math.floor(t / 12);
      const m = (t % 12) + 1;
      return { date: isoOf({ y, m }), precision: "month", day: dayNumber(y, m) };
    }
    const day = ref.day + x.offsetDays!;
    if (x.week) {
      const monday = day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
      return { date: isoOf(fromDayNumber(monday)), dateEnd: isoOf(fromDayNumber(monday + 6)), precision: "week", day: monday };
    }
    return { date: isoOf(fromDayNumber(day)), precision: "day", day };
  }
  if (k.month !== undefined) {
    if (ref.precision === "year") {
      const day = dayNumber(r.y, k.month, k.day ?? 1);
      return k.day !== undefined ? { date: isoOf({ y: r.y, m: k.month, d: k.day }), precision: "day", day } : { date: isoOf({ y: r.y, m: k.month }), precision: "month", day };
    }
    let y = r.y;
    const at = (yy: number): number => dayNumber(yy, k.month!, k.day ?? 15);
    // News mostly looks back: a date more than a month after the reference is last year's,
    // unless the sentence speaks of the future; a future date far behind is next year's.
    if (!x.future && at(y) > ref.day + 31) y--;
    else if (x.future && at(y) < ref.day - 60) y++;
    const day = dayNumber(y, k.month, k.day ?? 1);
    return k.day !== undefined ? { date: isoOf({ y, m: k.month, d: k.day }), precision: "day", day } : { date: isoOf({ y, m: k.month }), precision: "month", day };
  }
  if (k.weekday !== undefined) {
    if (ref.precision !== "day") return coarse(ref);
    const refWeekday = new Date(ref.day * DAY_MS).getUTCDay();
    let delta = k.weekday - refWeekday;
    if (x.future) {
      if (delta < 0) delta += 7;
    } else if (delta > 0) delta -= 7;
    const day = ref.day + delta;
    return { date: isoOf(fromDayNumber(day)), precision: "day", day };
  }
  return undefined;
}

function coarse(ref: Reference): ResolvedDate {
  const r = fromDayNumber(ref.day);
  return ref.precision === "year" ? { date: String(r.y), precision: "year", day: dayNumber(r.y) } : { date: isoOf({ y: r.y, m: r.m }), precision: "month", day: dayNumber(r.y, r.m) };
}
