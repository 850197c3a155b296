/**
 * What kind of page this is, from declared types (JSON-LD, og:type) first and page structure
 * second, so listings, forums and shops are labelled rather than forced into an article.
 */
import { rawAttribute, type DomDocument, type DomElement } from "./dom.js";
import { allElements, hasClass } from "./elements.js";
import type { Metadata } from "./metadata.js";
import type { PageType } from "./index.js";

const LD: [RegExp, PageType][] = [
  [/^(?:DiscussionForumPosting|QAPage|Question)$/, "forum"],
  [/^(?:Product|ProductGroup|IndividualProduct|Offer|AggregateOffer|SoftwareApplication|Course)$/, "product"],
  [/^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Article|Report|ScholarlyArticle|SatiricalArticle|MedicalScholarlyArticle)$/, "article"],
  [/^(?:TechArticle|APIReference|HowTo)$/, "documentation"],
  [/^(?:CollectionPage|SearchResultsPage|ItemList|Blog)$/, "listing"],
];

export interface BodyStats {
  /** Characters of running text (long, link-poor blocks) in the whole page. */
  prose: number;
  /** Characters inside links in link-heavy blocks. */
  linkText: number;
}

export function detectPageType(doc: DomDocument, md: Metadata, stats: BodyStats, url?: string): { type: PageType; strategy: string } {
  const declared = withoutFaq(md.jsonLdTypes);
  for (const [re, type] of LD) if (declared.some((t) => re.test(t))) return { type, strategy: `json-ld:${declared.find((t) => re.test(t))}` };
  const og = md.ogType?.toLowerCase();
  if (og === "product" || og === "og:product") return { type: "product", strategy: "og:type" };
  if (forumMarkup(doc, url)) return { type: "forum", strategy: "structure:posts" };
  if (allElements(doc).some(priceMarkup)) return { type: "product", strategy: "structure:price" };
  if (og === "article") return { type: "article", strategy: "og:type" };
  if (md.published && stats.prose > 1000) return { type: "article", strategy: "structure:dated-prose" };
  if (stats.linkText > stats.prose * 1.5 && stats.linkText > 1500) return { type: "listing", strategy: "structure:links" };
  if (url && /\/(?:docs?|documentation|manual|reference|api|guide|wiki)(?:\/|$)/i.test(safePath(url))) return { type: "documentation", strategy: "url" };
  if (stats.prose > 1500) return { type: "article", strategy: "structure:prose" };
  return { type: "unknown", strategy: "none" };
}

/**
 * A questions-and-answers page asks one question. Several Question objects, or a FAQPage, are a page's FAQ section
 * (shops, services and articles declare theirs for search engines): not what the page is.
 */
function withoutFaq(types: string[]): string[] {
  const questions = types.filter((t) => t === "Question").length;
  return questions > 1 || types.includes("FAQPage") ? types.filter((t) => t !== "Question" && t !== "Answer") : types;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

/** Forum software and Q&A sites repeat a post block per message. */
function forumMarkup(doc: DomDocument, url?: string): boolean {
  const posts = allElements(doc).filter(postMarkup).length;
  if (posts >= 3) return true;
  return !!url && /\/(?:forums?|threads?|topic|viewtopic|community|discuss(?:ion)?s?)(?:[/.?-]|$)/i.test(safePath(url)) && posts >= 1;
}

const POST_CLASSES = ["post-body", "postbody", "message-body", "topic-post", "answer", "forum-post"];

/** '[itemtype*="DiscussionForumPosting"], [itemtype*="schema.org/Answer"], .post-body, .postbody, .message-body, .topic-post, .answer, .forum-post' */
function postMarkup(el: DomElement): boolean {
  if (!el.hasAttributes()) return false;
  const itemtype = rawAttribute(el, "itemtype");
  if (itemtype.includes("DiscussionForumPosting") || itemtype.includes("schema.org/Answer")) return true;
  const cls = rawAttribute(el, "class");
  return !!cls && POST_CLASSES.some((c) => hasClass(cls, c));
}

/** '[itemprop="price"], [data-price], .add-to-cart, #add-to-cart, button[name="add-to-cart"]' */
function priceMarkup(el: DomElement): boolean {
  if (!el.hasAttributes()) return false;
  return (
    rawAttribute(el, "itemprop") === "price" ||
    el.hasAttribute("data-price") ||
    hasClass(rawAttribute(el, "class"), "add-to-cart") ||
    rawAttribute(el, "id") === "add-to-cart" ||
    (el.localName.toLowerCase() === "button" && rawAttribute(el, "name") === "add-to-cart")
  );
}
