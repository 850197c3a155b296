import type { ArticleInput } from "../types/index.js";
import type { ArticleFetcher } from "./app.js";
import type { FeedFetcher } from "./feeds.js";

/**
 * The fields the service keeps of an article fetched from the web: the shape `fetchArticle` and
 * `fetchFeed` of `src/fetch` (the SSRF-safe client) return. Declared structurally so the service
 * builds with or without that module; wiring it in is one line in `start.ts`:
 * `fetchArticle: articleFetcherFrom(fetchArticle), fetchFeed: feedFetcherFrom(fetchFeed)`.
 */
export interface WebArticle {
  url: string;
  title?: string;
  published?: string;
  source?: string;
  text: string;
}

type FetchArticle = (url: string, options: { signal?: AbortSignal }) => Promise<WebArticle>;
type FetchFeed = (url: string, options: { signal?: AbortSignal }) => Promise<{ articles: WebArticle[] }>;

function toInput(a: WebArticle): ArticleInput {
  const out: ArticleInput = { url: a.url, text: a.text };
  if (a.title) out.title = a.title;
  if (a.published) out.published = a.published;
  if (a.source) out.source = a.source;
  return out;
}

export function articleFetcherFrom(fetchArticle: FetchArticle): ArticleFetcher {
  return async (url, signal) => toInput(await fetchArticle(url, { signal }));
}

export function feedFetcherFrom(fetchFeed: FetchFeed): FeedFetcher {
  return async (url, signal) => (await fetchFeed(url, { signal })).articles.map(toInput);
}
