import type { RawDocument } from "../types/index.js";
import { extractHtml } from "../extract/index.js";

/** An HTML page: the extractor finds the article text and its metadata. */
export function parseHtmlDocument(html: string, file: string, url?: string): RawDocument & { warnings: string[] } {
  const page = extractHtml(html, { url });
  return {
    file,
    raw: page.text,
    title: page.title,
    url: page.canonicalUrl ?? url,
    source: page.siteName,
    published: page.published,
    warnings: page.messages.filter((m) => m.severity !== "info").map((m) => m.reason),
  };
}
