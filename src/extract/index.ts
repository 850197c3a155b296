/** HTML article extraction: metadata, main text and page type from one saved web page. */

import type { DomDocument } from "./dom.js";
import { parseHTML } from "./parse.js";
import { lacksHtmlElement, oneBody, withHtmlElement, withUnclosedTagsMended } from "./mend.js";
import { extractMetadata } from "./metadata.js";
import { ownBody, readabilityBody, readsBoilerplate, blocksText } from "./body.js";
import { detectPageType } from "./pagetype.js";
import { isMachineText, itemKey } from "./boilerplate.js";
import { linkedItems, listingBody, productBody, forumPosts, withoutReviews } from "./typed.js";
import { guideByArticleBody } from "./guide.js";
import { htmlToText } from "./text.js";
import { findDates } from "./dates.js";
import { headerBlocks, shownDate, shownByline, byLine, firstDateLine, writtenBy, labelledAuthor, reviewedBy, authorBio, fullName } from "./shown.js";
import { cleanAuthor, groupByline, sharesWord } from "./metadata.js";
import type { Metadata } from "./metadata.js";
import type { Block } from "./body.js";
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
  let doc = parsePage(prestrip(html));
  const md = extractMetadata(doc, options.url);
  const bodyOptions = { title: md.title?.value, keepComments: false, keepLinkLists: false };
  let body = ownBody(doc, bodyOptions);
  // Pages rendered by scripts may put their whole text in noscript for crawlers (forum software does): read the page as a script-less browser shows it.
  if ((!body || body.text.length < 200) && noscriptText(html)) {
    const again = parsePage(prestrip(html, { noscript: "unwrap" }));
    const b = ownBody(again, bodyOptions);
    if (b && b.text.length > (body?.text.length ?? 0)) {
      doc = again;
      body = b;
    }
  }
  if (md.articleBody) body = guideByArticleBody(body, md.articleBody.includes("<") ? htmlToText(md.articleBody) : md.articleBody, bodyOptions) ?? body;
  const pageBlocks = body?.blocks;
  preferDisplayedDate(md, body?.blocks);
  preferHeaderDate(md, body?.blocks);
  if (body?.blocks) preferShownAuthor(md, body.blocks);
  if (!md.author && md.footerByline) md.author = { value: md.footerByline.value, strategy: md.footerByline.strategy };
  // twitter:data1 and links to an author's page often give the display name, a first name alone: the page may show the full name.
  if (md.author && body?.blocks && /^(?:meta:twitter:data1|byline:a\[href)/.test(md.author.strategy)) {
    const full = fullName(md.author.value, body.blocks);
    if (full) md.author = { value: full, strategy: `${md.author.strategy}+full` };
  }
  // A personal site is named after its owner ("Jane Doe", at janedoe.com or jane.blog.dev): with no author named anywhere, the owner wrote the piece.
  if (!md.author) {
    const owner = body && firstPerson(body.text) ? ownerName(md, options.url) : undefined;
    if (owner) md.author = { value: owner, strategy: "site:owner" };
  }
  const kind = detectPageType(doc, md, body?.stats ?? { prose: 0, linkText: 0 }, options.url);
  // A guess from the page's lines, made after the page type so it does not count as a declared date there.
  if (!md.published && body?.blocks) {
    const d = firstDateLine(body.blocks);
    if (d) md.published = { value: d, strategy: "shown:line" };
  }
  // Forum threads are their posts; listings are their links.
  if (kind.type === "forum") {
    body = ownBody(doc, { ...bodyOptions, keepComments: true }) ?? body;
    body = forumPosts(kind.type, body, bodyOptions) ?? body;
  }
  else if (kind.type === "listing") body = ownBody(doc, { ...bodyOptions, keepLinkLists: true, items: declaredItems(md.itemUrls) }) ?? body;
  // A box whose link lists outweigh its running text lists its items as links; an article whose summary the box misses is left to the second opinion below.
  const unsure = kind.type === "article" && !!md.description && !!body && describes(md.description, body.text) < 0.5;
  // og:type alone is no declaration (site plugins set it on every page); with an author or a publication date it is one.
  const declaredType = !/^(?:structure|none|url)/.test(kind.strategy) && (kind.strategy !== "og:type" || !!md.author || !!md.published);
  if (!unsure) body = linkedItems(doc, kind.type, body, bodyOptions, declaredType) ?? body;
  // Little text in the best box. Readability costs several times our own pass (most of all on large pages), so two
  // cheaper readings come first: the page's link lists taken as content (catalogues and indexes list their items as
  // links), and on a large page the whole page's non-boilerplate text (Readability's answer on such pages, shop
  // catalogues mostly, is near the whole page anyway, nav included).
  // A large page typed an article by its prose alone (a shop or landing page with a FAQ, a guide) gets no second opinion:
  // Readability takes up to 1.5 s on such pages, and its answer made 2 of 3 of them worse (wcxb 0692, 3028; 0698 better).
  const largeUndeclared = kind.strategy.startsWith("structure") && (pageBlocks?.length ?? 0) > LARGE_PAGE_BLOCKS;
  if ((!body || body.text.length < 200) && kind.type !== "listing") {
    const l = ownBody(doc, { ...bodyOptions, keepLinkLists: true });
    if (l && l.text.length >= 200) body = { ...l, strategy: "blocks:links" };
  }
  if (body?.blocks && body.text.length < 200 && body.blocks.length > LARGE_PAGE_BLOCKS) {
    const all = blocksText(body.blocks, { ...bodyOptions, keepLinkLists: true });
    if (all.length >= 200) body = { ...body, text: all, strategy: "blocks:page" };
  }
  if (!body || body.text.length < 200) {
    const r = readabilityBody(doc);
    if (r && r.text.length > (body?.text.length ?? 0) && !(r.text.length < SHORT_ANSWER && readsBoilerplate(r.text, pageBlocks))) body = r;
  } else if (kind.type === "article" && md.description && !largeUndeclared) {
    // The page's own summary is not in the text we picked: a second opinion from Readability, kept when it tells the page's story better.
    const fit = describes(md.description, body.text);
    const r = fit < 0.5 ? readabilityBody(doc) : undefined;
    if (r && r.text.length >= 200 && describes(md.description, r.text) >= fit + 0.3) body = { ...r, strategy: "readability:description" };
  }
  // A box holding a small part of the page's text, running text and link lists alike, is one part of a page made of many
  // (shops, indexes, landing pages), which its whole non-boilerplate text reads better. Not on forums, whose text around
  // the thread is the site's, nor on pages that declare themselves an article (type or marked article body): one story, whatever else the page holds.
  // og:type "article" alone is no declaration: site plugins set it on every page, services and indexes alike; with an author it is one.
  const declaredArticle = (kind.type === "article" && !kind.strategy.startsWith("structure") && (kind.strategy !== "og:type" || !!md.author)) || !!md.articleBody;
  if (body && pageBlocks && kind.type !== "forum" && !declaredArticle) {
    const prose = blocksText(pageBlocks, bodyOptions);
    if (body.text.length < prose.length * PART_OF_PROSE) {
      const all = blocksText(pageBlocks, { ...bodyOptions, keepLinkLists: true });
      if (body.text.length < all.length * PART_OF_PAGE && !doc.querySelector('[itemprop="articleBody"]')) {
        body = { ...body, text: blocksText(pageSpan(pageBlocks), { ...bodyOptions, keepLinkLists: true }), strategy: "blocks:page" };
      }
    }
  }
  body = productBody(doc, kind.type, body, pageBlocks, bodyOptions) ?? body;
  body = listingBody(kind.type, body, bodyOptions) ?? body;
  if (body) {
    const text = withoutReviews(kind.type, body.text, pageBlocks, body.container);
    if (text !== undefined) body = { ...body, text, strategy: `${body.strategy}-reviews` };
  }
  // Whatever the readings above missed, a page that shows text is not read as empty: its whole non-boilerplate text, link lists included.
  if (pageBlocks && (body?.text.length ?? 0) < LITTLE_TEXT) {
    const all = blocksText(pageBlocks, { ...bodyOptions, keepLinkLists: true });
    if (all.length > (body?.text.length ?? 0)) body = { ...body, text: all, strategy: "blocks:page-fallback" };
  }
  if (body?.text) body = { ...body, text: withoutMachineText(body.text) };
  const page: ExtractedPage = { text: body?.text ?? "", pageType: kind.type, strategies: { pageType: kind.strategy }, messages };
  for (const key of ["title", "author", "published", "modified", "canonicalUrl", "siteName", "lang", "image"] as const) {
    const c = md[key];
    if (c) {
      page[key] = c.value;
      page.strategies[key] = c.strategy;
    }
  }
  // Typographic single quotes in titles are written plainly, as people type them (and as indexes store them).
  if (page.title) page.title = demojibake(page.title).replace(/[‘’]/g, "'");
  if (body) page.strategies.text = body.strategy;
  if (!page.text) messages.push({ severity: "warning", ruleId: "no-main-text", reason: "no main text found in the page" });
  return page;
}

