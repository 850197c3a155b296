/** Web inputs for ingest: URLs (pages or feeds) fetched through src/fetch, and feed files on disk. */
import { decodeHtmlBytes } from "../extract/decode.js";
import { feedArticles, fetchUrl, type FetchedArticle, type FetchMessage, type Fetcher } from "../fetch/index.js";
import type { Message, RawDocument } from "../types/index.js";
import { parseHtmlDocument } from "./html.js";
import type { Parsed } from "./json.js";

export interface WebIngestOptions {
  /** Keep feed items published at or after this time. */
  since?: Date;
  /** Fetcher to use (default: the shared one configured from the environment). */
  fetcher?: Fetcher;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function toDoc(a: FetchedArticle, file: string): RawDocument {
  return { file, raw: a.text, title: a.title, url: a.url, source: a.source, published: a.published };
}

function toMessage(m: FetchMessage): Message {
  return { file: m.url, severity: m.severity, ruleId: m.ruleId, reason: m.reason, source: "fetch" };
}

function collect(out: Parsed, articles: FetchedArticle[], messages: FetchMessage[], fileOf: (a: FetchedArticle) => string): void {
  out.messages.push(...messages.map(toMessage));
  for (const a of articles) {
    out.messages.push(...a.messages.filter((m) => m.severity !== "info").map(toMessage));
    if (a.text.trim()) out.docs.push(toDoc(a, fileOf(a)));
    else out.messages.push({ file: a.url, severity: "warning", ruleId: "no-text", reason: "no article text found at this URL", source: "fetch" });
  }
}

/** Fetches every URL (a page gives one document, a feed one per item); failures become messages naming the URL. */
export async function ingestUrls(urls: string[], options: WebIngestOptions = {}): Promise<Parsed> {
  const out: Parsed = { docs: [], messages: [] };
  const results = await Promise.all(
    urls.map((url) =>
      fetchUrl(url, { since: options.since, fetcher: options.fetcher }).then(
        (r) => ({ url, r }),
        (error: Error) => ({ url, error }),
      ),
    ),
  );
  for (const res of results) {
    if ("error" in res) out.messages.push({ file: res.url, severity: "error", ruleId: "fetch-failed", reason: res.error.message.replace(`${res.url}: `, ""), source: "fetch" });
    else collect(out, res.r.articles, res.r.messages, (a) => a.url);
  }
  return out;
}

/** A feed file on disk: its items become documents (teaser items fetch their pages). */
export async function ingestFeedText(xml: string, file: string, options: WebIngestOptions = {}): Promise<Parsed> {
  const out: Parsed = { docs: [], messages: [] };
  try {
    const feed = await feedArticles(xml, file, { since: options.since, fetcher: options.fetcher });
    collect(out, feed.articles, feed.messages, (a) => `${file}#${a.url}`);
    if (!feed.articles.length && !out.messages.length) out.messages.push({ file, severity: "warning", ruleId: "empty-feed", reason: options.since ? "no feed item is recent enough for --since" : "the feed has no usable items", source: "ingest" });
  } catch (error) {
    out.messages.push({ file, severity: "error", ruleId: "feed-parse", reason: (error as Error).message.replace(`${file}: `, ""), source: "ingest" });
  }
  return out;
}

/** An HTML file's bytes, decoded by its declared charset (meta/BOM) rather than guessed. */
export function htmlFromBytes(bytes: Uint8Array, file: string): Parsed {
  const decoded = decodeHtmlBytes(bytes);
  const doc = parseHtmlDocument(decoded.html, file);
  const messages: Message[] = [...decoded.messages, ...doc.warnings.map((reason) => ({ severity: "warning" as const, ruleId: "html-extract", reason }))].map((m) => ({ file, ...m, source: "ingest" }));
  if (!doc.raw.trim()) return { docs: [], messages: [...messages, { file, severity: "error", ruleId: "no-text", reason: "no article text found in this HTML page", source: "ingest" }] };
  const { warnings: _w, ...raw } = doc;
  return { docs: [raw], messages };
}
