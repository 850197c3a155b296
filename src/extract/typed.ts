/**
 * Strategies for pages that are not one story. The article-oriented box choice counts link lists against a
 * box; on an index (a list of names, a table of entries, a catalogue) the links are the content. A product's
 * content is spread over several boxes.
 */
import type { DomDocument, DomElement } from "./dom.js";
import { ownBody, blocksText, contains, elementKind, groupBy, insideAny, type Block, type BodyOptions, type BodyResult } from "./body.js";
import type { PageType } from "./index.js";

/**
 * The box's link lists are its content when, read with them, it holds this many times its running text. News
 * pages reach 5 (their link lists are menus and related stories around the story); indexes are far beyond.
 */
const LINKS_OVER_TEXT = 10;
/**
 * A page whose type nothing declares (told by its structure alone, or by an og:type that site plugins set everywhere)
 * is an index as often as a story: its link lists are its content once they add this share to its running text,
 * when they sit in the chosen box or near it (NEAR_LEVELS ancestors up), not in the site's menus.
 */
const LINKS_OVER_TEXT_UNDECLARED = 1.3;
const NEAR_LEVELS = 4;

/**
 * The page read with link lists as content, when that reading's box encloses the box chosen for running
 * text (the same part of the page, not the site's menus) and holds much more: the intro of an index and its entries.
 */
export function linkedItems(doc: DomDocument, type: PageType, body: BodyResult | undefined, opts: BodyOptions, declared = true): BodyResult | undefined {
  if (!body?.container || body.strategy !== "blocks" || opts.keepLinkLists || type === "forum" || type === "listing" || type === "product") return undefined;
  const over = declared ? LINKS_OVER_TEXT : LINKS_OVER_TEXT_UNDECLARED;
  // The page's whole text, separators included, bounds the second reading: most pages are spared it.
  let all = 0;
  for (const b of body.blocks ?? []) if (!b.junk) all += b.text.length + 2;
  if (all <= body.text.length * over) return undefined;
  if (!declared && nearLinkLists(body.container, body.blocks ?? []) <= body.text.length * (over - 1)) return undefined;
  const l = ownBody(doc, { ...opts, keepLinkLists: true });
  if (!l?.container?.parentElement || l.container.tagName === "BODY" || !contains(l.container, body.container)) return undefined;
  return l.text.length > body.text.length * over ? { ...l, strategy: "typed:links" } : undefined;
}

/** Characters of link lists (blocks mostly link text) in the box or a few ancestors up. */
function nearLinkLists(box: DomElement, blocks: Block[]): number {
  let near = box;
  for (let i = 0; i < NEAR_LEVELS && near.parentElement && near.parentElement.tagName !== "BODY"; i++) near = near.parentElement;
  let chars = 0;
  for (const b of blocks) if (!b.junk && !b.listed && b.linkChars > b.text.length * 0.5 && contains(near, b.el)) chars += b.text.length + 2;
  return chars;
}

/**
 * A product page spreads its content over several boxes (name, price, description, details table): the box
 * chosen for its running text is widened to the smallest element that also holds the product's heading.
 */
export function productBody(doc: DomDocument, type: PageType, body: BodyResult | undefined, blocks: Block[] | undefined, opts: BodyOptions): BodyResult | undefined {
  if (type !== "product" || !body?.container || !blocks || !PRODUCT_FROM.has(body.strategy)) return undefined;
  const top = headlineBox(blocks, body.container);
  if (!top) return undefined;
  // Other products' cards in the widened part stay out; inside the chosen box they are its content (a shop's grid).
  const cards = new Set(productCards(top).filter((c) => !contains(c, body.container!) && !contains(body.container!, c)));
  const text = blocksText(blocks.filter((b) => contains(top, b.el) && !insideAny(cards, b.el)), opts);
  // From a whole-page reading the widened box is a part of the page: it must hold at least half of it.
  if (text.length < 200 || (body.strategy !== "blocks" && text.length < body.text.length * 0.5)) return undefined;
  return { ...body, text, container: top, strategy: "typed:product" };
}

/**
 * A listing's best box may hold only its running text (an intro above the items, or a guide below them): widened, as a
 * product's is, to the smallest element that also holds the page's heading, the items between them are read too.
 */
export function listingBody(type: PageType, body: BodyResult | undefined, opts: BodyOptions): BodyResult | undefined {
  if (type !== "listing" || !body?.container || !body.blocks || body.strategy !== "blocks") return undefined;
  const top = headlineBox(body.blocks, body.container);
  if (!top) return undefined;
  const text = blocksText(body.blocks.filter((b) => contains(top, b.el)), { ...opts, keepLinkLists: true });
  return text.length > body.text.length ? { ...body, text, container: top, strategy: "typed:listing" } : undefined;
}

/** The smallest element holding both the page's heading and the chosen box, when it is larger than the box and smaller than the page. */
function headlineBox(blocks: Block[], box: DomElement): DomElement | undefined {
  const h1 = blocks.find((b) => !b.junk && b.tag === "H1");
  if (!h1) return undefined;
  const top = commonAncestor(h1.el, box);
  return top?.parentElement && top.tagName !== "BODY" && top !== box ? top : undefined;
}

/** Readings widened: the chosen box, and the whole page when the box was a small part of it. */
const PRODUCT_FROM = new Set(["blocks", "blocks:page"]);

function commonAncestor(a: DomElement, b: DomElement): DomElement | undefined {
  const up = new Set<DomElement>();
  for (let e: DomElement | null = a; e; e = e.parentElement) up.add(e);
  for (let e: DomElement | null = b; e; e = e.parentElement) if (up.has(e)) return e;
  return undefined;
}

