/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds parsed into items with linkedom's XML parser. */
import { DOMParser } from "linkedom";
import type { DomElement } from "../extract/dom.js";
import { normalizeDate } from "../extract/dates.js";
import { htmlToText } from "../extract/text.js";

export type FeedFormat = "rss" | "atom" | "rdf";

export interface FeedItem {
  title?: string;
  /** The item's page. */
  url?: string;
  author?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** Full date-time as the feed gives it, for --since filtering. */
  publishedAt?: Date;
  /** Plain text of the item's content (content:encoded / atom content), else of its summary. */
  text: string;
  /** True when the feed carries only a summary or a short excerpt: the page must be fetched for the article. */
  teaser: boolean;
}

export interface Feed {
  format: FeedFormat;
  title?: string;
  /** The site the feed belongs to. */
  link?: string;
  items: FeedItem[];
}

/** Below this many characters of text a feed item is a teaser, not the article. */
export const TEASER_CHARS = 700;

/** Whether text looks like a feed document (by its root element). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000).replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?xml-stylesheet[^>]*\?>/gi, "").trimStart();
  return /^<(?:rss|feed|rdf:RDF|RDF)\b/i.test(head);
}

function local(el: DomElement): string {
  const name = el.tagName;
  const i = name.indexOf(":");
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

function prefixed(el: DomElement): string {
  return el.tagName.toLowerCase();
}

function kids(el: DomElement): DomElement[] {
  return Array.from(el.children);
}

function child(el: DomElement, ...names: string[]): DomElement | undefined {
  for (const n of names) {
    const found = kids(el).find((c) => (n.includes(":") ? prefixed(c) === n : local(c) === n.toLowerCase() && !prefixed(c).includes(":")));
    if (found) return found;
  }
  return undefined;
}

function textOf(el: DomElement | undefined): string | undefined {
  const t = (el?.textContent ?? "").replace(/\s+/g, " ").trim();
  return t || undefined;
}

export function parseFeed(xml: string, baseUrl?: string): Feed {
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ""), "text/xml") as unknown as { documentElement: DomElement | null };
  const root = doc.documentElement;
  if (!root) throw new Error("not a feed: the XML has no root element");
  const rootName = local(root);
  if (rootName === "feed") return parseAtom(root, baseUrl);
  if (rootName === "rss" || rootName === "rdf") {
    const channel = child(root, "channel");
    const items = rootName === "rss" ? kids(channel ?? root).filter((c) => local(c) === "item") : kids(root).filter((c) => local(c) === "item");
    return {
      format: rootName === "rss" ? "rss" : "rdf",
      title: channel ? textOf(child(channel, "title")) : undefined,
      link: channel ? absolute(textOf(child(channel, "link")), baseUrl) : undefined,
      items: items.map((i) => rssItem(i, baseUrl)),
    };
  }
  throw new Error(`not a feed: the root element is <${root.tagName}>, not <rss>, <feed> or <rdf:RDF>`);
}

function rssItem(item: DomElement, base?: string): FeedItem {
  const link = textOf(child(item, "link")) ?? guidLink(item) ?? item.getAttribute("rdf:about") ?? undefined;
  const dateText = textOf(child(item, "pubDate")) ?? textOf(child(item, "dc:date")) ?? textOf(child(item, "published")) ?? textOf(child(item, "updated"));
  const full = textOf(child(item, "content:encoded"));
  const summary = textOf(child(item, "description"));
  return finish({
    title: textOf(child(item, "title")),
    url: absolute(link, base),
    author: textOf(child(item, "dc:creator")) ?? cleanRssAuthor(textOf(child(item, "author"))),
    dateText,
    full,
    summary,
  });
}

function guidLink(item: DomElement): string | undefined {
  const guid = child(item, "guid");
  if (!guid || guid.getAttribute("isPermaLink") === "false") return undefined;
  const t = textOf(guid);
  return t && /^https?:\/\//.test(t) ? t : undefined;
}

/** RSS <author> is "email (Name)". */
function cleanRssAuthor(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const m = /\(([^)]+)\)/.exec(v);
  if (m) return m[1].trim();
  return v.includes("@") ? undefined : v;
}

function parseAtom(root: DomElement, base?: string): Feed {
  const entries = kids(root).filter((c) => local(c) === "entry");
  return {
    format: "atom",
    title: textOf(child(root, "title")),
    link: absolute(atomLink(root), base),
    items: entries.map((e) => {
      const content = child(e, "content");
      const summary = child(e, "summary");
      const author = child(e, "author");
      return finish({
        title: textOf(child(e, "title")),
        url: absolute(atomLink(e), base),
        author: author ? textOf(child(author, "name")) ?? textOf(author) : undefined,
        dateText: textOf(child(e, "published")) ?? textOf(child(e, "updated")) ?? textOf(child(e, "issued")),
        full: content ? atomText(content) : undefined,
        summary: summary ? atomText(summary) : undefined,
      });
    }),
  };
}

/** Atom text constructs: type="html" holds escaped HTML, type="xhtml" holds markup, text is text. */
function atomText(el: DomElement): string | undefined {
  const type = (el.getAttribute("type") ?? "text").toLowerCase();
  if (type === "xhtml") return htmlToText(el.innerHTML);
  return textOf(el);
}

function atomLink(el: DomElement): string | undefined {
  const links = kids(el).filter((c) => local(c) === "link");
  const alt = links.find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate") ?? links[0];
  return alt?.getAttribute("href") ?? undefined;
}

function finish(raw: { title?: string; url?: string; author?: string; dateText?: string; full?: string; summary?: string }): FeedItem {
  const fullText = raw.full ? htmlToText(raw.full) : "";
  const summaryText = raw.summary ? htmlToText(raw.summary) : "";
  const text = fullText.length >= summaryText.length ? fullText : summaryText;
  const at = raw.dateText ? new Date(raw.dateText) : undefined;
  return {
    title: raw.title ? htmlToText(raw.title) : undefined,
    url: raw.url,
    author: raw.author,
    published: normalizeDate(raw.dateText),
    publishedAt: at && !Number.isNaN(at.getTime()) ? at : undefined,
    text,
    teaser: isTeaser(text),
  };
}

export function isTeaser(text: string): boolean {
  if (text.length < TEASER_CHARS) return true;
  return /(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading)\s*$/i.test(text.slice(-60));
}

function absolute(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** "2d", "12h", "30m", "1w" or an ISO date → the earliest Date kept. */
export function parseSince(value: string, now = new Date()): Date {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$/i.exec(value.trim());
  if (m) {
    const unit = m[2].toLowerCase();
    const ms = unit === "w" ? 604_800_000 : unit === "d" ? 86_400_000 : unit === "h" ? 3_600_000 : 60_000;
    return new Date(now.getTime() - Number(m[1]) * ms);
  }
  const d = new Date(value);
  if (!Number.isNaN(d.getTime()) && /^\d{4}-\d\d-\d\d/.test(value.trim())) return d;
  throw new Error(`--since takes a duration like 2d, 12h, 30m, 1w or a date like 2025-09-01, not "${value}"`);
}

/** Items at or after `since`; items without a date are kept (a feed that dates nothing is not emptied). */
export function itemsSince(items: FeedItem[], since: Date | undefined): FeedItem[] {
  if (!since) return items;
  return items.filter((i) => !i.publishedAt || i.publishedAt.getTime() >= since.getTime());
}
