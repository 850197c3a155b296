/** HTML article extraction: metadata, main text and page type from one saved web page. */

import type { DomDocument } from "./dom.js";
import { parseHTML } from "linkedom";
import { extractMetadata } from "./metadata.js";
import { ownBody, readabilityBody } from "./body.js";
import { detectPageType } from "./pagetype.js";
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
  const { document } = parseHTML(prestrip(html));
  const doc = document as unknown as DomDocument;
  const md = extractMetadata(doc, options.url);
  let body = ownBody(doc, { title: md.title?.value, keepComments: false, keepLinkLists: false });
  const kind = detectPageType(doc, md, body?.stats ?? { prose: 0, linkText: 0 }, options.url);
  if (!body || body.text.length < 200) {
    const r = readabilityBody(doc);
    if (r && r.text.length > (body?.text.length ?? 0)) body = r;
  }
  const page: ExtractedPage = { text: body?.text ?? "", pageType: kind.type, strategies: { pageType: kind.strategy }, messages };
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

/** Drops what is never content before parsing (scripts other than JSON-LD, styles, SVG, comments): parsing is the dominant cost. */
export function prestrip(html: string): string {
  return html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (m, attrs: string) => (/ld\+json/i.test(attrs) ? m : ""))
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "")
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>/gi, "");
}