/**
 * Forum software repeats the same furniture beside every post ("Posts: 1,204", "Joined: Mar 2011", a rank, a
 * "Quote" link): blocks of one shape (tag and class, and their parent's) that recur on the page and are all short.
 * A post body shares its shape with the other posts, and some of those are long, so a short reply ("Thanks!") stays.
 */
export function forumPosts(type: PageType, body: BodyResult | undefined, opts: BodyOptions): BodyResult | undefined {
  if (type !== "forum" || !body?.container || !body.blocks) return undefined;
  const inside = body.blocks.filter((b) => !b.junk && contains(body.container!, b.el));
  const furniture = new Set<Block>();
  for (const same of groupBy(inside, (b) => shape(b.el)).values()) {
    if (same.length >= FURNITURE_REPEATS && same.every((b) => b.text.length <= FURNITURE_CHARS)) for (const b of same) furniture.add(b);
  }
  const remarks = new Set(Array.from(body.container.querySelectorAll(POST_REMARKS)));
  const kept = inside.filter((b) => !furniture.has(b) && !insideAny(remarks, b.el));
  if (kept.length === inside.length) return undefined;
  return { ...body, text: blocksText(kept, opts), strategy: `${body.strategy}:posts` };
}

/** Comments under a question or an answer (remarks on the post, asking to clarify it), not posts of the thread. */
const POST_REMARKS = ['[itemtype*="schema.org/Question"] [itemtype*="schema.org/Comment"]', '[itemtype*="schema.org/Answer"] [itemtype*="schema.org/Comment"]'].join(", ");

/** Post furniture: a shape seen this many times or more, none of its blocks longer than this. */
const FURNITURE_REPEATS = 3;
const FURNITURE_CHARS = 40;

/** An element's shape: its tag and class, and its parent's. */
function shape(el: DomElement): string {
  const p = el.parentElement;
  return `${elementKind(el)}<${p ? elementKind(p) : "."}`;
}

/**
 * Other products shown on a product page ("people also viewed", "similar items", carousels): three or more sibling
 * boxes of one kind (tag and class), each a link with a price and little text.
 */
export function productCards(root: DomElement): DomElement[] {
  const cards: DomElement[] = [];
  const visit = (el: DomElement) => {
    const children: DomElement[] = [];
    for (let k = el.firstElementChild; k; k = k.nextElementSibling) children.push(k);
    const kinds = groupBy(children, elementKind);
    const taken = new Set<DomElement>();
    for (const same of kinds.values()) {
      if (same.length < CARDS_MIN) continue;
      const priced = same.filter(isCard);
      if (priced.length < CARDS_MIN || priced.length < same.length * 0.8) continue;
      for (const c of same) taken.add(c);
    }
    cards.push(...taken);
    for (const k of children) if (!taken.has(k)) visit(k);
  };
  visit(root);
  return cards;
}

const CARDS_MIN = 3;
const CARD_TEXT = 1200;
const PRICE = /(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN)\b)\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\b(?:USD|EUR|GBP|CHF|kr|zł)\b)/;

function isCard(el: DomElement): boolean {
  if (el.tagName !== "A" && !el.querySelector("a[href]")) return false;
  const text = el.textContent ?? "";
  return text.length < CARD_TEXT * 2 && PRICE.test(text) && text.replace(/\s+/g, " ").trim().length < CARD_TEXT;
}

/**
 * Shoppers' reviews and a shop's testimonials on a product page say what others think of the product; the page's content
 * is its description. Review items (schema.org Review, or boxes classed review or testimonial, two or more of one kind; an id names one box, a product's review section in a roundup) leave
 * the text, unless the text was read from inside one or is little more than them (a page that is itself a review).
 */
export function withoutReviews(type: PageType, text: string, blocks: Block[] | undefined, container: DomElement | undefined): string | undefined {
  if (type !== "product" || !blocks || !text) return undefined;
  const items = new Set<DomElement>();
  const candidates = new Set<DomElement>();
  for (const b of blocks) {
    for (let e: DomElement | null = b.el; e && e.tagName !== "BODY"; e = e.parentElement) {
      if (candidates.has(e)) break;
      if (isReview(e)) {
        candidates.add(e);
        break;
      }
    }
  }
  for (const same of groupBy(candidates, elementKind).values()) if (same.length >= REVIEWS_MIN) for (const e of same) items.add(e);
  if (!items.size || (container && insideAny(items, container))) return undefined;
  const drop = new Set<string>();
  const keep = new Set<string>();
  for (const b of blocks) (insideAny(items, b.el) ? drop : keep).add(b.text);
  const paragraphs = text.split("\n\n");
  const kept = paragraphs.filter((p) => !drop.has(p) || keep.has(p));
  const out = kept.join("\n\n");
  // Reviews and little else: the page is about them.
  return kept.length < paragraphs.length && out.length >= REVIEWS_LEAVE ? out : undefined;
}

const REVIEWS_MIN = 2;
const REVIEWS_LEAVE = 200;
const REVIEW_NAME = /(?:^|[\s_-])(?:reviews?|testimonials?)(?=$|[\s_-])/i;

function isReview(e: DomElement): boolean {
  if (!e.hasAttributes()) return false;
  if (/schema\.org\/Review$/i.test(e.getAttribute("itemtype") ?? "") || e.getAttribute("itemprop") === "review") return true;
  return REVIEW_NAME.test(e.getAttribute("class") ?? "");
}
