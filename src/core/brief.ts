import type { IngestOptions } from "../ingest/index.js";
import { groupArticles } from "../stories/articles.js";
import { storyEntities } from "../stories/entities.js";
import { storyLabel } from "../stories/label.js";
import { typePeopleAcrossStories } from "../stories/people.js";
import { storyQuotes } from "../stories/quotes.js";
import { ignoredFocus } from "../summarize/focus.js";
import { OVERRUN } from "../summarize/budget.js";
import { getSummarizer } from "../summarize/index.js";
import { supportingArticles } from "../summarize/support.js";
import { MAX_WORDS } from "../summarize/candidates.js";
import { candidateSentences } from "../summarize/vectors.js";
import type { Article, ArticleInput, Briefing, BriefOptions, Corpus, Message, ProgressOptions, RawDocument, Selection, Sentence, Story } from "../types/index.js";
import { annotateCorpus, cleanReporting, readInputs } from "./corpus.js";
import { chooseHeadline } from "./headline.js";
import { buildTimeline, publishedEstimate, storyDates } from "../timeline/index.js";
import { VERSION } from "./version.js";

export interface BriefInputOptions extends BriefOptions, Omit<IngestOptions, "maxFileBytes"> {}

/**
 * Briefs articles given as objects, or as paths (files, directories, globs, `-`): the library's
 * entry point, and what the CLI prints.
 */
export async function brief(inputs: ReadonlyArray<ArticleInput | string>, options: BriefInputOptions = {}): Promise<Briefing> {
  if (!Array.isArray(inputs)) throw new TypeError("NB-E005: brief() takes an array of article objects and/or paths");
  checkLength(options);
  const { docs, messages } = await readInputs(inputs, options);
  return briefDocuments(docs, messages, options);
}

/** The pure pipeline: raw documents in, briefing out (no disk, network or clock). */
export function briefDocuments(docs: RawDocument[], messages: Message[], options: BriefOptions & ProgressOptions = {}): Briefing {
  checkLength(options);
  const unfocused = options.focus?.trim() && ignoredFocus(options.focus.trim(), options.algorithm);
  if (unfocused) messages.push({ file: "(options)", severity: "warning", ruleId: "focus-ignored", reason: unfocused, source: "brief" });
  const { articles, usable } = cleanReporting(docs, messages, "brief");
  const byId = new Map(usable.map((a) => [a.id, a]));
  const groups: Array<{ id: string; articleIds: string[]; label?: string }> =
    !usable.length ? [] : options.separateStories === false ? [{ id: "s1", articleIds: usable.map((a) => a.id) }] : groupArticles(usable, { granularity: options.granularity }, options.onProgress);
  const capped: string[] = [];
  const stories = groups.map((group, k) => {
    const story = briefStory(group.id, group.articleIds.map((id) => byId.get(id)!), options, group.label, capped);
    options.onProgress?.(k + 1, groups.length, "briefing");
    return story;
  });
  typePeopleAcrossStories(stories);
  if (capped.length) {
    const { name, maxSentences } = getSummarizer(options.algorithm);
    const where = capped.length === 1 ? `story ${capped[0]}` : `${capped.length} stories`;
    const reason = `${name} ranks at most ${maxSentences} sentences a story (its work grows with their square); in ${where} it ranked each article's earliest sentences`;
    messages.push({ file: "(options)", severity: "info", ruleId: "sentences-capped", reason, source: "brief" });
  }
  const over = overBudget(stories, options);
  if (over) messages.push({ file: "(options)", severity: "info", ruleId: "words-exceeded", reason: over, source: "brief" });
  return { version: VERSION, articles, stories, messages };
}

/** Why summaries run past the word budget, when some do: each holds at least one whole sentence, however long. */
function overBudget(stories: Story[], options: BriefOptions): string | undefined {
  if (options.words === undefined || options.sentences !== undefined) return undefined;
  const words = options.words;
  const lengths = stories.map((s) => s.summary.reduce((n, x) => n + x.text.split(/\s+/).filter(Boolean).length, 0)).filter((n) => n > words * OVERRUN);
  if (!lengths.length) return undefined;
  const which = stories.length === 1 ? "the summary runs" : `${lengths.length} of ${stories.length} summaries run`;
  return `a summary holds at least one whole sentence, so ${which} past the ${words}-word budget (up to ${Math.max(...lengths)} words)`;
}

/**
 * Briefs one story's articles: summary, label (unless the grouping named it already), entities, quotes, timeline.
 * `capped` gets the story's id when the summariser ranked only some of its sentences (`Summarizer.maxSentences`).
 */
