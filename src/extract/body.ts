/**
 * Main-text extraction. One walk over the DOM cuts it into blocks (paragraphs, headings, list items,
 * table rows), each knowing its link text and whether it sits in a boilerplate box. Every block votes
 * for its ancestors (+length when it reads like content, minus when it is links or boilerplate); the
 * best-scoring element is the main content, and its non-boilerplate blocks are the text.
 * Mozilla Readability is kept as a fallback for pages where this finds nothing.
 */
import { Readability } from "@mozilla/readability";
import type { DomDocument, DomElement, DomNode, DomText } from "./dom.js";
import { BLOCK_TAGS, nodeToText, wordBreak, isReferenceMark } from "./text.js";
import { junkReason, isBoilerplateLine, itemKey, FORM_FIELDS, type JunkOptions } from "./boilerplate.js";
import { findDates } from "./dates.js";
import { byItemprop, forgetElements } from "./elements.js";
import "./readability-patches.js";

export interface Block {
  el: DomElement;
  text: string;
  linkChars: number;
  /** Boilerplate ancestors (outermost first); each may later be vetoed when it holds most of the prose. */
  junkEls?: DomElement[];
  /** Set after the veto pass: the reason this block is boilerplate. */
  junk?: string;
  /** The title link of an item on a page made of items (a listing's story cards): content, however linked. */
  listed?: boolean;
  tag: string;
}

export interface BodyOptions extends JunkOptions {
  title?: string;
  /** Keep link-heavy blocks (listing and collection pages list links as content). */
  keepLinkLists: boolean;
}

export interface BodyResult {
  text: string;
  strategy: string;
  container?: DomElement;
  /** Whole-page text statistics, for page-type detection. */
  stats?: { prose: number; linkText: number };
  /** Every block of the page, in document order. */
  blocks?: Block[];
}

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SVG", "IFRAME", "OBJECT", "EMBED", "CANVAS", "HEAD", "TITLE", "META", "LINK", "IMG", "PICTURE", "VIDEO", "AUDIO", "SOURCE", "MAP", "math"]);
const CELL = new Set(["TD", "TH"]);

interface WalkState {
  blocks: Block[];
  text: string;
  /** The last text written: where two elements' words meet (reading the growing text itself would copy it at every node). */
  tail: string;
  linkChars: number;
  owner: DomElement;
  junkEls?: DomElement[];
  reasons: Map<DomElement, string>;
  inLink: boolean;
  opts: JunkOptions;
}

function flush(s: WalkState): void {
  const text = s.text.replace(/[\s\u00a0\u200b]+/g, " ").trim();
  if (text) s.blocks.push({ el: s.owner, text, linkChars: Math.min(s.linkChars, text.length), junkEls: s.junkEls, tag: s.owner.tagName });
  s.text = "";
  s.tail = "";
  s.linkChars = 0;
}

function walk(node: DomNode, s: WalkState): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      const data = (child as DomText).data;
      s.text += wordBreak(s.tail, data) + data;
      if (data) s.tail = data;
      if (s.inLink) s.linkChars += data.trim().length;
      continue;
    }
    if (type !== 1) continue;
    const el = child as DomElement;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || (tag === "SUP" && isReferenceMark(el))) continue;
    if (tag === "BR") {
      s.text += s.tail = " ";
      continue;
    }
    const reason = junkReason(el, tag, s.opts);
    const block = BLOCK_TAGS.has(tag);
    if (block || reason) {
      flush(s);
      const saved = { owner: s.owner, junkEls: s.junkEls };
      s.owner = el;
      if (reason) {
        s.reasons.set(el, reason);
        s.junkEls = s.junkEls ? [...s.junkEls, el] : [el];
      }
      walk(el, s);
      flush(s);
      s.owner = saved.owner;
      s.junkEls = saved.junkEls;
      continue;
    }
    if (CELL.has(tag)) s.text += s.tail = " ";
    if (tag === "A") {
      const was = s.inLink;
      s.inLink = true;
      walk(el, s);
      s.inLink = was;
    } else walk(el, s);
    if (CELL.has(tag)) s.text += s.tail = " ";
  }
}

/** Prose: a block long enough and with few links to be running text. */
function prose(b: Block): number {
  return b.text.length >= 80 && b.linkChars < b.text.length * 0.3 ? b.text.length : 0;
}

