import type { Article, OffsetRun, RawDocument, RemovedCounts } from "../types/index.js";
import { endsLikeSentence, isCaptionLike, isTeaserHeading, junkKind, paragraphKey, type JunkKind } from "./rules.js";
import { segment, unitOf, type Unit } from "./segment.js";
import { dateLine, leadingDate } from "../ingest/dates.js";
import { splitSentences } from "../nlp/sentences.js";

type Fate = JunkKind | "keep" | "title" | "teaser" | "repeat";

/** Cleans one raw document into an article: junk and repeats removed, offsets mapped back to raw. */
export function cleanDocument(doc: RawDocument, id: string): Article {
  const units = segment(doc.raw, doc.bodyOffset ?? 0);
  const fates: Fate[] = units.map((u) => junkKind(u.text, u.words) ?? "keep");
  const removed: RemovedCounts = { boilerplate: 0, captions: 0, bylines: 0, teaserBlocks: 0, repeatedParagraphs: 0, chars: 0 };

  removed.teaserBlocks = markTeasers(units, fates);
  markCaptions(units, fates);
  markRepeats(units, fates);
  const printed = markDateLine(units, fates, doc.raw);
  const published = doc.published ?? printed?.date;
  const title = doc.title ?? (printed && headlineAbove(units, fates, printed.index)) ?? findTitle(units, fates);
  if (doc.title) markGivenTitle(units, fates, doc.title);
  markCrumbs(units, fates);

  const parts: string[] = [];
  const rawOffsets: OffsetRun[] = [];
  let cursor = 0;
  let words = 0;
  units.forEach((unit, i) => {
    const fate = fates[i];
    if (fate === "keep") {
      if (parts.length > 0) cursor += 2;
      rawOffsets.push([cursor, unit.start, unit.end - unit.start]);
      parts.push(unit.text);
      cursor += unit.text.length;
      words += unit.words;
      return;
    }
    if (fate === "title") return;
    removed.chars += unit.text.length;
    if (fate === "repeat") removed.repeatedParagraphs++;
    else if (fate !== "teaser") removed[fate]++;
  });
  const text = parts.join("\n\n");
  return {
    id,
    ...(doc.file ? { file: doc.file } : {}),
    ...(doc.line !== undefined ? { line: doc.line } : {}),
    title: title ?? fallbackTitle(text),
    ...(doc.source ? { source: doc.source } : {}),
    ...(doc.url ? { url: doc.url } : {}),
    ...(published ? { published } : {}),
    text,
    // Units are trimmed and joined by blank lines, so their word counts add up.
    wordCount: words,
    removed,
    rawOffsets,
  };
}