export function briefStory(id: string, articles: Article[], options: BriefOptions, label = storyLabel(articles.filter((a) => !a.duplicateOf)), capped?: string[]): Story {
  const { corpus, lexicon } = annotateCorpus(articles);
  const summarizer = getSummarizer(options.algorithm);
  const picked = summarizer.summarize(corpus, { words: options.words, sentences: options.sentences, focus: options.focus }, { seed: options.seed ?? 1 });
  if (capped && summarizer.maxSentences !== undefined && candidateSentences(corpus).length > summarizer.maxSentences) capped.push(id);
  const marks = new Uint8Array(lexicon.size);
  const sentences = picked.map((sel) => toSentence(corpus, sel, supportingArticles(corpus, sel.doc, sel.sent, lexicon.size, marks)));
  const summary = readingOrder(sentences, picked, corpus);
  const headline = summary.length ? chooseHeadline(corpus, sentences, picked, Boolean(options.focus?.trim())) : leadSentence(corpus);
  const dates = storyDates(corpus);
  dates.forEach((x, d) => {
    if (x.estimate) articles[d].publishedEstimated = publishedEstimate(x.estimate);
  });
  const entities = storyEntities(articles);
  const quotes = storyQuotes(articles, entities);
  return { id, articleIds: articles.map((a) => a.id), headline, summary, label, entities, quotes, timeline: buildTimeline(corpus, dates) };
}

function toSentence(corpus: Corpus, sel: Selection, support: number[]): Sentence {
  const doc = corpus.docs[sel.doc];
  const start = doc.sentStart[sel.sent];
  const end = doc.sentEnd[sel.sent];
  return { text: doc.text.slice(start, end), articleId: doc.articleId, start, end, supportingArticleIds: support.map((d) => corpus.articles[d].id) };
}

/**
 * Points most sources report come first; then by article date and place in the article. A sentence
 * right after another picked one of its article follows it, so a pronoun reads after its referent.
 */
function readingOrder(sentences: Sentence[], picked: Selection[], corpus: Corpus): Sentence[] {
  const dateOf = new Map(corpus.articles.map((a, d) => [a.id, a.published ?? String(d).padStart(6, "0")]));
  const position = sentences.map((_, k) => k);
  position.sort((a, b) => {
    const sa = sentences[a];
    const sb = sentences[b];
    return (
      sb.supportingArticleIds.length - sa.supportingArticleIds.length ||
      compare(dateOf.get(sa.articleId)!, dateOf.get(sb.articleId)!) ||
      picked[a].doc - picked[b].doc ||
      sa.start - sb.start
    );
  });
  return position.flatMap((k) => (follows(picked, k) ? [] : withFollowers(picked, k).map((f) => sentences[f])));
}

/** Whether picked sentence k comes right after another picked sentence of its article ("He said…" after the one naming him). */
function follows(picked: Selection[], k: number): boolean {
  return picked.some((p) => p.doc === picked[k].doc && p.sent === picked[k].sent - 1);
}

/** Picked sentence k, then the picked sentences that follow it in its article without a gap: they stay together, in order. */
function withFollowers(picked: Selection[], k: number): number[] {
  const run = [k];
  for (;;) {
    const last = picked[run[run.length - 1]];
    const next = picked.findIndex((p) => p.doc === last.doc && p.sent === last.sent + 1);
    if (next < 0) return run;
    run.push(next);
  }
}

/**
 * The first sentence of the first article, when no sentence is fit to summarise. A text without
 * full stops (a speech-to-text transcript, a scraped list) is one sentence: its first `MAX_WORDS`
 * words stand for it, marked `clipped`, rather than the whole text as a headline.
 */
function leadSentence(corpus: Corpus): Sentence {
  const doc = corpus.docs[0];
  const [start, sentenceEnd] = doc.sentStart.length ? [doc.sentStart[0], doc.sentEnd[0]] : [0, doc.text.length];
  const cut = FIRST_WORDS.exec(doc.text.slice(start, sentenceEnd));
  const end = cut ? start + cut[0].length : sentenceEnd;
  return { text: doc.text.slice(start, end), articleId: doc.articleId, start, end, supportingArticleIds: [doc.articleId], ...(cut ? { clipped: true as const } : {}) };
}

/** The first `MAX_WORDS` words of a sentence that has more. */
const FIRST_WORDS = new RegExp(`^\\s*(?:\\S+\\s+){${MAX_WORDS - 1}}\\S+(?=\\s+\\S)`);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A length of 0, -5 or 1.5 would silently give empty summaries: refuse it, as the CLI does. */
function checkLength(options: BriefOptions): void {
  for (const key of ["words", "sentences"] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) throw new RangeError(`NB-E005: ${key} takes a whole number above 0, not ${JSON.stringify(value)}`);
  }
}
