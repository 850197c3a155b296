/**
 * All data types shared between pipeline stages. Stages are plain functions from one of these
 * values to the next; nothing here has behaviour.
 */

export type Severity = "error" | "warning" | "info";

/** A problem or note about one input, kept with the briefing instead of thrown. */
export interface Message {
  file: string;
  line?: number;
  severity: Severity;
  /** Stable kebab-case category, e.g. `empty-file`, `json-parse`. */
  ruleId: string;
  reason: string;
  /** Pipeline stage that raised it: ingest, clean, summarize… */
  source?: string;
}

/** An article as a caller hands it to the library (or as JSON/JSONL input holds it). */
export interface ArticleInput {
  id?: string;
  text?: string;
  body?: string;
  content?: string;
  /** Raw HTML; extracted to text when no text field is given. */
  html?: string;
  title?: string;
  url?: string;
  source?: string;
  /** Any ISO-like date or date-time. */
  published?: string;
  file?: string;
}

/** What ingest produces: one decoded document, before cleaning. */
export interface RawDocument {
  /** Where it came from, for messages: a path, `-` (stdin), or `input[3]`. */
  file: string;
  /** 1-based line within a JSONL file, when the document was one line of it. */
  line?: number;
  /** Text to clean: plain text, or the text extracted from HTML. */
  raw: string;
  title?: string;
  url?: string;
  source?: string;
  /** YYYY-MM-DD when known. */
  published?: string;
  /** Caller-supplied id, kept when unique. */
  id?: string;
  /** Where the article body starts in `raw` (after a leading `date YYYY-MM-DD` marker). */
  bodyOffset?: number;
}

/** Counts of what cleaning removed from one article. */
export interface RemovedCounts {
  /** Ad, widget, share/subscribe and navigation lines. */
  boilerplate: number;
  /** Photo credits and captions. */
  captions: number;
  /** Author bios, bylines and social handles. */
  bylines: number;
  /** Teaser blocks about other stories ("More from …", "Related"). */
  teaserBlocks: number;
  /** Paragraphs that repeated an earlier one in the same article. */
  repeatedParagraphs: number;
  /** Characters removed in all. */
  chars: number;
}

/**
 * One run of cleaned text copied from the raw text: `text.slice(cleanStart, cleanStart+length)`
 * equals `raw.slice(rawStart, rawStart+length)`.
 */
export type OffsetRun = [cleanStart: number, rawStart: number, length: number];

export interface Article {
  id: string;
  file?: string;
  line?: number;
  title: string;
  source?: string;
  url?: string;
  published?: string;
  /** Cleaned text: every sentence offset in the briefing points into this. */
  text: string;
  wordCount: number;
  removed: RemovedCounts;
  /** Map from cleaned text back to the raw input text. */
  rawOffsets: OffsetRun[];
  /** Set when this article is a near-copy of another one: it is credited, not summarised. */
  duplicateOf?: string;
  /** When `published` is missing: the date estimated from the content. */
  publishedEstimated?: PublishedEstimate;
}

export type DatePrecision = "day" | "week" | "month" | "year";

/** A publication date estimated from what an article says ("since July 2018", "on May 10"). */
export interface PublishedEstimate {
  /** ISO date at its precision: `2019-05` or `2017`. */
  date: string;
  precision: DatePrecision;
  /** 0..1: how much the evidence pins the date down. */
  confidence: number;
  /** The expressions the estimate rests on, as they appear in the text. */
  evidence: string[];
}

/** One dated development of a story: a source sentence and the date it speaks of. */
export interface TimelineEntry extends Sentence {
  /** ISO date at its precision (`2019-12-10`, `2019-05`, `2014`; a week is its Monday). */
  date: string;
  /** Last day of a range ("next week", "the weekend", "the 1990s"), at the same precision. */
  dateEnd?: string;
  precision: DatePrecision;
  /** Well before the story's own time ("In 2014, Russia annexed Crimea"). */
  background?: boolean;
}

/** A sentence of an output, always traceable: `articles[id].text.slice(start, end) === text`. */
export interface Sentence {
  text: string;
  articleId: string;
  start: number;
  end: number;
  /** Every article that reports the same content, the citing one included. */
  supportingArticleIds: string[];
  /** The source sentence runs on past `end`: a headline taken from a run-on text (no full stops) is cut after `MAX_WORDS` words; shown with "…". */
  clipped?: true;
}

