/** Repairs to the tree linkedom builds where browsers build another. */
import type { DomDocument, DomElement, DomNode } from "./dom.js";

/** Elements that belong to the head wherever they are written. */
const HEAD_ONLY = new Set(["META", "LINK", "TITLE", "STYLE", "SCRIPT", "BASE", "NOSCRIPT", "TEMPLATE"]);

/**
 * Markup between </head> and <body> (an ad slot), or after </body>, is in the body for a browser; linkedom leaves it beside
 * the body, and may open an empty body for it so that the page's real body comes second and document.body finds nothing.
 * Everything under <html> but the head goes into the first body, in document order; later bodies give it their attributes.
 */
export function oneBody(doc: DomDocument): void {
  const root = doc.documentElement;
  if (root?.tagName !== "HTML") return;
  const kids = Array.from(root.children);
  if (kids.every((k) => k.tagName === "HEAD" || HEAD_ONLY.has(k.tagName))) return;
  // A page written without <body> (the tag is optional) has its content straight under <html>; linkedom's document.body
  // getter opens an empty body after the head (and a head first when there is none).
  const body = kids.find((k) => k.tagName === "BODY") ?? doc.body!;
  if (kids.every((k) => k === body || k.tagName === "HEAD" || HEAD_ONLY.has(k.tagName))) return;
  const start = body.firstChild;
  let passed = false;
  for (const k of kids) {
    if (k === body) passed = true;
    if (k === body || k.tagName === "HEAD" || HEAD_ONLY.has(k.tagName)) continue;
    const nodes: DomNode[] = k.tagName === "BODY" ? Array.from(k.childNodes) : [k];
    for (const n of nodes) {
      if (passed) body.appendChild(n);
      else body.insertBefore(n, start);
    }
    if (k.tagName === "BODY") {
      mergeAttributes(body, k);
      k.remove();
    }
  }
}

const HTML_ELEMENT = /^(?:a|abbr|address|article|aside|audio|b|base|bdi|bdo|blockquote|br|button|canvas|center|cite|code|data|dd|del|details|dfn|dialog|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|header|hgroup|hr|i|iframe|img|ins|kbd|label|li|link|main|mark|menu|meta|nav|noscript|ol|p|picture|pre|q|s|samp|script|section|small|span|strong|style|sub|summary|sup|table|template|time|title|u|ul|var|video)$/i;

/** linkedom made an HTML element other than <html> the document: the page or fragment was written without <html>. */
export function lacksHtmlElement(doc: DomDocument): boolean {
  const root = doc.documentElement;
  return !!root && root.tagName !== "HTML" && HTML_ELEMENT.test(root.tagName);
}

/** A page or fragment written without <html> (`<p>…`, `<title>…</title><p>…`), wrapped in one: linkedom makes its first element the document and drops the rest. */
export function withHtmlElement(html: string): string {
  const doctype = /^\s*(?:<!doctype[^>]*>)?/i.exec(html)![0];
  return `${doctype}<html>${html.slice(doctype.length)}</html>`;
}

function mergeAttributes(into: DomElement, from: DomElement): void {
  for (const name of ["class", "id", "lang", "dir"]) {
    const v = from.getAttribute(name);
    if (v !== null && !into.hasAttribute(name)) into.setAttribute(name, v);
  }
}

/**
 * A start tag never closed before its own end tag (`<p dir=ltr Pioneers talk about …</p>`, a writer's lost `">`): a browser
 * reads the words as attribute names and shows nothing. They are the paragraph's text: the tag is closed after its last
 * `name=value` attribute. Three words or more, so that a stray `<p` in running text is left alone.
 */
export function withUnclosedTagsMended(html: string): string {
  if (!UNCLOSED_CANDIDATE.test(html)) return html;
  return html.replace(UNCLOSED, (whole: string, tag: string, inside: string) => {
    const attributes = LEADING_ATTRIBUTES.exec(inside)![0];
    const words = inside.slice(attributes.length);
    // An attribute whose quote was never closed (`<div id="slot-3</div>`) is no text.
    if (/[="]/.test(words) || (words.match(/\p{L}+/gu)?.length ?? 0) < 3) return whole;
    return `<${tag}${attributes.trimEnd()}>${words.trim()}</${tag}>`;
  });
}

const UNCLOSED = /<(p|div|li|span|h[1-6]|td|th|dd|dt|blockquote)(\s[^<>]*?)<\/\1\s*>/gi;
const UNCLOSED_CANDIDATE = new RegExp(UNCLOSED.source, "i");
const LEADING_ATTRIBUTES = /^(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))*/;
