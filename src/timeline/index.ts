/**
 * A story's timeline: its dated sentences, one line each, sorted by the date they speak of,
 * duplicates across sources merged, background (long before the story's own time) flagged.
 */
import type { Article, Corpus, DatePrecision, Doc, PublishedEstimate, TimelineEntry } from "../types/index.js";
import {
  dayNumber,
  estimateFromMentions,
  estimateFromStory,
  fromDayNumber,
  findDates,
  parseIsoDate,
  resolveAll,
  scanDates,
  trustedForRelative,
  type DateEstimate,
  type DateMention,
  type Reference,
  type ResolvedDate,
  type SentenceSpan,
} from "./dates.js";
import { lineDate } from "./line-date.js";
import { leadingConnective, leansBack, needsAntecedent } from "./standalone.js";
import { startsWithDateline } from "../summarize/candidates.js";

export interface TimelineOptions {
  /** Entries ending more than this many days before the story's earliest article are background (default 365). */
  backgroundDays?: number;
  /** Most entries kept, the best-supported first (default 40). */
  maxEntries?: number;
  /** Sentences longer than this many words are not timeline lines (default 70). */
  maxWords?: number;
}

/** One article's date expressions, resolved against its publication date or the estimate. */
export interface ArticleDates {
  articleId: string;
  mentions: DateMention[];
  resolved: Array<ResolvedDate | undefined>;
  reference?: Reference;
  /** Set when the article gave no publication date. */
  estimate?: DateEstimate;
}

function resolveAgainst(mentions: DateMention[], reference: Reference | undefined, estimate: DateEstimate | undefined): Array<ResolvedDate | undefined> {
  return resolveAll(mentions, !estimate || trustedForRelative(estimate) ? reference : undefined);
}

/** Resolves every date expression of one article's sentences. */
export function articleDates(article: Article, doc: Doc): ArticleDates {
  const spans: SentenceSpan[] = [];
  for (let i = 0; i < doc.sentStart.length; i++) spans.push({ start: doc.sentStart[i], end: doc.sentEnd[i] });
  const mentions = findDates(article.text, spans);
  const given = parseIsoDate(article.published);
  let reference: Reference | undefined;
  let estimate: DateEstimate | undefined;
  if (given) {
    reference = { day: dayNumber(given.y, given.m ?? 1, given.d ?? 1), precision: given.d !== undefined ? "day" : given.m !== undefined ? "month" : "year" };
  } else {
    estimate = estimateFromMentions([...mentions, ...scanDates(article.text).filter((x) => x.office)]);
    if (estimate) reference = { day: estimate.day, precision: estimate.precision === "week" ? "month" : estimate.precision };
  }
  return { articleId: article.id, mentions, resolved: resolveAgainst(mentions, reference, estimate), ...(reference ? { reference } : {}), ...(estimate ? { estimate } : {}) };
}

/**
 * Every article's dates, undated articles placed by their story as well as by their content
 * (`estimateFromStory`): "on Wednesday" in an undated article of a story dated May 2017 is a
 * Wednesday of May 2017, and the estimate says so in its evidence.
 */
export function storyDates(corpus: Corpus): ArticleDates[] {
  const dates = corpus.articles.map((a, i) => articleDates(a, corpus.docs[i]));
  const anchors = dates.filter((x) => x.reference && x.reference.precision !== "year" && (!x.estimate || x.estimate.precision !== "year")).map((x) => x.reference!.day);
  return dates.map((x) => {
    if (x.reference && x.reference.precision !== "year") return x;
    const estimate = estimateFromStory(anchors, x.estimate);
    if (!estimate) return x;
    const reference: Reference = { day: estimate.day, precision: estimate.precision === "year" ? "year" : "month" };
    return { ...x, estimate, reference, resolved: resolveAgainst(x.mentions, reference, estimate) };
  });
}

export function publishedEstimate(e: DateEstimate): PublishedEstimate {
  return { date: e.date, precision: e.precision, confidence: e.confidence, evidence: e.evidence };
}

const RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 };
/** A wire story's budget code opening a line: "(NYT26) ". */
const WIRE_CODE = /^\([A-Z]{2,6}\d*\)\s*/;

/** "The following photos are …", "These following graphics …": a wire service's note on what it sends. */
const EDITORS_NOTE = /^(?:The|These) following (?:photos?|pictures?|graphics?|images?|charts?)\b/i;