/** Maps an offset in an article's cleaned text back to its raw input text. */
export function toRawOffset(article: Article, offset: number): number {
  let lo = 0;
  let hi = article.rawOffsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (article.rawOffsets[mid][0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const run = article.rawOffsets[lo];
  return run ? run[1] + Math.min(offset - run[0], run[2]) : offset;
}

/** A teaser heading removes what follows it until real prose resumes. Returns the number of blocks. */
function markTeasers(units: Unit[], fates: Fate[]): number {
  let blocks = 0;
  for (let i = 0; i < units.length; i++) {
    const kind = isTeaserHeading(units[i].text);
    if (!kind) continue;
    blocks++;
    fates[i] = "teaser";
    if (kind === "line") continue;
    let j = i + 1;
    for (; j < units.length; j++) {
      const next = units[j + 1];
      if (units[j].words >= 60) break;
      if (isBodyParagraph(units[j]) && next && isBodyParagraph(next) && next.key !== units[j].key) break;
      fates[j] = "teaser";
    }
    i = j - 1;
  }
  return blocks;
}

/** A caption sits beside a photo credit and reads like one ("(L)", "is seen", "poses"). */
function markCaptions(units: Unit[], fates: Fate[]): void {
  for (let i = 0; i < units.length; i++) {
    if (fates[i] !== "captions") continue;
    for (const j of [i - 1, i + 1]) {
      if (j >= 0 && j < units.length && fates[j] === "keep" && isCaptionLike(units[j].text, units[j].words)) fates[j] = "captions";
    }
  }
}

function markRepeats(units: Unit[], fates: Fate[]): void {
  const seen = new Set<string>();
  units.forEach((unit, i) => {
    const key = unit.key;
    if (!key) {
      if (fates[i] === "keep") fates[i] = "boilerplate";
      return;
    }
    if (seen.has(key) && fates[i] === "keep") fates[i] = "repeat";
    seen.add(key);
  });
}

/** Is this unit running prose (a body paragraph) rather than a label, crumb or heading? */
function isProse(unit: Unit): boolean {
  return endsLikeSentence(unit.text) && unit.words >= 8;
}

/** A paragraph long enough to be article body, not a teaser blurb or a caption. */
function isBodyParagraph(unit: Unit): boolean {
  return endsLikeSentence(unit.text) && unit.words >= 35 && !isCaptionLike(unit.text, unit.words);
}

/**
 * The title is the first short, unpunctuated line before the body, skipping section labels
 * (a line that the next line merely continues, like "The Cable" / "The Cable goes inside…").
 */
function findTitle(units: Unit[], fates: Fate[]): string | undefined {
  for (let i = 0; i < units.length && i < 8; i++) {
    if (fates[i] !== "keep") continue;
    const text = units[i].text;
    if (isProse(units[i])) return undefined;
    const next = units.slice(i + 1).find((_, k) => fates[i + 1 + k] === "keep");
    if (next && next.text.startsWith(text) && next.text.length > text.length) {
      fates[i] = "boilerplate";
      fates[units.indexOf(next)] = "boilerplate";
      continue;
    }
    const words = units[i].words;
    if (words >= 3 && words <= 25 && !/[.,;:]$/.test(text)) {
      if (bodyLeft(fates, i)) fates[i] = "title";
      return text.replace(/\s+/g, " ");
    }
  }
  return undefined;
}

function markGivenTitle(units: Unit[], fates: Fate[], title: string): void {
  const key = paragraphKey(title);
  const i = units.findIndex((u, k) => k < 5 && u.key === key);
  if (i >= 0 && bodyLeft(fates, i)) fates[i] = "title";
}

/** Whether a unit other than `i` is kept: a text that is only its title ("Hello", a one-line note) keeps it as its body. */
function bodyLeft(fates: Fate[], i: number): boolean {
  return fates.some((f, k) => f === "keep" && k !== i);
}

/** A line above the first body paragraph that is only a date (or such a date run into the first paragraph) is the publication date, not text. Returns it. */
function markDateLine(units: Unit[], fates: Fate[], raw: string): { date: string; index: number } | undefined {
  for (let i = 0; i < units.length && i < 6; i++) {
    if (fates[i] !== "keep") continue;
    const glued = leadingDate(units[i].text);
    if (glued) {
      // The date line and the paragraph it ran into become two units, as if the line break were there.
      const { start, end } = units[i];
      units.splice(i, 1, unitOf(raw, start, start + glued.length), unitOf(raw, start + glued.length, end));
      fates.splice(i, 1, "boilerplate", "keep");
      return { date: glued.date, index: i };
    }
    if (isBodyParagraph(units[i])) return undefined;
    if (units[i].words > 8) continue;
    const date = dateLine(units[i].text);
    if (date) {
      fates[i] = "boilerplate";
      return { date, index: i };
    }
  }
  return undefined;
}

/** The one short line above a printed date is the headline, even when it ends like a sentence. */
function headlineAbove(units: Unit[], fates: Fate[], dateIndex: number): string | undefined {
  const above = units.slice(0, dateIndex).flatMap((u, i) => (fates[i] === "keep" ? [i] : []));
  if (above.length !== 1 || units[above[0]].words > 25) return undefined;
  if (bodyLeft(fates, above[0])) fates[above[0]] = "title";
  return units[above[0]].text.replace(/\s+/g, " ");
}

/** Short fragments before the first or after the last body paragraph are page furniture. */
function markCrumbs(units: Unit[], fates: Fate[]): void {
  let first = -1;
  let last = -1;
  for (let i = 0; i < units.length; i++) {
    if (fates[i] !== "keep" || units[i].words < 15 || !endsLikeSentence(units[i].text)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return;
  for (let i = 0; i < units.length; i++) {
    if (fates[i] !== "keep" || (i > first && i < last) || i === first || i === last) continue;
    if (units[i].words <= 6 && !endsLikeSentence(units[i].text)) fates[i] = "boilerplate";
  }
}

/** The first sentence, as the sentence splitter sees it: no dateline, not cut at "Gen." or "U.S.". */
function fallbackTitle(text: string): string {
  const head = text.slice(0, 1000);
  const spans: number[] = [];
  const from = Math.max(0, head.search(/\S/));
  const lineEnd = head.indexOf("\n", from);
  splitSentences(head, from, lineEnd < 0 ? head.length : lineEnd, spans);
  const first = spans.length ? head.slice(spans[0], spans[1]) : head.slice(0, 400);
  const words = first.split(/\s+/).filter(Boolean);
  return words.length <= 14 ? words.join(" ") : `${words.slice(0, 12).join(" ")}…`;
}
