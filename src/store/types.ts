import type { Message } from "../types/index.js";

/** How an input reached the service. */
export type InputKind = "api" | "form" | "feed";

/** One item a user (or a feed) sent, kept verbatim whatever becomes of it. */
export interface RawInput {
  kind: InputKind;
  client?: string;
  feedId?: number;
  /** The item exactly as received, serialised as JSON. */
  body: string;
}

/** An article ready to store: parsed, cleaned, hashed (see `server/pipeline.ts`). */
export interface PreparedArticle {
  title: string;
  url?: string;
  /** Normalised URL used for de-duplication. */
  urlKey?: string;
  source?: string;
  published?: string;
  /** The text the pipeline cleans (plain text, or the text extracted from HTML). */
  raw: string;
  bodyOffset?: number;
  cleanText: string;
  wordCount: number;
  /** Hash of the normalised cleaned text. */
  contentHash: string;
}

/** One item of an ingest batch: its raw input, the article when one could be made, and any problems. */
export interface IngestItem {
  input: RawInput;
  article?: PreparedArticle;
  messages: Message[];
  /** When an article with the same URL but different text is stored: replace its text (it keeps its id and story). */
  replace?: boolean;
}

/** `conflict`: the URL is stored with different text, which was kept (see `IngestItem.replace`). */
export type IngestStatus = "created" | "duplicate" | "conflict" | "replaced" | "rejected";

export interface IngestOutcome {
  status: IngestStatus;
  inputId: number;
  articleId?: string;
  storyId?: string;
  /** For duplicates, conflicts and replacements: why it matched (`url` or `content`). */
  matchedBy?: "url" | "content";
  messages: Message[];
  /** Stories merged or emptied while this batch was stored (story ids; `from` now redirects to `into`). */
  merged?: Array<{ from: string; into: string }>;
  /** Stored articles moved to another story while this batch was stored (story ids), in order. */
  moved?: Array<{ articleId: string; from: string; into: string }>;
}

/** What a story assigner sees of an article. */
export interface AssignInput {
  id: string;
  title: string;
  text: string;
  published?: string;
  /** Words of cleaned text; fewer than `MIN_STORY_WORDS` cannot tell which story the article belongs to. */
  wordCount?: number;
}

/** Two stories found to be one: the story with key `from` folds into the one with key `into`. */
export interface KeyMerge {
  from: string;
  into: string;
}

/** A stored article that now belongs to the story with key `key` (a new key: a new story). */
export interface KeyMove {
  articleId: string;
  key: string;
}

/** What an arrival changed besides the new article's key: stories merged, stored articles moved (applied in this order, after it is stored). */
export interface AssignChanges {
  key: string;
  merges?: KeyMerge[];
  moves?: KeyMove[];
}

/** The story key of an article, and the changes its arrival caused. */
export type AssignFn = (article: AssignInput) => string | AssignChanges;

export interface StoredSource {
  source?: string;
  url?: string;
  title?: string;
  receivedAt: string;
  inputId: number;
}

export interface StoredArticle extends Omit<PreparedArticle, "urlKey"> {
  id: string;
  storyId: string;
  inputId: number;
  createdAt: string;
  /** Every outlet that carried it (the first included). */
  sources: StoredSource[];
}

/** A stored article without its texts: what lists and pages of many articles need. */
export type StoredArticleMeta = Omit<StoredArticle, "raw" | "cleanText" | "bodyOffset">;

export interface StorySummary {
  id: string;
  title: string;
  /** Headline sentence of the latest briefing, when one was computed. */
  headline?: string;
  articleCount: number;
  sources: string[];
  firstPublished?: string;
  lastPublished?: string;
  createdAt: string;
  updatedAt: string;
  contentVersion: number;
  revision: number;
  /** `content_version` the stored briefing was computed from (undefined: never). */
  briefingVersion?: number;
  /** Set when this story was merged into another: the id of the story that holds its articles now. */
  mergedInto?: string;
}

export interface StoredBriefing {
  storyId: string;
  storyVersion: number;
  headline?: string;
  json: string;
  computedAt: string;
}

export interface SearchHit {
  articleId: string;
  storyId: string;
  title: string;
  source?: string;
  published?: string;
  /** Plain-text excerpt; `ranges` are the [start, end) of matched terms in it. */
  snippet: string;
  ranges: Array<[number, number]>;
}

export interface FeedRecord {
  id: number;
  url: string;
  everySeconds: number;
  createdAt: string;
  nextAt: string;
  lastFetchedAt?: string;
  lastOkAt?: string;
  lastError?: string;
  failures: number;
  articlesAdded: number;
}

export interface StoredMessage extends Message {
  id: number;
  inputId?: number;
  articleId?: string;
  createdAt: string;
}

/** How a story list is sorted: most recently updated first (default), or most articles first. */
export type StoryOrder = "updated" | "size";

export interface StoreCounts {
  inputs: number;
  articles: number;
  stories: number;
  messages: number;
  feeds: number;
}

/**
 * Everything the service keeps. Callers use only this interface, so another backend (PostgreSQL)
 * can be added without touching them; methods are async for that reason even where SQLite is not.
 */
export interface Store {
  /** Stores a batch in one transaction: raw inputs, messages, new articles (or extra sources of known ones), story changes. */
  ingest(items: IngestItem[], assign: AssignFn): Promise<IngestOutcome[]>;
  getArticle(id: string): Promise<StoredArticle | undefined>;
  /** Articles of a story in arrival order (only the `last` ones, when given). */
  storyArticles(storyId: string, options?: { last?: number }): Promise<StoredArticle[]>;
  /** The same articles without their texts (cheap for large stories). */
  storyArticlesMeta(storyId: string): Promise<StoredArticleMeta[]>;
  /** What a cached story page depends on, read cheaply: undefined when there is no such story. */
  storyRevision(id: string): Promise<{ revision: number; contentVersion: number; briefingVersion?: number; mergedInto?: string } | undefined>;
  listStories(options?: { since?: string; q?: string; limit?: number; offset?: number; order?: StoryOrder }): Promise<StorySummary[]>;
  getStory(id: string): Promise<StorySummary | undefined>;
  getBriefing(storyId: string): Promise<StoredBriefing | undefined>;
  /** Saves a briefing computed from `storyVersion`; an older one never replaces a newer one. */
  saveBriefing(briefing: StoredBriefing & { computeMs?: number }): Promise<void>;
  /** Stories whose briefing is missing or older than their content. */
  staleStories(limit?: number): Promise<string[]>;
  search(q: string, limit?: number, offset?: number): Promise<SearchHit[]>;
  messages(options?: { articleId?: string; limit?: number }): Promise<StoredMessage[]>;
  /** Every stored article as the story assigner sees it, in arrival order (to rebuild its state). */
  assignmentState(): Promise<Array<AssignInput & { storyKey: string }>>;
  /** Every story key ever given, merged-away stories' included, so that an assigner never reuses one. */
  assignKeys(): Promise<string[]>;
  addFeed(url: string, everySeconds: number, now: Date): Promise<{ feed: FeedRecord; created: boolean }>;
  listFeeds(): Promise<FeedRecord[]>;
  getFeed(id: number): Promise<FeedRecord | undefined>;
  deleteFeed(id: number): Promise<boolean>;
  dueFeeds(now: Date): Promise<FeedRecord[]>;
  recordFeedResult(id: number, result: { at: Date; nextAt: Date; error?: string; added?: number }): Promise<void>;
  counts(): Promise<StoreCounts>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