/**
 * A wire service's note to its client papers: "These columns … are moving today to clients of the
 * New York Times News Service", "The Hearst News Service will file the following for Wednesday",
 * "Stories are for release Wednesday …, unless otherwise embargoed", "EMBARGOED for Sunday",
 * "(This \"separate buy\" is from this week's New America News Service.)", "This budget moves daily".
 */
const WIRE_NOTE = /\bclients of (?:the )?[\w. ]{0,30}News Service\b|\bNews Service (?:has filed|will file|plans to move)\b|\bunless otherwise embargoed\b|^\W*(?:Eds:\s*)?embargoed for\b|\bseparate buy\b|^This budget moves\b/i;

/** "(NYT26) SAFRANBOLU, Turkey -- …": a budget code, then a dateline. */
function isBudgetLine(text: string): boolean {
  const code = WIRE_CODE.exec(text);
  return code !== null && startsWithDateline(text.slice(code[0].length));
}

interface Candidate {
  entry: TimelineEntry;
  day: number;
  dayEnd: number;
  terms: Set<number>;
  /** Opens, after any connective, with a word whose referent is in an earlier sentence (see `needsAntecedent`). */
  dangling: boolean;
  /** Opens with a word that refers back ("It", "This new code"): kept, but a line naming its subject reads better. */
  leansBack: boolean;
  /** Dated only by a "since" date: kept as background only (see `lineDate`). */
  sinceOnly?: boolean;
}

/**
 * The timeline of one story. `dates[i]` belongs to `corpus.docs[i]` (from `storyDates`).
 */
export function buildTimeline(corpus: Corpus, dates: ArticleDates[] = storyDates(corpus), options: TimelineOptions = {}): TimelineEntry[] {
  const maxWords = options.maxWords ?? 70;
  const candidates: Candidate[] = [];
  corpus.docs.forEach((doc, d) => {
    const { mentions, resolved } = dates[d];
    let k = 0;
    for (let i = 0; i < doc.sentStart.length; i++) {
      const start = doc.sentStart[i];
      const end = doc.sentEnd[i];
      const found = lineDate(doc.text, start, end, mentions, resolved, k, dates[d].reference);
      k = found.next;
      if (!found.line) continue;
      const words = doc.sentTokStart[i + 1] - doc.sentTokStart[i];
      // "The New York Times said in an editorial on Monday, Oct. 26:" introduces what follows; alone it says nothing.
      if (words > maxWords || /:\s*$/.test(doc.text.slice(end - 3, end))) continue;
      // "Yesterday's negotiations", "ABC, Sunday night at 9": a subheading or a listing, no development.
      if (isFragment(doc.text.slice(start, end))) continue;
      // "(NYT26) SAFRANBOLU, Turkey -- Oct. 28, 1998 -- TURKEY-ANNIVERSARY-2, 10-28 -- A Kurdish woman…": a wire budget's photo line, no development.
      if (isBudgetLine(doc.text.slice(start, Math.min(end, start + 110)))) continue;
      // "The following photos are part of tonight's photo package, moving Wednesday": a note to editors, no development.
      if (EDITORS_NOTE.test(doc.text.slice(start, Math.min(end, start + 40)))) continue;
      if (WIRE_NOTE.test(doc.text.slice(start, Math.min(end, start + 300)))) continue;
      const r = found.line.date;
      const from = start + leadingConnective(doc.text.slice(start, start + 20));
      const text = doc.text.slice(from, end);
      candidates.push({
        entry: {
          date: r.date,
          ...(r.dateEnd ? { dateEnd: r.dateEnd } : {}),
          precision: r.precision,
          text,
          articleId: doc.articleId,
          start: from,
          end,
          supportingArticleIds: [doc.articleId],
        },
        day: r.day,
        dayEnd: r.dayEnd,
        terms: contentTerms(doc, i),
        dangling: needsAntecedent(text),
        leansBack: leansBack(text),
        ...(found.line.sinceOnly ? { sinceOnly: true } : {}),
      });
    }
  });
  const storyStart = Math.min(...dates.map((x) => (x.estimate ? x.estimate.lo : x.reference?.day ?? Infinity)));
  const cut = storyStart - (options.backgroundDays ?? 365);
  // "the 2016 election" in a May 2017 story: a bare earlier year is background however close.
  const startYear = Number.isFinite(storyStart) ? fromDayNumber(storyStart).y : -Infinity;
  const background = (c: Candidate): boolean => (Number.isFinite(cut) && c.dayEnd < cut) || (c.entry.precision === "year" && Number(c.entry.date.slice(0, 4)) < startYear);
  // "He said Sunday…" alone on a timeline line names no one; a same-saying sentence from another source can stand in.
  const merged = mergeDuplicates(candidates).filter((c) => !c.dangling && (!c.sinceOnly || background(c)));
  const kept = [...merged]
    // A state since some date ("has ruled since 1962") only fills room the developments leave.
    .sort((a, b) => Number(!!a.sinceOnly) - Number(!!b.sinceOnly) || b.entry.supportingArticleIds.length - a.entry.supportingArticleIds.length || RANK[a.entry.precision] - RANK[b.entry.precision] || a.day - b.day)
    .slice(0, options.maxEntries ?? 40);
  for (const c of kept) if (background(c)) c.entry.background = true;
  kept.sort((a, b) => a.day - b.day || a.dayEnd - b.dayEnd || order(corpus, a.entry) - order(corpus, b.entry) || a.entry.start - b.entry.start);
  return kept.map((c) => c.entry);
}