/** The keys of a listing's declared items; the page's home ('' once reduced) is no item. */
function declaredItems(urls: string[]): Set<string> | undefined {
  const keys = new Set(urls.map(itemKey).filter(Boolean));
  return keys.size ? keys : undefined;
}

function parsePage(raw: string): DomDocument {
  const html = withUnclosedTagsMended(raw);
  let doc = parseHTML(html).document as unknown as DomDocument;
  if (lacksHtmlElement(doc)) doc = parseHTML(withHtmlElement(html)).document as unknown as DomDocument;
  oneBody(doc);
  return doc;
}

/** The text without its paragraphs meant for machines (identifier runs, bare image addresses), once the reading is chosen: they still tell which box holds the page. */
function withoutMachineText(text: string): string {
  const paragraphs = text.split("\n\n");
  const kept = paragraphs.filter((p) => !isMachineText(p));
  return kept.length < paragraphs.length ? kept.join("\n\n") : text;
}

/**
 * Drops what is never content before parsing (scripts other than JSON-LD, styles, SVG, comments): parsing is the dominant cost. One pass over the page.
 * With `noscript: "unwrap"`, noscript boxes keep their content, as browsers without scripts show it.
 */
export function prestrip(html: string, options: { noscript?: "drop" | "unwrap" } = {}): string {
  const unwrap = options.noscript === "unwrap";
  const out: string[] = [];
  let kept = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(html); m; m = OPEN.exec(html)) {
    const at = m.index;
    let end: number;
    if (m[1]) {
      // A container whose content goes with it, up to its first closing tag; left alone when never closed.
      const name = m[1].toLowerCase();
      if (unwrap && name === "noscript") {
        // The closing tag stays behind; parsers ignore it.
        out.push(html.slice(kept, at));
        kept = at + m[0].length;
        continue;
      }
      const close = CLOSE[name];
      close.lastIndex = at + m[0].length;
      const c = close.exec(html);
      if (!c) continue;
      end = c.index + c[0].length;
      if (name === "script" && /ld\+json/i.test(m[2])) {
        OPEN.lastIndex = end;
        continue;
      }
    } else if (m[0] === "<!--") {
      const c = html.indexOf("-->", at + 4);
      if (c < 0) continue;
      end = c + 3;
    } else if (m[0] === "<![CDATA[") {
      // Outside SVG and MathML, HTML reads CDATA as a bogus comment ending at the first ">"; the parser would swallow the page up to "]]>".
      const c = html.indexOf(">", at + 9);
      if (c < 0) continue;
      end = c + 1;
    } else {
      end = at + m[0].length;
      if (/^<link\b/i.test(m[0]) && /canonical|alternate|author/i.test(m[0])) continue;
    }
    out.push(html.slice(kept, at));
    kept = end;
    OPEN.lastIndex = end;
  }
  if (!kept) return html;
  out.push(html.slice(kept));
  return out.join("");
}