const NO_VETO = /^(?:footer|button|select|textarea|input|option|label|role=(?:dialog|alertdialog)|class:(?:cookies?|consent|gdpr|newsletter|subscribe|share|sharing|social|sr-only|screen-reader-text|comments?|respond|reply|disqus|modal|popup|signature|signaturecontainer))$/;

/** Boxes of one kind are content when they hold this share of the page's prose (a single box needs 0.3: it may be one big popup). */
const GROUP_SHARE = 0.2;
/** Share of the page's unlinked text beyond which boxes of one tag and reason are its entries, however short each is. */
const GROUP_TEXT_SHARE = 0.5;
/** Menus: a mega-menu's panels describe the site's other pages, however much text they hold. */
const MENU = /^(?:nav|menu|role=(?:navigation|menu|menubar)|class:(?:nav|navbar|navigation|menu|submenu|breadcrumbs?|drawer|offcanvas|off-canvas))$/;
const NO_GROUP_VETO = /^(?:figcaption|footer|class:(?:footer|sidebar))$/;

export function collectBlocks(root: DomElement, opts: JunkOptions): Block[] {
  const s: WalkState = { blocks: [], text: "", tail: "", linkChars: 0, owner: root, inLink: false, opts, reasons: new Map() };
  walk(root, s);
  flush(s);
  // Veto: a "boilerplate" box that holds most of the page's prose is a page wrapper with an unlucky class.
  let total = 0;
  let totalPlain = 0;
  const inside = new Map<DomElement, number>();
  const plainInside = new Map<DomElement, number>();
  for (const b of s.blocks) {
    const p = prose(b);
    const plain = b.text.length - b.linkChars;
    total += p;
    totalPlain += plain;
    if (!b.junkEls) continue;
    for (const e of b.junkEls) {
      if (p) inside.set(e, (inside.get(e) ?? 0) + p);
      if (plain) plainInside.set(e, (plainInside.get(e) ?? 0) + plain);
    }
  }
  const vetoed = new Set<DomElement>();
  for (const [e, p] of inside) if (p >= 300 && p > total * 0.3 && !NO_VETO.test(s.reasons.get(e)!)) vetoed.add(e);
  for (const e of hiddenPage(s)) vetoed.add(e);
  // Boxes of one kind (same tag and class) are judged together: a page made of twenty "promo" cards, or of collapsed
  // accordion panels and tabs, holds its prose in all of them. Not page furniture that repeats (footers, sidebars,
  // captions), nor forms (a multi-step form's hidden pages).
  const groupable = (e: DomElement) => !vetoed.has(e) && !NO_VETO.test(s.reasons.get(e)!) && !NO_GROUP_VETO.test(s.reasons.get(e)!);
  for (const els of groupBy([...inside.keys()].filter(groupable), (e) => `${elementKind(e)}#${s.reasons.get(e)}`).values()) {
    const p = els.reduce((sum, e) => sum + inside.get(e)!, 0);
    if (els.length < 3 || p < 300 || p <= total * GROUP_SHARE || els.some((e) => e.querySelector(FORM_FIELDS))) continue;
    for (const e of els) vetoed.add(e);
  }
  // A page of short entries (trails, offices, plans) in boxes a site builder classes one by one ('cta-12ab', 'cta-34cd'):
  // boxes of one tag and reason, three or more apart, holding most of the page's unlinked text. Not menus.
  const entries = [...plainInside.keys()].filter((e) => groupable(e) && !MENU.test(s.reasons.get(e)!));
  for (const els of groupBy(entries, (e) => `${e.tagName}#${s.reasons.get(e)}`).values()) {
    const group = new Set(els);
    const outer = els.filter((e) => !e.parentElement || !insideAny(group, e.parentElement));
    const plain = outer.reduce((sum, e) => sum + plainInside.get(e)!, 0);
    if (outer.length < 3 || plain < 300 || plain <= totalPlain * GROUP_TEXT_SHARE || outer.some((e) => e.querySelector(FORM_FIELDS))) continue;
    for (const e of els) vetoed.add(e);
  }
  if (opts.items?.size) for (const e of holdingItems(s.reasons, opts.items)) vetoed.add(e);
  for (const b of s.blocks) {
    if (!b.junkEls) continue;
    const j = b.junkEls.find((e) => !vetoed.has(e));
    if (j) b.junk = s.reasons.get(j);
  }
  return s.blocks;
}