function order(corpus: Corpus, e: TimelineEntry): number {
  return corpus.articles.findIndex((a) => a.id === e.articleId);
}

/** A line of under eight words that ends no sentence. */
function isFragment(text: string): boolean {
  return !/[.!?…]["”’')\]]*\s*$/.test(text) && (text.match(/[\p{L}\d][\p{L}\d'’.-]*/gu) ?? []).length < 8;
}

/** Interned content terms (no stop words, no punctuation) of sentence `i`. */
function contentTerms(doc: Doc, i: number): Set<number> {
  const out = new Set<number>();
  for (let t = doc.sentTokStart[i]; t < doc.sentTokStart[i + 1]; t++) if (doc.tokTerm[t] >= 0 && !doc.tokStop[t]) out.add(doc.tokTerm[t]);
  return out;
}

/**
 * Sentences about overlapping dates that share most of their content words report the same
 * development: one line stays (the most precise date, then the first source), citing them all.
 */
function mergeDuplicates(candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // Candidates by the years they cover, so each is compared only with those it could match.
  const byYear = new Map<number, Candidate[]>();
  const years = (c: Candidate): number[] => {
    const a = fromDayNumber(c.day).y;
    const b = Math.min(fromDayNumber(c.dayEnd).y, a + 20);
    return Array.from({ length: b - a + 1 }, (_, k) => a + k);
  };
  for (const c of candidates) {
    // The line it shares most with: the first similar one may be a longer sentence that only touches it.
    let same: Candidate | undefined;
    let most = 0;
    for (const y of years(c)) {
      for (const o of byYear.get(y) ?? []) {
        if (o === same || o.day > c.dayEnd || c.day > o.dayEnd) continue;
        const s = similarity(o.terms, c.terms);
        if (s > most) [same, most] = [o, s];
      }
    }
    if (!same) {
      out.push(c);
      for (const y of years(c)) (byYear.get(y) ?? byYear.set(y, []).get(y)!).push(c);
      continue;
    }
    const ids = new Set([...same.entry.supportingArticleIds, ...c.entry.supportingArticleIds]);
    if (readsBetter(c, same)) {
      Object.assign(same, { ...c, terms: new Set([...same.terms, ...c.terms]) });
    }
    same.entry.supportingArticleIds = [same.entry.articleId, ...[...ids].filter((id) => id !== same.entry.articleId)];
  }
  return out;
}

/** A sentence that stands alone beats one that needs its predecessor; then the more precise date wins. */
function readsBetter(c: Candidate, than: Candidate): boolean {
  if (c.dangling !== than.dangling) return !c.dangling;
  if (c.leansBack !== than.leansBack) return !c.leansBack;
  return RANK[c.entry.precision] < RANK[than.entry.precision];
}

/** How much two sentences' content words overlap (the larger of two shares), 0 when too little to be the same. */
function similarity(a: Set<number>, b: Set<number>): number {
  if (!a.size || !b.size) return 0;
  let both = 0;
  for (const t of a) if (b.has(t)) both++;
  const ofShorter = both / Math.min(a.size, b.size);
  const jaccard = both / (a.size + b.size - both);
  return ofShorter >= 0.6 || jaccard >= 0.4 ? Math.max(ofShorter, jaccard) : 0;
}
