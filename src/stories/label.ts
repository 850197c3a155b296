/**
 * Story labels: the weightiest names of a story's articles ("Lavrov, Tillerson, Washington") and
 * when it happened ("2017-05" from publication dates, "2017" from estimates).
 */
import { storyMatter } from "./boilerplate.js";
import { extractFeatures, timeOf, Vocabulary, type TimeInfo } from "./features.js";
import { fromDayNumber, isoOf, trustedForRelative, type PartialDate } from "../timeline/dates.js";
import { DEMONYMS, MONTHS_AND_DAYS } from "./gazetteer.js";
import { findMentions, groupMentions } from "./entities.js";
import type { StoryArticle } from "./index.js";

/** Label from a story's summed term weights, its articles' name surfaces and their times; with no name at all, its first article's title. */
export function labelFrom(sum: Map<number, number>, surfaces: Array<Map<number, string>>, times: Array<TimeInfo | undefined>, titles: Array<string | undefined> = []): string {
  const surface = new Map<number, string>();
  for (const s of surfaces) for (const [id, text] of s) if (!surface.has(id)) surface.set(id, text);
  const ranked = [...sum.entries()].filter(([id]) => surface.has(id) && !DEMONYMS.has(surface.get(id)!) && !namesADate(surface.get(id)!)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const picked: string[] = [];
  const words = new Set<string>();
  for (const [id] of ranked) {
    const parts = surface.get(id)!.toLowerCase().split(" ");
    if (parts.some((p) => words.has(p))) continue;
    parts.forEach((p) => words.add(p));
    picked.push(surface.get(id)!);
    if (picked.length >= 3) break;
  }
  const when = whenOf(times);
  const text = picked.length ? picked.join(", ") : (titles.find((t) => t?.trim())?.trim() ?? "untitled");
  return when ? `${text} (${when})` : text;
}

/** "Monday", "Dec", "Lowtown Monday": a weekday or month names when, never what ("Theresa May" keeps her name). */
function namesADate(surface: string): boolean {
  const words = surface.split(" ");
  return words.some((w) => MONTHS_AND_DAYS.has(w) && (w !== "May" || words.length === 1));
}

/**
 * Label of one story from its articles alone (same result whatever else was in the pile): its
 * most mentioned names, whole ("Air France Flight 447", not "France, Air, Flight"), a name of
 * several words counting more than a single word (places excepted: "United States" is no more
 * telling than "Russia"), none repeating a word of another; then when.
 */
export function storyLabel(articles: StoryArticle[]): string {
  const { entities } = groupMentions(articles.flatMap((a) => findMentions(a)), 12);
  const ranked = entities.filter((e) => !DEMONYMS.has(e.name.slice(e.name.lastIndexOf(" ") + 1))).map((e) => ({ name: e.name, score: e.count * (e.type === "place" ? 1 : 1 + 0.5 * (e.name.split(" ").length - 1)) })).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const picked: string[] = [];
  const words = new Set<string>();
  for (const { name } of ranked) {
    const parts = name.toLowerCase().split(" ");
    if (parts.some((p) => words.has(p))) continue;
    parts.forEach((p) => words.add(p));
    picked.push(name);
    if (picked.length >= 3) break;
  }
  if (!picked.length) return termLabel(articles);
  const when = whenOf(articles.map((a) => timeOf(a.published, a.text)));
  return when ? `${picked.join(", ")} (${when})` : picked.join(", ");
}

/** Label from the story's weightiest name terms, for stories whose names the entity scan misses. */
function termLabel(articles: StoryArticle[]): string {
  const vocab = new Vocabulary();
  const raws = articles.map((a) => extractFeatures(storyMatter(a.title ? `${a.title}.\n${a.text}` : a.text), vocab));
  for (const r of raws) vocab.addDocument(r.ids);
  const sum = new Map<number, number>();
  for (const r of raws) {
    let norm = 0;
    const w = Array.from(r.counts, (c, k) => (1 + Math.log(c)) * vocab.idf(r.ids[k], 30));
    for (const x of w) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    r.ids.forEach((id, k) => sum.set(id, (sum.get(id) ?? 0) + w[k] / norm));
  }
  return labelFrom(sum, raws.map((r) => r.surfaces), articles.map((a) => timeOf(a.published, a.text)), articles.map((a) => a.title));
}

/**
 * When a story happened: the median known time, to the month when any article is dated or has a
 * trusted estimate to the month (the Sochi seed's "since July 2018 … May 14" gives May 2019), else
 * the year. Estimates count only when trusted (`trustedForRelative`): on the DUC sets weaker ones
 * name a wrong year most of the time (a story of 1998 was labelled 1983 from "Dec. 31, 1983").
 */
function whenOf(times: Array<TimeInfo | undefined>): string {
  const known = times.filter((t): t is TimeInfo => !!t && (t.confidence === 1 || (!!t.estimate && trustedForRelative(t.estimate))));
  if (!known.length) return "";
  const toMonth = known.filter((t) => t.hi - t.lo <= MONTH_SPAN_DAYS);
  const median = (ts: TimeInfo[]): PartialDate => fromDayNumber(ts.map((t) => t.day).sort((a, b) => a - b)[ts.length >> 1]);
  if (toMonth.length) {
    const p = median(toMonth);
    return isoOf({ y: p.y, m: p.m });
  }
  return String(median(known).y);
}

/** A time known to within this many days is known to its month (a month estimate spans about 20). */
const MONTH_SPAN_DAYS = 31;