const OPEN = /<(?:(script|style|svg|noscript|template)\b([^>]*)>|!--|!\[CDATA\[|(?:source|track|link)\b[^>]*>)/gi;
const CLOSE: Record<string, RegExp> = Object.fromEntries(["script", "style", "svg", "noscript", "template"].map((n) => [n, new RegExp(`<\\/${n}\\s*>`, "gi")]));

/** Whether some noscript box holds a page's worth of markup (not just a tracking pixel or a "turn on JavaScript" line). */
function noscriptText(html: string): boolean {
  const open = /<noscript\b[^>]*>/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const end = html.indexOf("</noscript", open.lastIndex);
    if (end < 0) return false;
    if (end - open.lastIndex >= 1000 && /<(?:p|div|article|li|h[1-6])\b/i.test(html.slice(open.lastIndex, end))) return true;
    open.lastIndex = end;
  }
  return false;
}

/**
 * The page read whole starts at its headline: what comes before it is the site's (menus, banners), unless it is
 * a good part of the page (a headline placed under the page's own content).
 */
function pageSpan(blocks: Block[]): Block[] {
  const h1 = blocks.findIndex((b) => !b.junk && b.tag === "H1");
  if (h1 <= 0) return blocks;
  let before = 0;
  let all = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].junk) continue;
    all += blocks[i].text.length;
    if (i < h1) before += blocks[i].text.length;
  }
  return before < all * BEFORE_HEADLINE ? blocks.slice(h1) : blocks;
}