/** Boxes judged boilerplate by their class alone ('recirc-list', 'sidebar') that link to three or more of the items a listing declares: its entries. */
function holdingItems(reasons: Map<DomElement, string>, items: ReadonlySet<string>): DomElement[] {
  const found: DomElement[] = [];
  for (const [e, reason] of reasons) {
    if (!reason.startsWith("class:") || NO_VETO.test(reason)) continue;
    let n = 0;
    for (const a of Array.from(e.querySelectorAll("a[href]"))) if (items.has(itemKey(a.getAttribute("href")!)) && ++n >= DECLARED_ITEMS) break;
    if (n >= DECLARED_ITEMS) found.push(e);
  }
  return found;
}

const DECLARED_ITEMS = 3;

/**
 * A hidden box holding most of the page's text is the page itself, hidden until a script shows it (an access check,
 * an anti-flicker snippet, an open modal): readers see it, so it is read. Prose alone does not tell (a shop's grid has none).
 */
function hiddenPage(s: WalkState): DomElement[] {
  let total = 0;
  const inside = new Map<DomElement, number>();
  for (const b of s.blocks) {
    total += b.text.length;
    for (const e of b.junkEls ?? []) if (s.reasons.get(e) === "hidden") inside.set(e, (inside.get(e) ?? 0) + b.text.length);
  }
  return [...inside].filter(([, chars]) => chars > total * HIDDEN_PAGE_SHARE).map(([e]) => e);
}

/** Share of the page's text beyond which a hidden box is the page. */
const HIDDEN_PAGE_SHARE = 0.5;

function isHeading(tag: string): boolean {
  return tag.length === 2 && tag[0] === "H" && tag[1] >= "1" && tag[1] <= "6";
}

/** A boilerplate block votes against its boxes at most this much: one huge box (a "republish this story" dialog holding the page's source) does not sink the article around it. */
const JUNK_CAP = 1000;

const SIGNATURE = /^class:signature/;

/** A block's vote: positive for prose, negative for boilerplate and link lists. */
function value(b: Block, linksCount: boolean): number {
  const len = b.text.length;
  // A signature sits inside its post: it does not count against the thread.
  if (b.junk) return SIGNATURE.test(b.junk) ? 0 : -Math.min(len, JUNK_CAP);
  const density = b.linkChars / len;
  if (density > 0.5) return linksCount ? len * 0.4 : -len * 0.6;
  if (isHeading(b.tag)) return Math.min(len, 40) * 0.5;
  if (len < 25) return len * 0.2;
  const punct = (b.text.match(/[.,;:!?。，]/g) ?? []).length;
  return len * (1 - density) * (punct > 0 ? 1 : 0.6);
}

export function ownBody(doc: DomDocument, opts: BodyOptions): BodyResult | undefined {
  const root = doc.body ?? doc.documentElement;
  if (!root) return undefined;
  const blocks = collectBlocks(root, opts);
  if (!blocks.length) return undefined;
  markTeasers(blocks);
  if (!opts.keepLinkLists) markTeaserItems(blocks);
  markEndSections(blocks);
  const scores = new Map<DomElement, number>();
  const stats = { prose: 0, linkText: 0 };
  for (const b of blocks) {
    if (b.junk) continue;
    stats.prose += prose(b);
    if (b.linkChars > b.text.length * 0.5) stats.linkText += b.linkChars;
  }
  for (const b of blocks) {
    const v = value(b, opts.keepLinkLists);
    for (let e: DomElement | null = b.el; e; e = e.parentElement) scores.set(e, (scores.get(e) ?? 0) + v);
  }
  let best: DomElement = root;
  let bestScore = -Infinity;
  for (const [e, sc] of scores) {
    if (sc > bestScore) {
      best = e;
      bestScore = sc;
    }
  }
  // The publisher's own marker for the article text wins when it holds real prose, at least half the best box's (microdata itemprop=articleBody).
  // Not on forum or listing pages, where the first post or item may carry it.
  const marked = opts.keepComments || opts.keepLinkLists ? null : byItemprop(doc, ["articleBody"])[0] ?? null;
  if (marked && scores.has(marked) && scores.get(marked)! >= Math.max(200, bestScore * 0.5) && !contains(marked, best)) best = marked;
  const text = blocksText(blocks.filter((b) => contains(best, b.el)), opts);
  return { text, strategy: "blocks", container: best, stats, blocks };
}

