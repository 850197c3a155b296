/**
 * Scoring of date resolution: the hand-checked fixtures (any resolver) and publication dates
 * estimated from content against known ones. Shared by the tests and `npm run bench:dates`.
 */
import * as chrono from "chrono-node";
import { dayNumber, findDates, fromDayNumber, isoOf, parseIsoDate, resolveAll, scanDates, type DateEstimate, type DateMention, type Reference, type ResolvedDate } from "./dates.js";
import { DATE_FIXTURES } from "./fixtures.js";
import { lineDate } from "./line-date.js";

/** A resolver: the dates a sentence's expressions denote, in text order, as the fixtures write them. */
export type Resolver = (text: string, ref: Reference) => string[];

export const asFixture = (r: ResolvedDate | undefined): string => (r ? (r.dateEnd ? `${r.date}..${r.dateEnd}` : r.date) : "?");

/** newsbrief: chrono-node for absolute expressions, hand-written relative ones, bare years. */
export const newsbriefResolver: Resolver = (text, ref) => resolveAll(findDates(text, [{ start: 0, end: text.length }]), ref).map(asFixture);

/** newsbrief without chrono-node: the cheap scan's absolute dates plus the relative expressions. */
export const noChronoResolver: Resolver = (text, ref) => resolveAll(findDates(text, [{ start: 0, end: text.length }], { chrono: false }), ref).map(asFixture);

/** The cheap regular-expression scan alone (what story grouping uses). */
export const scanResolver: Resolver = (text, ref) => resolveAll(scanDates(text).filter((x) => !x.office), ref).map(asFixture);

/** chrono-node alone, as it resolves against the reference (precision from what it knows for certain). */
export const chronoResolver: Resolver = (text, ref) => {
  const p = fromDayNumber(ref.day);
  return chrono.parse(text, new Date(Date.UTC(p.y, p.m - 1, p.d, 12)), { forwardDate: false }).map((r) => {
    const d = r.start.date();
    const at = { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate() };
    if (r.start.isCertain("day") || !r.start.isCertain("month")) return isoOf(r.start.isCertain("month") || !r.start.isCertain("year") ? at : { y: at.y });
    return isoOf({ y: at.y, m: at.m });
  });
};

/** The date a timeline line of the sentence takes (`lineDate`), as the fixtures write it; null for no line. */
export const newsbriefLine = (text: string, ref: Reference): string | null => {
  const mentions = findDates(text, [{ start: 0, end: text.length }]);
  const found = lineDate(text, 0, text.length, mentions, resolveAll(mentions, ref), 0, ref).line;
  return found ? asFixture(found.date) : null;
};

export interface FixtureScore {
  sentences: number;
  sentencesRight: number;
  expressions: number;
  expressionsRight: number;
  misses: Array<{ text: string; published: string; got: string[]; expect: string[] }>;
  /** Fixtures with a `line`: how many, and how many the timeline dates right. */
  lines: number;
  linesRight: number;
  lineMisses: Array<{ text: string; published: string; got: string | null; expect: string | null }>;
}

export function scoreFixtures(resolve: Resolver): FixtureScore {
  const score: FixtureScore = { sentences: DATE_FIXTURES.length, sentencesRight: 0, expressions: 0, expressionsRight: 0, misses: [], lines: 0, linesRight: 0, lineMisses: [] };
  for (const f of DATE_FIXTURES) {
    const p = parseIsoDate(f.published)!;
    // A fixture published "2019-05" stands for an article dated only to its month (an estimate).
    const ref: Reference = { day: dayNumber(p.y, p.m, p.d), precision: p.d !== undefined ? "day" : p.m !== undefined ? "month" : "year" };
    const got = resolve(f.text, ref);
    if (f.line !== undefined) {
      score.lines++;
      const line = newsbriefLine(f.text, ref);
      if (line === f.line) score.linesRight++;
      else score.lineMisses.push({ text: f.text, published: f.published, got: line, expect: f.line });
    }
    score.expressions += f.expect.length;
    // An expression is right when the resolver gives it at its place in the sentence's list.
    for (const want of f.expect) if (got.includes(want)) score.expressionsRight++;
    if (JSON.stringify(got) === JSON.stringify(f.expect)) score.sentencesRight++;
    else score.misses.push({ ...f, got });
  }
  return score;
}

/** Counts of publication-date estimates against the known dates. */
export interface EstimateScore {
  docs: number;
  estimated: number;
  /** The estimate's point is the day / in the month / in the year of publication. */
  day: number;
  month: number;
  year: number;
  /** The estimate holds at the precision it claims ("2019-05" for a May 10, 2019 article). */
  asClaimed: number;
  wrongYear: number;
}

export const emptyEstimateScore = (): EstimateScore => ({ docs: 0, estimated: 0, day: 0, month: 0, year: 0, asClaimed: 0, wrongYear: 0 });

export function countEstimate(score: EstimateScore, e: DateEstimate | undefined, truthIso: string): void {
  const t = parseIsoDate(truthIso);
  if (!t || t.m === undefined || t.d === undefined) return;
  score.docs++;
  if (!e) return;
  score.estimated++;
  const p = fromDayNumber(e.day);
  if (p.y === t.y) score.year++;
  else score.wrongYear++;
  if (p.y === t.y && p.m === t.m) score.month++;
  if (e.day === dayNumber(t.y, t.m, t.d)) score.day++;
  if (truthIso.startsWith(e.date)) score.asClaimed++;
}

/** How a mention's year depends on the reference: stated ("April 1976"), a month without one ("May 14"), or counted from it ("on Saturday", "last week"). */
export type MentionKind = "absolute" | "yearless" | "relative";

/** Timeline-eligible mentions resolved against an estimate, against the same mentions resolved against the true date. */
export interface MentionYearScore {
  mentions: Record<MentionKind, number>;
  wrongYear: Record<MentionKind, number>;
}

export const emptyMentionYearScore = (): MentionYearScore => ({ mentions: { absolute: 0, yearless: 0, relative: 0 }, wrongYear: { absolute: 0, yearless: 0, relative: 0 } });

export const mentionKind = (x: DateMention): MentionKind => (x.known.year !== undefined ? "absolute" : x.known.month !== undefined ? "yearless" : "relative");

/**
 * Counts the mentions a timeline line could rest on (resolved, neither "since …" nor "by …")
 * whose year, resolved against `estimated`, differs from their year resolved against the truth.
 */
export function countMentionYears(score: MentionYearScore, mentions: DateMention[], estimated: Array<ResolvedDate | undefined>, truthIso: string): void {
  const t = parseIsoDate(truthIso);
  if (!t || t.m === undefined || t.d === undefined) return;
  const truth = resolveAll(mentions, { day: dayNumber(t.y, t.m, t.d), precision: "day" });
  mentions.forEach((x, i) => {
    const got = estimated[i];
    const want = truth[i];
    if (!got || !want || x.since || x.target) return;
    const kind = mentionKind(x);
    score.mentions[kind]++;
    if (fromDayNumber(got.day).y !== fromDayNumber(want.day).y) score.wrongYear[kind]++;
  });
}