/** Share of the page's text above its headline beyond which that text is read as content. */
const BEFORE_HEADLINE = 0.3;

/** Below this many characters a reading found little text. */
const LITTLE_TEXT = 200;

/** Blocks (paragraphs, list items, rows…) beyond which a page counts as large for the fallback policy. */
const LARGE_PAGE_BLOCKS = 300;
/**
 * A Readability answer this short, made of what our reading judged boilerplate, is a script-drawn page's footer or menus:
 * no text is better. Longer ones are kept: an article may sit wholly in boxes we misjudge.
 */
const SHORT_ANSWER = 600;

/** Below these shares of the page's non-boilerplate text (with and without link lists), the chosen box is only a part of the page. */
const PART_OF_PAGE = 0.6;
const PART_OF_PROSE = 0.7;

const DECLARED = /^(?:json-ld|meta:|microdata|time\[pubdate\])/;

/**
 * With no declared author, or a weak one (the site itself, an organisation, a group byline), an author the page shows:
 * a "By …" line by the headline, "Written by …" anywhere, or a name under a label line.
 */
function preferShownAuthor(md: Metadata, blocks: Block[]): void {
  const strong = md.author && !WEAK_AUTHOR.test(md.author.strategy);
  const declared = md.author && /^(?:json-ld|declared|meta:)/.test(md.author.strategy);
  if (strong && !declared) return;
  const header = headerBlocks(blocks, md.title?.value);
  // A "By …" line under the headline naming someone else beats an author only declared (an editor, the page's last reviser).
  if (md.author && strong) {
    const by = byLine(header, cleanAuthor);
    if (by && !sharesWord(by, md.author.value) && !groupByline(by)) md.author = { value: by, strategy: "shown:by>declared" };
    return;
  }
  const finders: [string, () => string | undefined][] = [
    ["shown:by", () => shownByline(header, cleanAuthor, blocks)],
    // A one-author blog signs under its masthead ("Lessons Learned" / "by Eric Ries").
    ["shown:masthead", () => (md.masthead ? shownByline(headerBlocks(blocks, md.masthead), cleanAuthor, blocks) : undefined)],
    ["shown:written-by", () => writtenBy(blocks, cleanAuthor)],
    ["shown:label", () => labelledAuthor(blocks, cleanAuthor)],
    // An author box is the last resort: a term defined under its own heading reads the same way.
    ["shown:bio", () => (md.author ? undefined : authorBio(blocks, cleanAuthor))],
    // A reviewer stands in for a site or an organisation, not for a team that signs its pieces.
    ["shown:reviewed-by", () => (md.author?.strategy.endsWith(":group") ? undefined : reviewedBy(header, cleanAuthor))],
  ];
  for (const [strategy, find] of finders) {
    const name = find();
    // A group byline gives way to a person only.
    if (!name || (md.author && (groupByline(name) || name.toLowerCase().startsWith(md.author.value.toLowerCase())))) continue;
    md.author = { value: name, strategy };
    return;
  }
}