/**
 * Lists of other stories: cards holding a heading that is a link, with a kicker, date or short summary
 * around it. With three or more such cards on a page, everything in them but the heading is
 * boilerplate. A card is the largest element around its heading that holds no other linked heading
 * and little text; an article's linked subheadings share their element with the whole body and are left alone.
 * Cards are content when they are most of the page's text (listings) or sit beside running text (a roundup inside an article).
 */
function markTeasers(blocks: Block[]): void {
  const linked = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b.junk && isHeading(b.tag) && b.text.length >= 15 && b.linkChars >= b.text.length * 0.7) linked.add(i);
  }
  if (linked.size < 3) return;
  const cards: Card[] = [];
  for (const i of linked) {
    const card = teaserCard(blocks, i, linked);
    if (card) cards.push(card);
  }
  const inCard = new Uint8Array(blocks.length);
  let cardChars = 0;
  for (const c of cards) {
    for (let k = c.first; k <= c.last; k++) {
      inCard[k] = 1;
      if (k !== c.heading && !blocks[k].junk) cardChars += blocks[k].text.length;
    }
  }
  if (proseOutside(blocks, inCard) < cardChars * CARDS_VS_PROSE) {
    for (const c of cards) blocks[c.heading].listed = true;
    return;
  }
  const proseIn = new Map<DomElement, Span>();
  for (const c of cards) {
    if (proseNear(blocks, c, inCard, proseIn)) continue;
    for (let k = c.first; k <= c.last; k++) if (k !== c.heading && !blocks[k].junk) blocks[k].junk = "teaser";
  }
}

/**
 * Lists of other stories without headings: three or more items of one list, each a title link followed by its summary
 * ("<li><a>Title</a> <span>Summary…</span></li>"). Dropped unless the page is a listing, they are most of its text, or the
 * list sits beside running text (an article's annotated list of sources).
 */
function markTeaserItems(blocks: Block[]): void {
  const lists = new Map<DomElement, number[]>();
  for (let i = 0; i < blocks.length; i++) {
    const list = blocks[i].el.parentElement;
    if (!list || !isTeaserItem(blocks[i])) continue;
    const found = lists.get(list);
    if (found) found.push(i);
    else lists.set(list, [i]);
  }
  const items: number[] = [];
  for (const [list, found] of lists) if (found.length >= 3 && found.length * 3 >= list.children.length * 2) items.push(...found);
  if (!items.length) return;
  const inItem = new Uint8Array(blocks.length);
  let itemChars = 0;
  const seen = new Set<string>();
  for (const k of items) {
    inItem[k] = 1;
    // A ticker repeats its items: count each once.
    if (!seen.has(blocks[k].text)) itemChars += blocks[k].text.length;
    seen.add(blocks[k].text);
  }
  if (proseOutside(blocks, inItem) < itemChars * ITEMS_VS_PROSE) return;
  const proseIn = new Map<DomElement, Span>();
  for (const k of items) {
    const top = blocks[k].el.parentElement!;
    if (!proseNear(blocks, { heading: k, first: k, last: k, top }, inItem, proseIn)) blocks[k].junk = "teaser";
  }
}

/** Story lists are the page's content when the running text outside them is less than their (distinct) text times this. */
const ITEMS_VS_PROSE = 0.5;

/** The running text of the blocks outside `inside` (1 per block inside) that are not boilerplate. */
function proseOutside(blocks: Block[], inside: Uint8Array): number {
  let sum = 0;
  for (let k = 0; k < blocks.length; k++) if (!inside[k] && !blocks[k].junk) sum += prose(blocks[k]);
  return sum;
}

/** A list item that opens with a title link (15+ characters) and goes on with at least 40 characters of unlinked text, the title not set off as a label. */
function isTeaserItem(b: Block): boolean {
  if (b.tag !== "LI" || b.junk || b.text.length - b.linkChars < 40) return false;
  const a = b.el.querySelector("a");
  const title = a?.textContent?.replace(/[\s\u00a0\u200b]+/g, " ").trim() ?? "";
  return title.length >= 15 && b.text.startsWith(title) && !LABEL_SEPARATOR.test(b.text.slice(title.length));
}

