/** Turns a DOM subtree into plain text: one paragraph per block, separated by blank lines. */
import { parseHTML } from "./parse.js";
import type { DomNode, DomText, DomElement } from "./dom.js";

/** Elements that start a new paragraph. */
export const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIALOG", "DIR", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "LI",
  "MAIN", "MENU", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
  "OPTION", "LEGEND", "HTML",
]);

const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "svg", "IFRAME", "OBJECT", "EMBED", "CANVAS", "HEAD", "TITLE", "META", "LINK", "BUTTON", "SELECT", "INPUT", "TEXTAREA"]);

/** Cells of one table row go on one line; rows are paragraphs. */
const CELL_TAGS = new Set(["TD", "TH"]);

interface Acc {
  paragraphs: string[];
  current: string;
  /** The last text written: where two elements' words meet (reading the growing text itself would copy it at every node). */
  tail: string;
}

export function nodeToText(root: DomNode): string {
  const acc: Acc = { paragraphs: [], current: "", tail: "" };
  walk(root, acc, false);
  flush(acc);
  return acc.paragraphs.join("\n\n");
}

/** Paragraphs of a subtree, already whitespace-normalised. */
export function nodeToParagraphs(root: DomNode): string[] {
  const acc: Acc = { paragraphs: [], current: "", tail: "" };
  walk(root, acc, false);
  flush(acc);
  return acc.paragraphs;
}

function flush(acc: Acc): void {
  const t = acc.current.replace(/[ \t\f\r\u00a0]+/g, " ").replace(/ ?\n ?/g, "\n").replace(/\u2028/g, "\n").trim();
  if (t) acc.paragraphs.push(t);
  acc.current = "";
  acc.tail = "";
}

function walk(node: DomNode, acc: Acc, pre: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      const data = (child as DomText).data;
      acc.current += wordBreak(acc.tail, data) + (pre ? data.replace(/\n/g, "\u2028") : data.replace(/\s+/g, " "));
      if (data) acc.tail = data;
      continue;
    }
    if (type !== 1) continue;
    const el = child as DomElement;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === "BR") {
      acc.current += acc.tail = "\n";
      continue;
    }
    if (CELL_TAGS.has(tag)) {
      acc.current += acc.tail = " ";
      walk(el, acc, pre);
      acc.current += acc.tail = " ";
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush(acc);
      walk(el, acc, pre || tag === "PRE");
      flush(acc);
      continue;
    }
    if (tag === "IMG" || (tag === "SUP" && isReferenceMark(el))) continue;
    walk(el, acc, pre);
  }
}

/**
 * The space between two elements' texts that meet as "AlternativesTop" or "LinkedInPatrick": a lower-case letter and a capital
 * meet across markup only where styling (a block or flex item) sets them apart, as readers see them; inside a word they rarely do.
 */
export function wordBreak(before: string, next: string): string {
  return LOWER_END.test(before.slice(-2)) && UPPER_START.test(next.slice(0, 2)) ? " " : "";
}

const LOWER_END = /\p{Ll}$/u;
const UPPER_START = /^\p{Lu}/u;

/**
 * A superscript footnote or reference mark after a word ("growth<sup>3</sup>", "apps<sup>1,2</sup>", "law.<sup>[4]</sup>"): a pointer
 * readers skip, not a part of the word. After a short word it may be an exponent ("m<sup>2</sup>") and stays.
 */
export function isReferenceMark(sup: DomElement): boolean {
  const before = sup.previousSibling;
  if (before?.nodeType !== 3 || !REFERENCE_MARK.test(sup.textContent ?? "")) return false;
  return AFTER_WORD.test((before as DomText).data.slice(-8));
}

const REFERENCE_MARK = /^\s*\[?[\d*†‡][\d,*†‡–-]{0,7}\]?\s*$/;
const AFTER_WORD = /(?:\p{L}{4}|[.,;:)"”’])$/u;

/** Text of an HTML fragment (feeds and JSON-LD carry escaped HTML). */
export function htmlToText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return fragment.trim();
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  return nodeToText(document.body as never);
}
