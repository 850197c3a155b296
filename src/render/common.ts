import type { Article, Briefing, RemovedCounts, Sentence, Story, TimelineEntry } from "../types/index.js";

/** 1-based citation numbers, in article order. */
export function citationNumbers(briefing: Briefing): Map<string, number> {
  return new Map(briefing.articles.map((a, i) => [a.id, i + 1]));
}

/** Citation numbers for a sentence: its own article first, then every supporting one. */
export function citesOf(sentence: Sentence, numbers: Map<string, number>): number[] {
  const ids = [sentence.articleId, ...sentence.supportingArticleIds.filter((id) => id !== sentence.articleId)];
  return ids.map((id) => numbers.get(id)!).filter((n) => n !== undefined);
}

/** Source sentences may hold line breaks from hard-wrapped input; shown on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A headline as shown: on one line, "…" after one cut from a run-on text (see `Sentence.clipped`). */
export function headlineText(s: Pick<Sentence, "text" | "clipped">): string {
  return s.clipped ? `${oneLine(s.text)} …` : oneLine(s.text);
}

/**
 * A timeline line as shown: on one line, and starting with a capital when the timeline started it
 * after a connective ("But the talks…" → "The talks…"); the JSON keeps the source's exact text.
 * A first word with a capital inside ("iPhone", "eBay") is left as written. A chronology's item
 * that opens with its own date ("July 23, 2000: British Airways …", "Dec. 11 - Jackson …") is shown
 * without it, as the line's date label already says it.
 */
export function lineText(e: TimelineEntry): string {
  const text = withoutOwnDate(oneLine(e.text), e.date);
  return /^\p{Ll}+\b/u.test(text) ? text[0].toUpperCase() + text.slice(1) : text;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "July 23, 2000: ", "Dec. 11 - ", "Feb. 5 _ ": a month and day, perhaps a year, then a colon or dash. */
const GLUED_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\s*(?::|--?|–|—|_)\s+(?=\S)/i;

function withoutOwnDate(text: string, date: string): string {
  const m = GLUED_DATE.exec(text);
  const own = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
  if (!m || !own) return text;
  const same = MONTHS.indexOf(m[1].toLowerCase()) + 1 === Number(own[2]) && Number(m[2]) === Number(own[3]) && (m[3] === undefined || m[3] === own[1]);
  return same ? text.slice(m[0].length) : text;
}

export function describeRemoved(removed: RemovedCounts): string {
  const parts: string[] = [];
  const add = (n: number, label: string): void => {
    if (n > 0) parts.push(`${n} ${label}`);
  };
  add(removed.boilerplate, "boilerplate");
  add(removed.captions, "captions/credits");
  add(removed.bylines, "bylines/bios");
  add(removed.teaserBlocks, "teaser blocks");
  add(removed.repeatedParagraphs, "repeated paragraphs");
  return parts.length ? parts.join(", ") : "nothing";
}

export function articleMeta(article: Article): string {
  const e = article.publishedEstimated;
  const estimated = article.published
    ? undefined
    : e
      ? `undated, estimated ${e.date} (confidence ${e.confidence}; from ${e.evidence.slice(0, 3).map((x) => `“${x}”`).join(", ")})`
      : "undated, no date evidence";
  const parts = [article.source, article.published ?? estimated, `${article.wordCount} words`].filter(Boolean);
  return parts.join(" · ");
}

export function articleWhere(article: Article): string | undefined {
  return article.url ?? (article.file ? (article.line !== undefined ? `${article.file}:${article.line}` : article.file) : undefined);
}

export function messageLine(m: Briefing["messages"][number]): string {
  return `${m.file}${m.line !== undefined ? `:${m.line}` : ""}: ${m.severity} ${m.reason} (${m.source ? `${m.source}:` : ""}${m.ruleId})`;
}

/** The summary as shown under its headline: the headline sentence is not repeated. */
export function bodyOf(story: Story): Sentence[] {
  const h = story.headline;
  return story.summary.filter((s) => !(s.articleId === h.articleId && s.start === h.start));
}

/** A story's timeline split into its own developments and the background before them. */
export function timelineParts(story: Story): { own: TimelineEntry[]; background: TimelineEntry[] } {
  const t = story.timeline ?? [];
  return { own: t.filter((e) => !e.background), background: t.filter((e) => e.background) };
}

/** `2019-12-10`, `2019-05-13 to 2019-05-19`. */
export function dateLabel(e: TimelineEntry): string {
  return e.dateEnd ? `${e.date} to ${e.dateEnd}` : e.date;
}

/** First and last day (days since 1970-01-01) an entry's date covers. */
export function dateRange(e: TimelineEntry): [number, number] {
  const first = (iso: string): number => Date.UTC(+iso.slice(0, 4), iso.length > 4 ? +iso.slice(5, 7) - 1 : 0, iso.length > 7 ? +iso.slice(8, 10) : 1) / 86_400_000;
  const last = (iso: string): number =>
    iso.length > 7 ? first(iso) : iso.length > 4 ? Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7), 1) / 86_400_000 - 1 : Date.UTC(+iso.slice(0, 4) + 1, 0, 1) / 86_400_000 - 1;
  return [first(e.date), last(e.dateEnd ?? e.date)];
}

/** Quotes shown per story (the JSON keeps them all). */
export const MAX_QUOTES = 5;

/** "1 story", "3 stories". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "newsbrief: 5 articles, 3 stories", the first line of the text briefing and grouping. */
export function countsLine(articles: number, stories: number, nearCopies = 0): string {
  return `newsbrief: ${counted(articles, "article")}, ${counted(stories, "story", "stories")}${nearCopies ? `, ${counted(nearCopies, "near-duplicate")} credited` : ""}`;
}

/** "Story s1: Lavrov, Tillerson (2017-05) · 3 articles [2][3][5]"; past HEADING_CITES articles, the rest counted ("… +44 more"). */
export function storyHeading(story: Story, numbers: Map<string, number>): string {
  const ids = story.articleIds;
  const cites = ids.slice(0, HEADING_CITES).map((id) => `[${numbers.get(id)}]`).join("");
  const rest = ids.length > HEADING_CITES ? ` +${ids.length - HEADING_CITES} more` : "";
  return `Story ${story.id}: ${story.label} · ${counted(ids.length, "article")} ${cites}${rest}`;
}

/** Citations a story's heading lists: a big story's are in its summary and sources anyway. */
const HEADING_CITES = 10;

/** The story's most mentioned entities: "Sergei Lavrov (person, 14), Russia (place, 9)…". */
export function entityLine(story: Story, max = 8): string {
  return story.entities
    .slice(0, max)
    .map((e) => `${e.name} (${e.type}, ${e.count})`)
    .join(", ");
}