/** "Name: what it is", "Name (price) …", "Name | …", "Name – …": a glossary or product list, not a story list. */
const LABEL_SEPARATOR = /^\s*[:(|–—\-,.;]/;

/** Headings of the sections around an article that are not part of it. */
const END_SECTION = /^(?:about the (?:author|writer|reviewer|expert)s?|about (?:the )?authors?|written by|related (?:posts|articles|stories|reading|content)|(?:you (?:may|might) also (?:like|enjoy))|more (?:stories|articles|posts)|recent (?:posts|articles)|popular (?:posts|articles)|read next|more from .{1,30}|latest (?:news|posts|articles|stories)|trending(?: now)?|most (?:read|popular)|recommended(?: for you| reading| articles| stories)?|other (?:posts|articles|stories)|in case you missed it)\s*:?$/i;

/** A heading such as "About the author" or "Related posts" and the blocks after it, up to the next heading as high, within the heading's parent. */
function markEndSections(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const h = blocks[i];
    if (h.junk || !isHeading(h.tag) || h.text.length > 40 || !END_SECTION.test(h.text)) continue;
    const box = h.el.parentElement;
    h.junk = "end-section";
    for (let k = i + 1; k < blocks.length && box && contains(box, blocks[k].el); k++) {
      const b = blocks[k];
      if (isHeading(b.tag) && b.tag <= h.tag) break;
      b.junk ??= "end-section";
      i = k;
    }
  }
}

interface Card {
  heading: number;
  first: number;
  last: number;
  top: DomElement;
}

/** A card: at most this many blocks, and this many characters besides its heading. */
const CARD_BLOCKS = 6;
const CARD_CHARS = 600;
/** Cards are the page's content when the running text outside them is less than their text times this. */
const CARDS_VS_PROSE = 1;
/** Running text within this many levels above a card, this much of it, makes the card part of a body of text. */
const NEAR_LEVELS = 1;
const NEAR_PROSE = 300;

/** The largest element around heading `i` that is one small card (its block range), or undefined. */
function teaserCard(blocks: Block[], i: number, linked: Set<number>): Card | undefined {
  let card: Card | undefined;
  let first = i;
  let last = i;
  let chars = 0;
  for (let e: DomElement | null = blocks[i].el.parentElement; e; e = e.parentElement) {
    while (first > 0 && contains(e, blocks[first - 1].el)) {
      first--;
      if (linked.has(first)) return card;
      chars += blocks[first].text.length;
    }
    while (last + 1 < blocks.length && contains(e, blocks[last + 1].el)) {
      last++;
      if (linked.has(last)) return card;
      chars += blocks[last].text.length;
    }
    if (last - first + 1 > CARD_BLOCKS || chars > CARD_CHARS) return card;
    if (last > first) card = { heading: i, first, last, top: e };
  }
  return card;
}

/** Whether running text outside any card sits within a few levels of the card (the card is part of a body of text). */
function proseNear(blocks: Block[], card: Card, inCard: Uint8Array, cache: Map<DomElement, Span>): boolean {
  let span: Span = { first: card.first, last: card.last, prose: 0 };
  let e: DomElement | null = card.top.parentElement;
  for (let level = 0; e && level < NEAR_LEVELS; level++, e = e.parentElement) {
    const known = cache.get(e);
    if (known) span = known;
    else {
      let { first, last, prose: sum } = span;
      while (first > 0 && contains(e, blocks[first - 1].el)) {
        first--;
        if (!inCard[first] && !blocks[first].junk) sum += prose(blocks[first]);
      }
      while (last + 1 < blocks.length && contains(e, blocks[last + 1].el)) {
        last++;
        if (!inCard[last] && !blocks[last].junk) sum += prose(blocks[last]);
      }
      span = { first, last, prose: sum };
      cache.set(e, span);
    }
    if (span.prose >= NEAR_PROSE) return true;
  }
  return false;
}

interface Span {
  first: number;
  last: number;
  prose: number;
}

export function contains(ancestor: DomElement, el: DomElement): boolean {
  for (let e: DomElement | null = el; e; e = e.parentElement) if (e === ancestor) return true;
  return false;
}

/** Whether `el` is one of `ancestors` or inside one of them. */
export function insideAny(ancestors: ReadonlySet<DomElement>, el: DomElement): boolean {
  for (let e: DomElement | null = el; e; e = e.parentElement) if (ancestors.has(e)) return true;
  return false;
}

/** An element's kind: its tag and class ("DIV.card"), shared by boxes a template repeats. */
export function elementKind(el: DomElement): string {
  return `${el.tagName}.${el.getAttribute("class") ?? ""}`;
}

