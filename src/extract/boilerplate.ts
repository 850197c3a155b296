/** Recognising boilerplate: navigation, cookie banners, newsletter boxes, share bars, related-story lists. */
import type { DomElement } from "./dom.js";

/** Tags whose whole subtree is never main content (image captions included: extraction benchmarks leave them out of the text). */
export const JUNK_TAGS = new Set(["NAV", "FOOTER", "ASIDE", "BUTTON", "SELECT", "TEXTAREA", "INPUT", "DIALOG", "MENU", "LABEL", "OPTION", "FIGCAPTION"]);

const JUNK_ROLES = /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar|tablist)$/i;

/** class/id words (whole words between - _ or spaces) that mark boilerplate boxes. */
const JUNK_WORDS = new RegExp(
  "(?:^|[\\s_-])(?:" +
    [
      "nav", "navbar", "navigation", "menu", "submenu", "breadcrumbs?", "footer", "sidebar", "widget", "widgets", "cookies?", "consent",
      "gdpr", "newsletter", "subscribe", "subscription", "signup", "share", "sharing", "sharebar", "social", "socials", "related",
      "recommended", "recommendations", "recirc", "popular", "trending", "promo", "promos", "advert", "advertisement", "ads?", "adslot",
      "adunit", "banner", "popup", "modal", "overlay", "paywall", "disqus", "pagination", "pager", "skip", "toolbar", "masthead",
      "outbrain", "taboola", "sponsored", "sponsor", "byline", "author-bio", "bio", "author-box", "authorbox", "author-info", "author-details",
      "author-description", "author-card", "author-profile", "about-author", "about-the-author", "saboxplugin-wrap",
      "authorbio", "author-about", "post-author", "entry-author", "author-wrap", "author-wrapper", "author-section", "author-block",
      "author-container", "tags", "tagcloud", "print", "rating", "sharethis",
      "addthis", "offcanvas", "off-canvas", "drawer", "sr-only", "screen-reader-text", "login",
      "wp-caption-text", "caption-text", "image-caption", "img-caption", "photo-caption", "media-caption", "figure-caption", "credit", "credits",
      "signature", "signaturecontainer", "cta", "more-stories", "read-more", "readmore", "most-read", "mostread", "further-reading", "comments?", "respond", "reply",
    ].join("|") +
    ")(?=$|[\\s_-])",
  "i",
);

/**
 * Site builders wrap every module of a page, content and furniture alike, in a box named a widget (HubSpot 'widget-span
 * widget-type-rich_text', 'hs_cos_wrapper_widget'; Elementor 'elementor-widget-container'; SiteOrigin 'panel-widget-style'):
 * that name says nothing of the box. Their content modules (Elementor text, headings, icon and image boxes, lists, accordions,
 * tabs…; SiteOrigin 'so-panel widget widget_text', 'so-widget-sow-editor') hold the page's own text; other modules stay
 * widgets ('elementor-widget-nav-menu').
 */
function withoutBuilderWidgets(cls: string): string {
  if (!cls.includes("widget") && !cls.includes("sidebar") && !cls.includes("hs_cos")) return cls;
  const c = cls.replace(MODULE_FRAME, " ");
  return TEXT_MODULE.test(c) ? c.replace(/(?:^|\s)\S*widget\S*/g, " ") : c;
}

const MODULE_FRAME = /(?:^|\s)(?:widget-span|widget-type-\S+|hs_cos_wrapper\S*|elementor-widget-container|panel-widget-style\S*|content-sidebar-wrap|(?:\S+-)?(?:has|with|no|without)-sidebar)(?=\s|$)/g;
const TEXT_MODULE = /(?:^|\s)(?:elementor-widget-(?:text-editor|heading|theme-post-content|icon-box|image-box|icon-list|accordion|toggle|tabs|testimonial|price-table|price-list|call-to-action|flip-box|animated-headline|blockquote)|widget_(?:text|sow-editor|custom_html)|so-widget-sow-editor)(?:\s|$)/;

/** Tags never treated as boilerplate because of their class (page wrappers often carry layout classes). */
const CLASS_EXEMPT = new Set(["HTML", "BODY", "MAIN", "ARTICLE"]);

/** Fields a reader fills in; an empty select (a code sample's language picker that scripts fill) is none. */
export const FORM_FIELDS = 'input:not([type="hidden"]), textarea, select option';