export interface Story {
  id: string;
  articleIds: string[];
  headline: Sentence;
  summary: Sentence[];
  /** Dated developments, oldest first; background entries flagged. */
  timeline: TimelineEntry[];
  /** A few words naming the story: its weightiest names and when ("Lavrov, Tillerson (2017)"). */
  label: string;
  /** People, organisations and places the story's articles name, most mentioned first. */
  entities: Entity[];
  /** Direct quotes attributed to a speaker, in article order. */
  quotes: Quote[];
}

export type EntityType = "person" | "organization" | "place" | "other";

/** One named entity of a story, its name variants merged ("Sergei Lavrov", "Sergey Lavrov", "Lavrov"). */
export interface Entity {
  /** The fullest common form of the name. */
  name: string;
  type: EntityType;
  /** Every form met in the text, `name` included. */
  variants: string[];
  /** Mentions in all the story's articles. */
  count: number;
  articleIds: string[];
}

/** A quotation and who said it: `articles[articleId].text.slice(start, end) === text`. */
export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** The speaker as named in the story (resolved to the entity name when one matches). */
  speaker: string;
  articleId: string;
  start: number;
  end: number;
}

export interface Briefing {
  version: string;
  articles: Article[];
  stories: Story[];
  messages: Message[];
}

/** Sentence and token spans of one article's cleaned text, in flat numeric arrays. */
export interface Doc {
  articleId: string;
  text: string;
  /** Sentence i spans text[sentStart[i], sentEnd[i]). */
  sentStart: Int32Array;
  sentEnd: Int32Array;
  /** Token t spans text[tokStart[t], tokEnd[t]); sentence i owns tokens [sentTokStart[i], sentTokStart[i+1]). */
  tokStart: Int32Array;
  tokEnd: Int32Array;
  sentTokStart: Int32Array;
  /** Paragraph index of each sentence. */
  sentPara: Int32Array;
  /** Interned id of each token's normalised (lower-cased, stemmed) form; -1 for punctuation. */
  tokTerm: Int32Array;
  /** 1 when the token is a stop word. */
  tokStop: Uint8Array;
}

export interface SummaryOptions {
  /** Target length in words (default 120). Ignored when `sentences` is set. */
  words?: number;
  sentences?: number;
  /** Registered summariser name (default `newsbrief`). */
  algorithm?: string;
  /** Seed for randomised algorithms. */
  seed?: number;
  /** What the reader wants to know (a question or topic): the summary favours the points it names. */
  focus?: string;
}

/** A step of a long run, for a progress display: files read, articles grouped into stories, stories named, stories briefed. */
export type ProgressStep = "reading" | "grouping" | "labelling" | "briefing";
export type OnProgress = (done: number, total: number, step: ProgressStep) => void;

export interface BriefOptions extends SummaryOptions {
  /** Largest input file accepted, in bytes (default 20 MB). */
  maxFileBytes?: number;
  /** Story separation: `event` (default) splits by real-world event, `topic` by subject across time. */
  granularity?: "event" | "topic";
  /** false: the articles are already one story (the service groups them itself); default true. */
  separateStories?: boolean;
}

/** Kept out of BriefOptions: those are sent to the service's worker threads, a function cannot be. */
export interface ProgressOptions {
  /** Called as the run goes: for a progress display on large piles. */
  onProgress?: OnProgress;
}

/** The articles of one cluster with their NLP annotations: `docs[i]` belongs to `articles[i]`. */
export interface Corpus {
  articles: Article[];
  docs: Doc[];
  /** The normalised term of each term id of `docs` (`tokTerm`): the lexicon they were annotated with. */
  terms: readonly string[];
}

/** Summary length: `sentences` wins when both are set. */
export interface Budget {
  words?: number;
  sentences?: number;
  /** Keep adding sentences until the word budget is reached (evaluation: the scorer truncates). */
  fill?: boolean;
  /** A query or topic: summarisers that support it favour sentences about it (others ignore it). */
  focus?: string;
}

/** One chosen sentence: sentence `sent` of `corpus.docs[doc]`. */
export interface Selection {
  doc: number;
  sent: number;
  score: number;
}

/**
 * A summariser scores and picks sentences, returning them most important first; it never edits
 * them. Registered by name in `summarize/index.ts`.
 */
export interface Summarizer {
  name: string;
  description: string;
  /** The most candidate sentences it ranks in one corpus, if it has a limit; past it, it ranks each article's earliest. */
  maxSentences?: number;
  summarize(corpus: Corpus, budget: Budget, context: { seed: number }): Selection[];
}
