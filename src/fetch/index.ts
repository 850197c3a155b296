/**
 * Articles from the web: `fetchArticle(url)` fetches and extracts one page, `fetchFeed(url)` reads
 * an RSS/Atom/RDF feed and turns its items into articles (fetching each item's page when the feed
 * carries only a teaser). Both go through one shared, cached, SSRF-safe `Fetcher` unless given one.
 */
import os from "node:os";
import path from "node:path";
import { extractHtml, type ExtractedPage } from "../extract/index.js";
import type { ArticleInput } from "../types/index.js";
import { decodeHtmlBytes } from "../extract/decode.js";
import { Fetcher, type FetchOptions, type FetchResponse } from "./client.js";
import { FetchError, reasonAfterUrl } from "./errors.js";
import { itemsSince, looksLikeFeed, parseFeed, type Feed, type FeedItem } from "./feed.js";

export { Fetcher, DEFAULT_USER_AGENT, retryAfterMs, checkUrl, type FetchOptions, type FetchResponse, type GetOptions } from "./client.js";
export { FetchError, isFetchError, type FetchErrorCode } from "./errors.js";
export { parseFeed, parseSince, looksLikeFeed, itemsSince, type Feed, type FeedItem, type FeedFormat } from "./feed.js";

export interface FetchMessage {
  /** The URL (or feed file) the message is about. */
  url: string;
  severity: "error" | "warning" | "info";
  ruleId: string;
  reason: string;
}

/** An article read from the web; its plain fields match `ArticleInput`, so it can be handed to `brief`. */
export interface FetchedArticle {
  /** The page's URL (after redirects). */
  url: string;
  title?: string;
  author?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
  /** Site name. */
  source?: string;
  /** Everything the extractor found (null when the text came from the feed itself). */
  page: ExtractedPage | null;
  /** Where the text came from: the fetched page, or the feed item (full-content feeds, or a page that failed). */
  from: "page" | "feed";
  fromCache: boolean;
  messages: FetchMessage[];
}

export interface FeedResult {
  url: string;
  format: Feed["format"];
  title?: string;
  /** Items kept after `since`, in feed order. */
  articles: FetchedArticle[];
  /** Items dropped by `since`. */
  skipped: number;
  messages: FetchMessage[];
}

export interface WebOptions {
  fetcher?: Fetcher;
  signal?: AbortSignal;
}

export interface FeedOptions extends WebOptions {
  /** Keep items published at or after this time (undated items are kept). */
  since?: Date;
  /** Fetch the pages of teaser items (default true). */
  fetchPages?: boolean;
  /** At most this many items, newest first as the feed orders them (default 100). */
  maxItems?: number;
}