export function isHidden(el: DomElement): boolean {
  // A popover shows only when a reader opens it (a menu, a notice, a help card), as a hidden box does.
  if (el.hasAttribute("hidden") || el.hasAttribute("popover")) return true;
  if (el.getAttribute("aria-hidden") === "true") return true;
  const style = el.getAttribute("style");
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export interface JunkOptions {
  /** Keep comment threads (forum pages). */
  keepComments: boolean;
  /** Keys (itemKey) of the items a listing declares: a box classed as boilerplate that links to three or more of them holds its entries. */
  items?: ReadonlySet<string>;
}

/** An address reduced to its path, so a listing's declared items (absolute) and the page's links to them (often relative) compare equal. */
export function itemKey(href: string): string {
  try {
    return new URL(href, "http://page.invalid/").pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

/** Why an element is boilerplate by itself (tag, role, hidden, class/id), or undefined. */
export function junkReason(el: DomElement, tag: string, opts: JunkOptions): string | undefined {
  if (JUNK_TAGS.has(tag)) return tag.toLowerCase();
  if (!el.hasAttributes()) return undefined;
  const role = el.getAttribute("role");
  // A dialog declared non-modal is a panel of the page (some sites render whole sections as "sheets").
  if (role && JUNK_ROLES.test(role) && !(/dialog$/i.test(role) && el.getAttribute("aria-modal") === "false")) return `role=${role}`;
  if (isHidden(el) && !isClosedPanel(el, role)) return "hidden";
  if (CLASS_EXEMPT.has(tag)) return undefined;
  const id = el.getAttribute("id") ?? "";
  const cls = withoutBuilderWidgets(`${el.getAttribute("class") ?? ""} ${anchorSlug(id) ? "" : id}`);
  if (cls.length < 3) return undefined;
  const m = JUNK_WORDS.exec(cls);
  if (!m) return undefined;
  const word = m[0].replace(/^[\s_-]/, "").toLowerCase();
  if (opts.keepComments && /^(?:comments?|respond|reply)$/.test(word)) return undefined;
  return `class:${word}`;
}

/**
 * A tab panel or an accordion's folded section: hidden until a reader clicks its tab or heading, and then read as part of
 * the page (a product's specifications tab, a FAQ's answers, a docs page's other-language sample). Its class or id still
 * judges it (a menu folded away on small screens stays a menu).
 */
function isClosedPanel(el: DomElement, role: string | null): boolean {
  if (role !== "tabpanel" && !CLOSED_PANEL.test(`${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`)) return false;
  // A form's later steps fold away the same way: fields to fill are no reading.
  return !el.querySelector(FORM_FIELDS);
}

const CLOSED_PANEL = /tab-?pane|tab-?panel|tab-?content|accordion|collaps|expander|faq|toggle[_-]+(?:content|body)/i;

/** An id made of many words is an anchor spelled from a heading ("receive-and-reply-to-an-sms-section"): its words name the topic, not the box's role. */
function anchorSlug(id: string): boolean {
  return id.length > 20 && SLUG.test(id);
}

/** Six or more words joined by - or _. */
const SLUG = /^[-_]*[^-_]+(?:[-_]+[^-_]+){5}/;

/** Short paragraphs that are interface text rather than content. */
const BOILERPLATE_LINE = new RegExp(
  "^(?:" +
    [
      "advertisement", "advertisements?", "ad", "sponsored( content)?", "share( this( article| story| post)?)?( on \\w+)?", "tweet",
      "share on (facebook|twitter|linkedin|x)", "(read|see|view|show) (more|less|all|full( article)?)", "continue reading.*",
      "related( articles| stories| posts)?:?", "(sign up|subscribe)( now| today| for .{0,60})?[.!]?", "skip to (main )?content",
      "click here.*", "print( this)?( article)?", "email( this)?( article)?", "copy link", "comments?", "\\d+ comments?",
      "leave a (comment|reply)", "back to top", "loading\\.*", "cookie settings", "accept( all)?( cookies)?", "reject all",
      "we use cookies.*", "this (site|website) uses cookies.*", "listen to (this )?article.*", "follow us.*", "image( credit)?:.*",
      "photo:.*", "(photo|image) (by|courtesy|credit).*", "getty images", "reuters", "ap photo.*", "\\(ap\\)", "file photo",
      "top stories", "most (read|popular)", "trending( now)?", "you (may|might) also like:?", "recommended( for you)?:?",
      "more from .{0,60}", "join the conversation", "table of contents", "toggle", "close", "menu", "search", "home",
      "\\d+ min(ute)?s? read", "written by", "tags", "citations", "sign in", "\\d[\\d,.]*k? likes?", "\\d[\\d,.]*k? reviews?",
      "add to (cart|bag|basket|wishlist)", "filters?", "sort( by|:) ?.{0,30}", "loaded \\d+ results", "unit price",
    ].join("|") +
    ")$",
  "i",
);

/** An image caption: a short line ending in its credit, "… (Image: Getty)", "… Credit: ESA". */
const CAPTION_LINE = /(?:\((?:image|photo|picture|pic|credit|source)s?\s*:[^()]{1,60}\)|\b(?:credit|photo|image)s?\s*:\s*[^.:]{1,60})\s*\.?$/i;

export function isBoilerplateLine(text: string): boolean {
  if (text.length < 250 && CAPTION_LINE.test(text)) return true;
  return text.length < 120 && BOILERPLATE_LINE.test(text.replace(/[\s|›»:•·]+$/g, "").trim());
}

/**
 * Text meant for machines, never for readers: a run of identifiers (three or more UUIDs making up most of the line, as
 * shops print to foil scrapers) or a bare image address ("thumb: https://cdn.example/tee.jpg").
 */
export function isMachineText(text: string): boolean {
  if (IMAGE_ADDRESS.test(text)) return true;
  const ids = text.match(UUID);
  return !!ids && ids.length >= 3 && ids.join("").length > text.replace(/\s/g, "").length * 0.5;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const IMAGE_ADDRESS = /^(?:[\w-]+:\s*)?https?:\/\/\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$/i;
