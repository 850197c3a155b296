/** HTML article extraction: metadata, main text and page type from one saved web page. */
import { parseHTML } from "linkedom";
import { extractMetadata } from "./metadata.js";
import { readabilityBody } from "./body.js";
export { decodeHtmlBytes } from "./decode.js";
export type { DecodedHtml } from "./decode.js";

export type PageType = "article" | "forum" | "product" | "collection" | "listing" | "documentation" | "service" | "unknown";

export interface ExtractMessage {
  severity: "error" | "warning" | "info";
  ruleId: string;
  reason: string;
}

export interface ExtractedPage {
  title?: string;
  author?: string;
  /** YYYY-MM-DD */
  published?: string;
  modified?: string;
  /** Main text: paragraphs separated by "\n\n"; headings and list items are paragraphs of their own. */
  text: string;
  canonicalUrl?: string;
  siteName?: string;
  lang?: string;
  image?: string;
  pageType: PageType;
  /** Field -> strategy that found it, e.g. {published: "json-ld", title: "h1"}. */
  strategies: Record<string, string>;
  messages: ExtractMessage[];
}

export function extractHtml(html: string, options: { url?: string } = {}): ExtractedPage {
  const messages: ExtractMessage[] = [];
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const md = extractMetadata(doc, options.url);
  const body = readabilityBody(doc);
  const page: ExtractedPage = { text: body?.text ?? "", pageType: "unknown", strategies: {}, messages };
  for (const key of ["title", "author", "published", "modified", "canonicalUrl", "siteName", "lang", "image"] as const) {
    const c = md[key];
    if (c) {
      page[key] = c.value;
      page.strategies[key] = c.strategy;
    }
  }
  if (body) page.strategies.text = body.strategy;
  if (!page.text) messages.push({ severity: "warning", ruleId: "no-main-text", reason: "no main text found in the page" });
  return page;
}
