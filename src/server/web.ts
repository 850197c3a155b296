import { allowListMatches, classifyAddress, CLASS_WORDS, isIpLiteral } from "../fetch/address.js";
import { fetchArticle, fetchFeed, fetchOptionsFromEnv, Fetcher } from "../fetch/index.js";
import type { ArticleInput } from "../types/index.js";
import type { ArticleFetcher } from "./app.js";
import type { FeedFetcher } from "./feeds.js";

/** The fields the service keeps of an article fetched from the web (`FetchedArticle` of `src/fetch`). */
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

export interface WebFetchOptions {
  /** Hosts, IPs or CIDR ranges that may be fetched although private or loopback (added to $NEWSBRIEF_FETCH_ALLOW). */
  allowHosts?: string[];
  /** HTTP cache directory (default: `defaultCacheDir()` of src/fetch, or $NEWSBRIEF_CACHE_DIR; false: no cache). */
  cacheDir?: string | false;
}

/** The service's web access: one SSRF-safe, cached `Fetcher` behind the article and feed fetchers. */
export interface WebFetchers {
  fetchArticle: ArticleFetcher;
  fetchFeed: FeedFetcher;
  /** Why a URL will not be fetched, when that is known without a DNS lookup (IP literals, localhost). */
  urlProblem(url: string): string | undefined;
  close(): void;
}

export function webFetchers(options: WebFetchOptions = {}): WebFetchers {
  const env = fetchOptionsFromEnv();
  const allowList = [...(env.allowList ?? []), ...(options.allowHosts ?? [])];
  const fetcher = new Fetcher({ ...env, allowList, cacheDir: options.cacheDir ?? env.cacheDir });
  return {
    fetchArticle: articleFetcherFrom((url, o) => fetchArticle(url, { ...o, fetcher })),
    fetchFeed: feedFetcherFrom((url, o) => fetchFeed(url, { ...o, fetcher })),
    urlProblem: (url) => urlProblem(url, allowList),
    close: () => fetcher.close(),
  };
}

/**
 * An early, friendlier form of the fetcher's own check (which runs on every resolved address at
 * connect time and stays the real guard): a URL naming a loopback or private address, or localhost,
 * is refused when it is posted rather than when it is first polled.
 */
export function urlProblem(url: string, allowList: readonly string[]): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return `${url} is not a valid absolute URL`;
  }
  if (allowListMatches(allowList, host)) return undefined;
  const lower = host.toLowerCase().replace(/\.$/, "");
  const loopbackAllowed = allowListMatches(allowList, "127.0.0.1") || allowListMatches(allowList, "::1");
  if ((lower === "localhost" || lower.endsWith(".localhost")) && !loopbackAllowed) return `refused to fetch ${url}: ${host} is ${CLASS_WORDS.loopback}; only public addresses are fetched unless allow-listed (serve --allow-hosts)`;
  if (isIpLiteral(host)) {
    const cls = classifyAddress(host);
    if (cls !== "public") return `refused to fetch ${url}: ${host} is ${CLASS_WORDS[cls]}; only public addresses are fetched unless allow-listed (serve --allow-hosts)`;
  }
  return undefined;
}
