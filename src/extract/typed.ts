/**
 * Strategies for pages that are not one story. The article-oriented box choice counts link lists against a
 * box; on an index (a list of names, a table of entries, a catalogue) the links are the content.
 */
import type { DomDocument, DomElement } from "./dom.js";
import { ownBody, type BodyOptions, type BodyResult } from "./body.js";
import type { PageType } from "./index.js";

/**
 * The box's link lists are its content when, read with them, it holds this many times its running text. News
 * pages reach 5 (their link lists are menus and related stories around the story); indexes are far beyond.
 */
const LINKS_OVER_TEXT = 10;

/**
 * The page read with link lists as content, when that reading's box encloses the box chosen for running
 * text (the same part of the page, not the site's menus) and holds much more: the intro of an index and its entries.
 */
export function linkedItems(doc: DomDocument, type: PageType, body: BodyResult | undefined, opts: BodyOptions): BodyResult | undefined {
  if (!body?.container || body.strategy !== "blocks" || opts.keepLinkLists || type === "forum" || type === "listing" || type === "product") return undefined;
  const l = ownBody(doc, { ...opts, keepLinkLists: true });
  if (!l?.container?.parentElement || l.container.tagName === "BODY" || !contains(l.container, body.container)) return undefined;
  return l.text.length > body.text.length * LINKS_OVER_TEXT ? { ...l, strategy: "typed:links" } : undefined;
}

function contains(ancestor: DomElement, el: DomElement): boolean {
  for (let e: DomElement | null = el; e; e = e.parentElement) if (e === ancestor) return true;
  return false;
}