const WEAK_AUTHOR = /:(?:site|org|group)$/;

const PERSON_NAME = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}$/u;

/** Text written in the first person singular ("I", "my") more than in the plural ("we", "our"): one person's voice. */
function firstPerson(text: string): boolean {
  const singular = text.match(/\b(?:I|my|me|I'm|I’m|I've|I’ve)\b/g)?.length ?? 0;
  const plural = text.match(/\b(?:we|our|us|we're|we’re)\b/gi)?.length ?? 0;
  return singular >= 3 && singular > plural;
}

/** The site's name after the headline in the title (else its declared name), or the footer's copyright holder, when it is a person's name that the site's host name spells. */
function ownerName(md: Metadata, url: string | undefined): string | undefined {
  let host: string;
  try {
    host = new URL(url ?? md.canonicalUrl?.value ?? "").hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return undefined;
  }
  const label = host.split(".")[0];
  const spells = (name: string | undefined, firstOnly: boolean) => {
    if (!name || !PERSON_NAME.test(name)) return false;
    const parts = name.toLowerCase().split(/\s+/);
    return label === parts.join("") || label === parts.join("-") || (firstOnly && label === parts[0]);
  };
  const siteName = md.titleSite ?? md.siteName?.value;
  // A company's copyright line ("© 2025 Apple Inc") shares its first word with the host: the whole name must be spelt.
  return spells(siteName, true) ? siteName : spells(md.copyrightHolder, false) ? md.copyrightHolder : undefined;
}

/** A date shown beside the headline is the one readers take as the article's; declared dates lose to it unless it shows them too. */
function preferHeaderDate(md: Metadata, blocks: Block[] | undefined): void {
  if (!blocks) return;
  const shown = shownDate(headerBlocks(blocks, md.title?.value));
  if (!shown || (md.published && (shown.all.has(md.published.value) || shown.updated))) return;
  // The shown date is the declared modification date: the page shows when it was updated, and the declared publication date stands.
  if (md.published && md.modified && shown.date === md.modified.value && md.published.value < md.modified.value && DECLARED.test(md.published.strategy)) return;
  md.published = { value: shown.date, strategy: shown.updated ? "shown:updated" : "shown" };
}

/**
 * Readers see one date on a page; when the declared publication date is nowhere on the page but
 * the declared modification date is shown ("Updated …"), the page's date is the one shown.
 */
function preferDisplayedDate(md: Metadata, blocks: Block[] | undefined): void {
  if (!blocks || !md.modified || !md.published || md.modified.value === md.published.value) return;
  if (!md.published.strategy.startsWith("json-ld")) return;
  const shown = new Set<string>();
  for (const b of blocks) {
    if (b.text.length > 300 || !/\d/.test(b.text)) continue;
    for (const d of findDates(b.text)) shown.add(d.date);
  }
  if (!shown.has(md.published.value) && shown.has(md.modified.value)) md.published = { value: md.modified.value, strategy: `${md.modified.strategy}+displayed` };
}

/** Share of a summary's words (3+ letters) found in a text; 1 when the summary is too short to judge. */
function describes(summary: string, text: string): number {
  const words = summary.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  if (words.length < 8) return 1;
  const have = new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
  return words.filter((w) => have.has(w)).length / words.length;
}

/** Repairs UTF-8 read as Latin-1 ("Investorâ\u0080\u0099s" → "Investor’s"), as found in titles of mis-declared pages. */
export function demojibake(s: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(s) || /[^\u0000-\u00ff]/.test(s)) return s;
  const fixed = Buffer.from(s, "latin1").toString("utf8");
  return fixed.includes("\ufffd") ? s : fixed;
}