/** Items grouped by key, groups and items in first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function blocksText(blocks: Block[], opts: BodyOptions): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const title = opts.title?.toLowerCase();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.junk) continue;
    const t = b.text;
    if (!opts.keepLinkLists && !b.listed && b.linkChars / t.length > 0.5 && !linkedSentence(b) && !cardTitle(b, blocks[i + 1])) continue;
    if (isBoilerplateLine(t) || (!CELL.has(b.tag) && isDateLine(t))) continue;
    if (title && t.toLowerCase() === title) continue;
    // A line said twice over, even a short one ("Sale" / "Sale"), is one line shown in two layouts; a table's cells may repeat.
    if ((t.length > 20 && seen.has(t)) || (t === out[out.length - 1] && !CELL.has(b.tag))) continue;
    seen.add(t);
    out.push(t);
  }
  return out.join("\n\n");
}

/**
 * A paragraph or list item whose links run inside text of its own ("Read <a>the guide</a> and <a>the FAQ</a> before the vote."):
 * text, however many of its words are links. A label before a link ("Read more: <a>…</a>") is too little of its own.
 */
function linkedSentence(b: Block): boolean {
  const own = b.text.length - b.linkChars;
  return (b.tag === "P" || b.tag === "LI") && own >= LINKED_SENTENCE_CHARS && own >= b.text.length * LINKED_SENTENCE_SHARE;
}

/**
 * A linked heading followed, within its card (the heading's grandparent), by running text that is kept ("<h3><a>Audit</a></h3>
 * <p>Our audits…</p>"): the card's title, as much content as the text under it. Over a link list it stays a link.
 */
function cardTitle(b: Block, next: Block | undefined): boolean {
  if (!next || next.junk || !isHeading(b.tag) || next.linkChars > next.text.length * 0.5 || next.text.length < CARD_TEXT) return false;
  const card = b.el.parentElement?.parentElement;
  return !!card && contains(card, next.el);
}

/** Characters of the text under a card's title. */
const CARD_TEXT = 40;

/** Unlinked characters, and their share of the block, that make a link-heavy paragraph a sentence. */
const LINKED_SENTENCE_CHARS = 10;
const LINKED_SENTENCE_SHARE = 0.25;

/** Words that go with a date in a dateline: labels, weekdays, times and time zones. */
const DATELINE_WORDS = /\b(?:published|updated|last|modified|posted|commented|answered|asked|edited|replied|on|at|am|pm|a\.m\.|p\.m\.|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b|\d{1,2}:\d{2}(?::\d{2})?/gi;
const TIME_ZONE = /\b[A-Z]{2,4}T\b|\bUTC\b|\bGMT[+-]?\d*\b/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A line that is only a date (with its labels and time): page furniture, not text. */
export function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  const dates = findDates(text);
  if (!dates.length) return false;
  let rest = "";
  let at = 0;
  for (const d of dates) {
    rest += text.slice(at, d.index) + " ";
    at = d.index + d.length;
  }
  rest += text.slice(at);
  return !LETTER_OR_DIGIT.test(rest.replace(TIME_ZONE, " ").replace(DATELINE_WORDS, " "));
}

/**
 * Whether a text is made of the page's boilerplate: nearly all its words occur only in boxes judged boilerplate (footer,
 * menus; not story lists judged by their place, which a listing is made of). Readability, asked about a page whose content a script draws, answers with its footer.
 */
export function readsBoilerplate(text: string, blocks: Block[] | undefined): boolean {
  if (!blocks) return false;
  const junk = new Set<string>();
  const kept = new Set<string>();
  for (const b of blocks) for (const w of b.text.toLowerCase().match(WORD) ?? []) (b.junk && b.junkEls ? junk : kept).add(w);
  const words = text.toLowerCase().match(WORD) ?? [];
  if (!words.length) return false;
  let inJunk = 0;
  for (const w of words) if (junk.has(w) && !kept.has(w)) inJunk++;
  return inJunk >= words.length * BOILERPLATE_SHARE;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Share of a text's words found only in boilerplate boxes that makes it boilerplate. */
const BOILERPLATE_SHARE = 0.8;

export function readabilityBody(doc: DomDocument): BodyResult | undefined {
  forgetElements(doc);
  try {
    const reader = new Readability<DomNode>(doc as never, { serializer: (n) => n as unknown as DomNode, charThreshold: 300 });
    const article = reader.parse();
    if (!article || !article.content) return undefined;
    return { text: nodeToText(article.content), strategy: "readability" };
  } catch {
    return undefined;
  }
}