/** The cache directory: $NEWSBRIEF_CACHE_DIR, else $XDG_CACHE_HOME/newsbrief/http, else ~/.cache/newsbrief/http. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.NEWSBRIEF_CACHE_DIR) return env.NEWSBRIEF_CACHE_DIR;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "newsbrief", "http");
}

/** Fetch options from the environment: NEWSBRIEF_FETCH_ALLOW (comma-separated hosts/IPs/CIDRs), NEWSBRIEF_USER_AGENT, NEWSBRIEF_CACHE_DIR ("off" disables). */
export function fetchOptionsFromEnv(env: Record<string, string | undefined> = process.env): FetchOptions {
  return {
    allowList: (env.NEWSBRIEF_FETCH_ALLOW ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    userAgent: env.NEWSBRIEF_USER_AGENT || undefined,
    cacheDir: env.NEWSBRIEF_CACHE_DIR === "off" ? false : defaultCacheDir(env),
  };
}

let shared: Fetcher | undefined;

/** The process-wide fetcher (configured from the environment on first use). */
export function defaultFetcher(): Fetcher {
  shared ??= new Fetcher(fetchOptionsFromEnv());
  return shared;
}

const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
/** Feeds change: a cached feed older than this is revalidated. */
const FEED_MAX_AGE_MS = 10 * 60_000;

/** Fetches one page and extracts its article. Throws FetchError when the page cannot be fetched or is not HTML. */
export async function fetchArticle(url: string, options: WebOptions = {}): Promise<FetchedArticle> {
  const fetcher = options.fetcher ?? defaultFetcher();
  const response = await fetcher.get(url, { signal: options.signal });
  const decoded = decodeResponse(url, response);
  if (looksLikeFeed(decoded.text)) throw new FetchError("http-status", `${url}: this is a feed, not an article page (use it as a feed)`, url);
  return articleFromPage(url, response, decoded);
}

/** Fetches a feed and returns its items as articles. */
export async function fetchFeed(url: string, options: FeedOptions = {}): Promise<FeedResult> {
  const fetcher = options.fetcher ?? defaultFetcher();
  const response = await fetcher.get(url, { signal: options.signal, accept: FEED_ACCEPT, maxAgeMs: FEED_MAX_AGE_MS });
  const decoded = decodeResponse(url, response);
  if (!looksLikeFeed(decoded.text)) throw new FetchError("http-status", `${url}: not an RSS, Atom or RDF feed (${response.contentType || "no content type"})`, url);
  return feedArticles(decoded.text, response.finalUrl, { ...options, fetcher });
}

/** A URL of either kind: a feed gives its items, a page gives its article. */
export async function fetchUrl(url: string, options: FeedOptions = {}): Promise<{ kind: "article" | "feed"; articles: FetchedArticle[]; messages: FetchMessage[] }> {
  const fetcher = options.fetcher ?? defaultFetcher();
  let response = await fetcher.get(url, { signal: options.signal, accept: FEED_ACCEPT });
  let decoded = decodeResponse(url, response);
  if (!looksLikeFeed(decoded.text)) {
    const article = articleFromPage(url, response, decoded);
    return { kind: "article", articles: [article], messages: [] };
  }
  if (response.fromCache) {
    response = await fetcher.get(url, { signal: options.signal, accept: FEED_ACCEPT, maxAgeMs: FEED_MAX_AGE_MS });
    decoded = decodeResponse(url, response);
  }
  const feed = await feedArticles(decoded.text, response.finalUrl, { ...options, fetcher });
  return { kind: "feed", articles: feed.articles, messages: feed.messages };
}

function decodeResponse(url: string, response: FetchResponse): { text: string; type: string; messages: FetchMessage[] } {
  const type = response.contentType.split(";")[0].trim().toLowerCase();
  if (type && !/html|xml|rss|atom|rdf|text\/plain/.test(type)) throw new FetchError("http-status", `${url}: the page is ${type}, not HTML`, url, { status: response.status });
  const decoded = decodeHtmlBytes(response.bytes, response.contentType);
  return { text: decoded.html, type, messages: decoded.messages.map((m) => ({ url, ...m })) };
}

function articleFromPage(url: string, response: FetchResponse, decoded: { text: string; type: string; messages: FetchMessage[] }): FetchedArticle {
  const messages = [...decoded.messages];
  if (decoded.type === "text/plain") {
    return { url: response.finalUrl, text: decoded.text.trim(), page: null, from: "page", fromCache: response.fromCache, messages };
  }
  const page = extractHtml(decoded.text, { url: response.finalUrl });
  messages.push(...page.messages.map((m) => ({ url, ...m })));
  return { url: response.finalUrl, title: page.title, author: page.author, published: page.published, text: page.text, source: page.siteName, page, from: "page", fromCache: response.fromCache, messages };
}

/** Articles from feed XML already in hand (a feed file, or a fetched feed). */
export async function feedArticles(xml: string, source: string, options: FeedOptions = {}): Promise<FeedResult> {
  let feed: Feed;
  try {
    feed = parseFeed(xml, /^https?:/i.test(source) ? source : undefined);
  } catch (error) {
    throw new FetchError("http-status", `${source}: ${(error as Error).message}`, source);
  }
  const kept = itemsSince(feed.items, options.since);
  const recent = kept.slice(0, options.maxItems ?? 100);
  const skipped = feed.items.length - kept.length;
  const messages: FetchMessage[] = [];
  if (!feed.items.length) messages.push({ url: source, severity: "warning", ruleId: "empty-feed", reason: "the feed has no items" });
  if (skipped) messages.push({ url: source, severity: "info", ruleId: "older-than-since", reason: `${skipped} of ${feed.items.length} feed items are older than --since (${options.since!.toISOString()}) and were left out` });
  const articles = await Promise.all(recent.map((item) => itemArticle(item, feed, source, options, messages)));
  return { url: source, format: feed.format, title: feed.title, articles: articles.filter((a): a is FetchedArticle => a !== undefined), skipped, messages };
}

async function itemArticle(item: FeedItem, feed: Feed, source: string, options: FeedOptions, messages: FetchMessage[]): Promise<FetchedArticle | undefined> {
  const fromFeed = (extra: FetchMessage[] = []): FetchedArticle => ({
    url: item.url ?? source,
    title: item.title,
    author: item.author,
    published: item.published,
    text: item.text,
    source: feed.title,
    page: null,
    from: "feed",
    fromCache: false,
    messages: extra,
  });
  if (!item.teaser || options.fetchPages === false || !item.url) {
    if (!item.text) {
      messages.push({ url: item.url ?? source, severity: "warning", ruleId: "empty-item", reason: `feed item "${item.title ?? "(untitled)"}" has no text${item.url ? "" : " and no link"}` });
      return undefined;
    }
    return fromFeed();
  }
  try {
    const article = await fetchArticle(item.url, options);
    // The feed's title has no site-name suffix; the page's own date beats the feed's (often a re-publication time).
    return { ...article, title: item.title ?? article.title, published: article.published ?? item.published, author: article.author ?? item.author, source: article.source ?? feed.title };
  } catch (error) {
    const reason = `could not fetch the article page (${reasonAfterUrl(error, item.url)}); using the feed's teaser`;
    if (!item.text) {
      messages.push({ url: item.url, severity: "warning", ruleId: "fetch-failed", reason: `could not fetch the article page: ${reasonAfterUrl(error, item.url)}` });
      return undefined;
    }
    return fromFeed([{ url: item.url, severity: "warning", ruleId: "teaser-only", reason }]);
  }
}

/** The plain article fields `brief` and the server take. */
export function toArticleInput(a: FetchedArticle): ArticleInput {
  return { text: a.text, title: a.title, url: a.url, source: a.source, published: a.published };
}

/** A feed reader for the server's poller: `(url, signal) => articles`. */
export function feedReader(options: Omit<FeedOptions, "signal"> = {}): (url: string, signal: AbortSignal) => Promise<ArticleInput[]> {
  return async (url, signal) => (await fetchFeed(url, { ...options, signal })).articles.filter((a) => a.text.trim()).map(toArticleInput);
}
