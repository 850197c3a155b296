/**
 * Page metadata: JSON-LD (NewsArticle and friends), OpenGraph and <meta> tags, microdata, <time> and
 * visible bylines. Runs on the untouched document, before Readability mutates it.
 */
import { rawAttribute, type DomDocument, type DomElement } from "./dom.js";
import { normalizeDate, findDates, dateFromUrl } from "./dates.js";
import { elementsByTag, byItemprop } from "./elements.js";
import { nodeToText } from "./text.js";

export interface Candidate {
  value: string;
  strategy: string;
}

export interface Metadata {
  title?: Candidate;
  author?: Candidate;
  published?: Candidate;
  modified?: Candidate;
  canonicalUrl?: Candidate;
  siteName?: Candidate;
  lang?: Candidate;
  image?: Candidate;
  description?: string;
  /** Every title seen, for matching an <h1> against. */
  titleHints: string[];
  /** JSON-LD @type values seen on the page, for page-type detection. */
  jsonLdTypes: string[];
  ogType?: string;
  /** A byline in the article's footer or an aside, for when the page names its author nowhere else (read before the body pass mutates the page). */
  footerByline?: Candidate;
  /** Full article text from JSON-LD articleBody, when a page carries one. */
  articleBody?: string;
  /** The site a page's <title> names after its headline ("Headline | Acme"). */
  titleSite?: string;
  /** The site's name in an <h1> linking to its home page, a blog's masthead. */
  masthead?: string;
  /** Who a footer's copyright line names ("© 2025 Jane Doe. All rights reserved."). */
  copyrightHolder?: string;
  /** The addresses of the items a JSON-LD ItemList declares (a listing's entries). */
  itemUrls: string[];
}

type Json = unknown;
type JsonObj = Record<string, Json>;

const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|Blog|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|AdvertiserContentArticle|SatiricalArticle|ScholarlyArticle|TechArticle|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|MedicalWebPage|Recipe|Review|HowTo|VideoObject|Posting|CreativeWork|Answer|Question|QAPage|PodcastEpisode|Event)$/;
const PAGE_TYPES = /^(?:WebPage|ItemPage|AboutPage|FAQPage|CollectionPage|ContactPage|ProfilePage|SearchResultsPage)$/;

export function clean(s: string | null | undefined): string {
  return (s ?? "").replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp|#039);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l[0] === "#") return String.fromCodePoint(l[1] === "x" ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " } as Record<string, string>)[l] ?? _;
  });
}

const LD_JSON_TYPES = ["application/ld+json", "application/ld+json; charset=utf-8"];

/** All JSON-LD objects of a page, with @graph and arrays flattened. */
export function jsonLdObjects(doc: DomDocument): JsonObj[] {
  const out: JsonObj[] = [];
  for (const script of elementsByTag(doc, "script").filter((s) => LD_JSON_TYPES.includes(rawAttribute(s, "type")))) {
    const raw = (script.textContent ?? "").replace(/^\s*(?:<!\[CDATA\[|\/\/<!\[CDATA\[)/, "").replace(/(?:\]\]>|\/\/\]\]>)\s*$/, "").trim();
    if (!raw) continue;
    let value: Json;
    try {
      value = JSON.parse(raw);
    } catch {
      try {
        value = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, " ").replace(/;\s*$/, ""));
      } catch {
        continue;
      }
    }
    const visit = (v: Json, depth: number) => {
      if (depth > 4 || v === null || typeof v !== "object") return;
      if (Array.isArray(v)) {
        for (const x of v) visit(x, depth + 1);
        return;
      }
      const o = v as JsonObj;
      out.push(o);
      if (o["@graph"]) visit(o["@graph"], depth + 1);
      if (o.mainEntity && typeof o.mainEntity === "object") visit(o.mainEntity, depth + 1);
    };
    visit(value, 0);
  }
  return out;
}

/** The url of each ListItem (its own, or its item's), or each bare url, of an itemListElement. */
function listItemUrls(v: Json): string[] {
  const urls: string[] = [];
  for (const e of Array.isArray(v) ? v : [v]) {
    if (typeof e === "string") urls.push(e);
    else if (e && typeof e === "object") {
      const o = e as JsonObj;
      const item = o.item && typeof o.item === "object" ? (o.item as JsonObj) : undefined;
      const url = str(o.url) ?? (typeof o.item === "string" ? o.item : undefined) ?? str(item?.url) ?? str(item?.["@id"]);
      if (url) urls.push(url);
    }
  }
  return urls;
}

function types(o: JsonObj): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string").map((x) => x.replace(/^https?:\/\/schema\.org\//, ""));
}

function str(v: Json): string | undefined {
  if (typeof v === "string") return clean(decodeEntities(v)) || undefined;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === "object") return str((v as JsonObj)["@value"]);
  return undefined;
}

const URLISH = /^(?:https?:)?\/\/|^www\.|\.(?:com|org|net)\b/i;

/** Author names from a JSON-LD author value (string, Person, or array of either). */
function jsonLdAuthors(v: Json, byId: Map<string, JsonObj>): string[] {
  const list = Array.isArray(v) ? v : [v];
  const names: string[] = [];
  for (let a of list) {
    let name: string | undefined;
    // {"@id": …} points at a Person elsewhere in the graph.
    if (a && typeof a === "object" && !(a as JsonObj).name && typeof (a as JsonObj)["@id"] === "string") a = byId.get((a as JsonObj)["@id"] as string) ?? a;
    if (typeof a === "string") name = clean(decodeEntities(a));
    else if (a && typeof a === "object") name = str((a as JsonObj).name) ?? [str((a as JsonObj).givenName), str((a as JsonObj).familyName)].filter(Boolean).join(" ");
    if (name && !URLISH.test(name) && name.length < 80) names.push(name);
  }
  return [...new Set(names)];
}

/** A house byline that names a group, not a person: "Acme Staff", "The Acme Team", "Our Editors", "News Desk". */
export function groupByline(name: string): boolean {
  return /^(?:the\s+|our\s+)?(?:\S+\s+){0,3}(?:staff|team|editors|editorial|desk|newsroom)$/i.test(name) || /^team\s+\S+(?:\s+\S+)?$/i.test(name);
}

/** True when the JSON-LD author is declared as a Person. */
function ldPerson(o: JsonObj | undefined): boolean {
  const a = o?.author;
  const first = Array.isArray(a) ? a[0] : a;
  return !!first && typeof first === "object" && types(first as JsonObj).includes("Person");
}

/** True when the JSON-LD author is declared as an Organization (a company, a publisher). */
function ldOrganization(o: JsonObj | undefined, byId: Map<string, JsonObj>): boolean {
  const a = o?.author;
  let first = Array.isArray(a) ? a[0] : a;
  if (first && typeof first === "object" && typeof (first as JsonObj)["@id"] === "string") first = byId.get((first as JsonObj)["@id"] as string) ?? first;
  return !!first && typeof first === "object" && types(first as JsonObj).some((t) => /Organization$|^Corporation$|^NewsMediaOrganization$/.test(t));
}

/**
 * A meta author that lists several people, written as the page writes it, when it names everyone found and is
 * confirmed: several names found, or twitter:data1 gives the same list.
 */
function authorList(metaValue: string, found: string, tw1?: string): string | undefined {
  const parts = metaValue.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean);
  const names = found.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean);
  if (parts.length < 2 || metaValue.length > 300 || metaValue === found) return undefined;
  if (!parts.every((p) => /^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){1,4}$/u.test(p)) || !names.every((n) => parts.includes(n))) return undefined;
  return names.length >= 2 || tw1 === metaValue ? metaValue : undefined;
}

export function sharesWord(a: string, b: string): boolean {
  const wb = words(b);
  for (const w of words(a)) if (wb.has(w)) return true;
  return false;
}

/** Affiliation marks after an author's name in a paper's byline: "Jennifer Huberty 1", "Jeni Green 1,2". */
const AFFILIATION = /\s+\d{1,2}(?:\s*,\s*\d{1,2})*\*?$/;

/** "Roy, Aniruddha" (library order) becomes "Aniruddha Roy". */
export function invertName(name: string): string {
  const m = /^([\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+)?),\s+([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,2})$/u.exec(name);
  return m ? `${m[2]} ${m[1]}` : name;
}

/** "A B, C D" written as a list of people becomes "A B and C D"; "Jane Doe, MD" stays as it is. */
function namesList(raw: string): string {
  const parts = raw.split(/\s*,\s*|\s+and\s+/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => p.split(/\s+/).length >= 2) ? joinNames(parts) : raw;
}

/** Joins names as people write them: "A", "A and B", "A, B, and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
}

function meta(doc: DomDocument, index: Map<string, string>, ...keys: string[]): Candidate | undefined {
  for (const k of keys) {
    const v = index.get(k.toLowerCase());
    if (v) return { value: v, strategy: `meta:${k}` };
  }
  return undefined;
}

/** <meta name|property|itemprop=…> values, first occurrence wins. */
function metaIndex(doc: DomDocument): { index: Map<string, string>; citationAuthors: string[] } {
  const index = new Map<string, string>();
  const citationAuthors: string[] = [];
  for (const m of elementsByTag(doc, "meta")) {
    const key = (m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop") ?? m.getAttribute("http-equiv") ?? "").trim().toLowerCase();
    const content = clean(decodeEntities(m.getAttribute("content") ?? ""));
    if ((key === "citation_author" || key === "citation_authors") && content) citationAuthors.push(invertName(content));
    if (key && content && !index.has(key)) index.set(key, content);
  }
  return { index, citationAuthors };
}

const DATE_META_PUBLISHED = [
  "article:published_time", "og:article:published_time", "article:published", "datePublished", "og:published_time", "published_time",
  "article.published", "parsely-pub-date", "sailthru.date", "publish-date", "publish_date", "publishdate", "pubdate", "date",
  "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "citation_publication_date",
  "citation_date", "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime", "release_date", "displaydate",
  "og:pubdate", "timestamp", "uploaddate", "published-date", "date-published", "publication_date", "publication-date", "publish-time",
  "published_at", "article:published_date",
];
const PUBLISH_KEY = /publish|pubdate|date[-_.]?creat|creat\w*[-_.]?date/;
const DATE_META_MODIFIED = ["article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified", "article.updated", "dc.date.modified", "modified-date", "date-modified", "updated-date"];

export function extractMetadata(doc: DomDocument, url?: string): Metadata {
  const md: Metadata = { titleHints: [], jsonLdTypes: [], itemUrls: [] };
  const { index: metas, citationAuthors } = metaIndex(doc);
  const ld = jsonLdObjects(doc);
  const byId = new Map<string, JsonObj>();
  for (const o of ld) if (typeof o["@id"] === "string" && o.name) byId.set(o["@id"], o);

  // --- JSON-LD -------------------------------------------------------------------------------
  let ldArticle: JsonObj | undefined;
  let ldPage: JsonObj | undefined;
  for (const o of ld) {
    const t = types(o);
    md.jsonLdTypes.push(...t);
    if (!ldArticle && t.some((x) => ARTICLE_TYPES.test(x) && x !== "CreativeWork") && (o.headline || o.datePublished || o.author || o.articleBody)) ldArticle = o;
    if (!ldPage && t.some((x) => PAGE_TYPES.test(x))) ldPage = o;
    if (t.includes("ItemList")) md.itemUrls.push(...listItemUrls(o.itemListElement));
  }
  const ldMain = ldArticle ?? ldPage;
  const ldTitle = ldArticle ? str(ldArticle.headline) ?? str(ldArticle.name) : undefined;
  if (ldTitle) md.titleHints.push(ldTitle);
  if (ldArticle && typeof ldArticle.articleBody === "string") md.articleBody = ldArticle.articleBody;

  // --- title ---------------------------------------------------------------------------------
  const og = metas.get("og:title");
  const tw = metas.get("twitter:title");
  const docTitle = clean(elementsByTag(doc, "title")[0]?.textContent);
  for (const t of [og, tw, docTitle, metas.get("title"), metas.get("headline")]) if (t) md.titleHints.push(t);
  const site = metas.get("og:site_name");
  const masthead = (md.masthead = homeLinkHeading(doc, url));
  const h1 = pickHeading(doc, md.titleHints, site, masthead, url ?? metas.get("og:url"));
  // A heading that repeats the document title word for word carries its " | Section | Site" parts too.
  const h1Value = h1 && (h1 === docTitle || h1 === og) ? stripSiteName(h1, site) : h1 && stripSiteSuffix(h1, site);
  if (h1Value) md.title = { value: withCountOrYear(titleCase(withoutDateline(halfwidth(declaredForm(h1Value, md.titleHints, site)), md.titleHints), md.titleHints, site), docTitle, og, site), strategy: "h1" };
  else if (ldTitle) md.title = { value: untruncated(ldTitle, [og, tw, docTitle], site), strategy: "json-ld" };
  else if (og) md.title = { value: stripSiteName(og, site), strategy: "og:title" };
  else if (tw) md.title = { value: stripSiteName(tw, site), strategy: "twitter:title" };
  else if (docTitle) md.title = { value: stripSiteName(withoutMasthead(docTitle, masthead), site), strategy: "title" };
  if (md.title) md.title.value = headlinePart(md.title.value);
  md.titleSite = titleSuffix(docTitle, md.title?.value);

  // --- author --------------------------------------------------------------------------------
  const ldAuthors = ldMain ? jsonLdAuthors(ldMain.author ?? ldMain.creator, byId) : [];
  const bylineBoxes = bylineCandidates(doc);
  const visible = visibleByline(bylineBoxes);
  const siteLower = (site ?? "").toLowerCase();
  const metaAuthor = meta(doc, metas, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "citation_author", "byl", "twitter:creator");
  const metaName = metaAuthor ? cleanAuthor(metaAuthor.value) : undefined;
  // A declared author may be the site itself (a personal blog, a company blog) or a user name.
  // Papers list every author in a citation_author tag of its own.
  const usableMeta = metaName && !metaName.startsWith("@") ? (metaAuthor!.strategy === "meta:citation_author" ? citationAuthors.join(", ") : metaName) : undefined;
  const ldJoined = ldAuthors.length ? joinNames(ldAuthors) : undefined;
  // A person the page declares twice over (JSON-LD Person, or meta author confirmed by JSON-LD or twitter:data1) beats a
  // byline box naming someone else entirely: such boxes are often a reviewer, an editor or a photo credit.
  const tw1 = /^(?:written by|author)$/i.test(metas.get("twitter:label1") ?? "") ? metas.get("twitter:data1") : undefined;
  const personLike = (n: string) => /^\p{Lu}[\p{L}'’.-]*\s+\p{L}/u.test(n);
  const declaredPerson =
    ldJoined && personLike(ldJoined) && ldPerson(ldMain) && ldJoined.toLowerCase() !== siteLower ? ldJoined
    : usableMeta && personLike(usableMeta) && usableMeta.toLowerCase() !== siteLower && (usableMeta === ldJoined || usableMeta === tw1) ? usableMeta
    : undefined;
  // A visible byline is what readers see; declared names win when the byline shows them (it then often adds roles or dates),
  // or when the byline box links only the first of several declared authors.
  if (visible && ldJoined && visible.value !== ldJoined && !visible.strategy.endsWith("+list") && (ldAuthors.every((a) => visible.raw.includes(a)) || (ldAuthors.length > 1 && ldAuthors[0] === visible.value)))
    md.author = { value: ldJoined, strategy: "json-ld+byline" };
  else if (visible && declaredPerson && !sharesWord(visible.value, declaredPerson)) md.author = { value: declaredPerson, strategy: "declared" };
  else if (visible) md.author = { value: visible.value, strategy: visible.strategy };
  else if (ldJoined && (ldJoined.toLowerCase() !== siteLower || ldPerson(ldMain))) md.author = { value: ldJoined, strategy: "json-ld" };
  else if (usableMeta) md.author = { value: usableMeta, strategy: metaAuthor!.strategy };
  else if (ldJoined) md.author = { value: ldJoined, strategy: "json-ld" };
  else if (tw1) md.author = { value: namesList(tw1), strategy: "meta:twitter:data1" };
  // A group byline ("Acme Staff", "The Acme Team") is the house name: a person the page names elsewhere wrote the piece.
  if (md.author && groupByline(md.author.value)) {
    const person = [declaredPerson, usableMeta, ldPerson(ldMain) ? ldJoined : undefined, tw1, visible?.value].find((n) => n && personLike(n) && !groupByline(n) && n.toLowerCase() !== siteLower);
    if (person) md.author = { value: person, strategy: `${md.author.strategy}:person` };
    else md.author.strategy += ":group";
  }
  // A byline with affiliation marks ("Jennifer Huberty 1") heads a paper's author list: the paper declares every author in citation tags.
  if (md.author && AFFILIATION.test(md.author.value) && citationAuthors.length >= 2 && md.author.value.replace(AFFILIATION, "") === citationAuthors[0])
    md.author = { value: citationAuthors.join(", "), strategy: `${md.author.strategy}+citation` };
  if (md.author && metaAuthor) {
    const list = authorList(metaAuthor.value, md.author.value, tw1);
    if (list) md.author = { value: list, strategy: `${md.author.strategy}+meta` };
  }
  if (!md.author) md.footerByline = visibleByline(bylineBoxes, true);
  // A declared author that is the site's own name is a weak answer: a byline shown on the page may name the person.
  if (md.author && siteLower && md.author.value.toLowerCase() === siteLower) md.author.strategy += ":site";
  // So is an organisation declared as the author: the page may name the person who wrote the piece.
  else if (md.author?.strategy === "json-ld" && ldOrganization(ldMain, byId)) md.author.strategy += ":org";

  // --- dates ---------------------------------------------------------------------------------
  const ldPublished = ldMain ? normalizeDate(str(ldMain.datePublished) ?? str(ldMain.dateCreated) ?? str(ldMain.uploadDate)) : undefined;
  const ldModified = ldMain ? normalizeDate(str(ldMain.dateModified)) : undefined;
  if (ldPublished) md.published = { value: ldPublished, strategy: "json-ld" };
  if (!md.published) {
    for (const k of DATE_META_PUBLISHED) {
      const d = normalizeDate(metas.get(k.toLowerCase()));
      if (d) {
        md.published = { value: d, strategy: `meta:${k}` };
        break;
      }
    }
  }
  if (!md.published) {
    // Less common names: "published", "w-published-date", "date-publication"…
    for (const [k, v] of metas) {
      if (!PUBLISH_KEY.test(k) || /modif|updat/.test(k)) continue;
      const d = normalizeDate(v);
      if (d) {
        md.published = { value: d, strategy: `meta:${k}` };
        break;
      }
    }
  }
  if (!md.published) md.published = microdataDate(doc);
  // A permalink's date is the publication date; dates shown on the page may be updates.
  if (!md.published) {
    const d = dateFromUrl(url ?? metas.get("og:url"));
    if (d) md.published = { value: d, strategy: "url" };
  }
  if (!md.published) {
    const boxes = dateBoxes(doc);
    md.published = timeElementDate(doc) ?? visibleDate(boxes) ?? timeElementDate(doc, true) ?? visibleDate(boxes, true);
  }
  if (ldModified) md.modified = { value: ldModified, strategy: "json-ld" };
  else {
    for (const k of DATE_META_MODIFIED) {
      const d = normalizeDate(metas.get(k.toLowerCase()));
      if (d) {
        md.modified = { value: d, strategy: `meta:${k}` };
        break;
      }
    }
  }

  // The only date a page declares is its date.
  if (!md.published && md.modified) md.published = { value: md.modified.value, strategy: `${md.modified.strategy}:only` };

  // --- the rest ------------------------------------------------------------------------------
  const canonicalLink = elementsByTag(doc, "link").find((l) => rawAttribute(l, "rel") === "canonical");
  const canonical = canonicalLink?.getAttribute("href") ?? metas.get("og:url");
  if (canonical) md.canonicalUrl = { value: absolute(canonical, url), strategy: canonicalLink ? "link:canonical" : "og:url" };
  const siteName = site ?? (ldArticle?.publisher ? str((ldArticle.publisher as JsonObj).name) : undefined) ?? metas.get("application-name");
  if (siteName) md.siteName = { value: siteName, strategy: site ? "og:site_name" : "json-ld" };
  const lang = doc.documentElement?.getAttribute("lang") ?? metas.get("og:locale") ?? metas.get("content-language");
  if (lang) md.lang = { value: lang.replace(/_/g, "-"), strategy: "html:lang" };
  const image = metas.get("og:image") ?? metas.get("twitter:image");
  if (image) md.image = { value: absolute(image, url), strategy: "og:image" };
  md.copyrightHolder = copyrightHolder(doc);
  md.ogType = metas.get("og:type");
  md.description = metas.get("og:description") ?? metas.get("description");
  return md;
}

/** "© 2025 Jane Doe", "Copyright © 2019-2025 Jane Doe": the name after the mark and the years, up to a full stop or the line's end. */
const COPYRIGHT_LINE = /(?:©|&copy;|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,2})(?=\s*(?:[.,|]|$|all rights))/iu;

function copyrightHolder(doc: DomDocument): string | undefined {
  for (const footer of elementsByTag(doc, "footer")) {
    const m = COPYRIGHT_LINE.exec(clean(footer.textContent));
    if (m) return m[1];
  }
  return undefined;
}

function absolute(href: string, base?: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** A JSON-LD headline cut off mid-sentence ("… (Including") that a declared title carries in full. */
function untruncated(headline: string, titles: (string | undefined)[], site?: string): string {
  for (const t of titles) {
    if (t && t.length > headline.length && t.startsWith(headline) && RUNS_ON.test(t.slice(headline.length))) return stripSiteName(t, site);
  }
  return headline;
}

/** What follows a cut-off headline: more words, not a " | Site" or " - Site" suffix. */
const RUNS_ON = /^\s?[\p{L}\p{N}(]/u;

/** A title that goes on after " | " with a section, a site or a tagline: the first part is the headline, unless it is a mere label ("News | …"). */
function headlinePart(title: string): string {
  const at = title.indexOf(" | ");
  return at > 0 && title.slice(0, at).split(" ").length >= 3 ? title.slice(0, at) : title;
}

/** The site named after the headline in a <title>: "Headline | Acme" and "Headline – Acme" give "Acme" when the headline is the page's title. */
function titleSuffix(docTitle: string, title: string | undefined): string | undefined {
  const m = /^(.*\S)\s+[|–—-]\s+([^|–—]{2,40})$/.exec(docTitle);
  if (!m || !title || similarity(m[1], title) < 0.8) return undefined;
  return m[2].trim();
}

/** A site's domain name as a part of a title ("Example.com"). */
const DOMAIN_NAME = String.raw`(?:www\.)?[\w-]+\.(?:com|org|net|co\.uk|io|co)`;
const DOMAIN = new RegExp(`^${DOMAIN_NAME}$`, "i");
const LAST_PART_DOMAIN = new RegExp(String.raw`^(.*\S)\s+[|–—·•»-]\s+(${DOMAIN_NAME})$`, "i");

/** Drops a " | Site" or " - Site" suffix (or prefix) from a title. */
export function stripSiteName(title: string, site?: string): string {
  const parts = title.split(/\s+[|–—·•»:-]\s+/);
  if (parts.length < 2) return title;
  if (site) {
    const s = site.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== s);
    if (kept.length < parts.length && kept.length) return kept.join(" - ");
  }
  // A last part that is a domain name ("| Example.com") names the site.
  const dm = LAST_PART_DOMAIN.exec(title);
  if (dm) return dm[1];
  // Leading parts that name the site by its domain ("Acme! Reviews | AcmeReviews.com - Headline").
  const domainAt = parts.findIndex((p) => DOMAIN.test(p));
  if (domainAt >= 0 && domainAt < parts.length - 1) {
    const label = parts[domainAt].toLowerCase().replace(/^www\./, "").split(".")[0].replace(/[^a-z0-9]/g, "");
    const named = (p: string) => DOMAIN.test(p) || p.toLowerCase().replace(/[^a-z0-9]/g, "") === label;
    if (parts.slice(0, domainAt).every(named)) return parts.slice(domainAt + 1).join(" - ");
  }
  // Without a known site name, drop a short last part after | or -.
  const m = /^(.*\S)\s+[|–—·•»-]\s+([^|–—·•»-]{1,30})$/.exec(title);
  if (m && m[1].split(/\s+/).length >= 3) return m[1];
  return title;
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** A text's words less the function words ("to", "in", "the"), which any two titles share without resembling each other. */
function contentWords(s: string): Set<string> {
  const all = words(s);
  for (const w of FUNCTION_WORDS) all.delete(w);
  return all;
}

const FUNCTION_WORDS = ["a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "at", "by", "from", "as", "is", "are", "be", "your", "you", "our", "we", "my", "i", "it", "its"];

/** Whether most words of `a` occur in one of `texts`. */
function mostWordsIn(a: string, texts: string[]): boolean {
  const wa = words(a);
  return texts.some((t) => {
    const wt = words(t);
    let n = 0;
    for (const w of wa) if (wt.has(w)) n++;
    return n * 2 > wa.size;
  });
}

export function similarity(a: string, b: string, wordsOf: (s: string) => Set<string> = words): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (!wa.size || !wb.size) return 0;
  let n = 0;
  for (const w of wa) if (wb.has(w)) n++;
  return n / Math.max(wa.size, wb.size);
}

/**
 * A heading's text. Block children (a dateline, a subtitle on its own line) are separate lines: the
 * line that is the declared title wins when there is one, else the lines are joined with spaces.
 */
function headingText(h: DomElement, hints: string[]): string {
  const lines = spacedLines(h).map((l) => l.replace(/^title:\s*/i, ""));
  if (lines.length < 2) return clean(nodeToText(h)).replace(/^title:\s*/i, "");
  // A line that a declared title opens with, before a " | Site" part the heading does not show, is the headline under a kicker line.
  const opens = (line: string, declared: string) => {
    const after = SEPARATOR_NEXT.exec(declared.slice(line.length));
    return declared.startsWith(line) && after && !lines.some((o) => declared.startsWith(o, line.length + after[0].length));
  };
  const opening = lines.find((l) => hints.some((d) => opens(l, d)));
  if (opening) return opening;
  const whole = lines.join(" ");
  const score = (t: string) => Math.max(0, ...hints.map((x) => similarity(t, x)));
  let best = whole;
  let bestScore = score(whole);
  for (const l of lines) {
    const s = score(l);
    if (s > bestScore + 0.05 && s >= 0.8) {
      best = l;
      bestScore = s;
    }
  }
  return best;
}

const SEPARATOR_NEXT = /^\s+[|–—·•»-]\s/;

/** The declared title a heading stands for when the heading only adds a label or a credit to it, or has its punctuation damaged. */
function declaredForm(heading: string, hints: string[], site?: string): string {
  const declared = hints.map((h) => stripSiteName(h, site));
  return redashed(undamaged(withoutSourceCredit(withoutKicker(heading, declared), declared), declared), declared, hints);
}

/**
 * A heading that differs from a declared title only in its dashes, where the declared title has a separator the heading lost
 * ("not. Defining" / "not. - Defining") or a dash typed as "--": the declared title. A dash only typeset (" - " as " – ") is the
 * heading's to keep, and a declared title rejoined after dropping a site name does not count.
 */
function redashed(title: string, declared: string[], hints: string[]): string {
  const key = withoutDashes(title);
  const typeset = plainDashes(title);
  for (const cand of declared) {
    if (cand !== title && withoutDashes(cand) === key && plainDashes(cand) !== typeset && hints.some((h) => h.includes(cand))) return cand;
  }
  return title;
}

function withoutDashes(s: string): string {
  return s.replace(/[\s\-–—]+/g, "");
}

function plainDashes(s: string): string {
  return s.replace(/[–—]/g, "-");
}

/**
 * A heading without the list count or the year that the document title and og:title both give it ("Recent Trends in Photography" /
 * "8 Recent Trends in Photography", "… for Seniors" / "… for Seniors in 2025"): the declared title is the whole headline.
 */
function withCountOrYear(title: string, docTitle: string, og: string | undefined, site?: string): string {
  if (!og || !docTitle) return title;
  const declared = stripSiteName(og, site);
  if (declared !== stripSiteName(docTitle, site) || declared.length <= title.length) return title;
  if (declared.endsWith(title) && /^\d{1,3} $/.test(declared.slice(0, -title.length))) return declared;
  if (declared.startsWith(title) && /^ (?:in |\()?(?:19|20)\d\d\)?$/.test(declared.slice(title.length))) return declared;
  return title;
}

/** A heading that puts a one-word section label before the declared title ("Blog: Best Agencies of 2025"): the declared title. */
function withoutKicker(title: string, declared: string[]): string {
  const m = /^\p{L}+:\s+(.+)$/u.exec(title);
  return m && declared.includes(m[1]) ? m[1] : title;
}

/** A heading that goes on after the declared title with the source's domain and a comment count ("… Jobs (latimes.com) 87"): the declared title. */
function withoutSourceCredit(title: string, declared: string[]): string {
  for (const cand of declared) {
    if (cand.length < title.length && title.startsWith(cand) && SOURCE_CREDIT.test(title.slice(cand.length))) return cand;
  }
  return title;
}

const SOURCE_CREDIT = /^\s*\((?:www\.)?[\w-]+(?:\.[\w-]+)+\)(?:\s+\d+)?$/;

/** A heading whose punctuation a wrong encoding turned into "?" ("Event Planning? Beginner? Guide"): the declared title it stands for. */
function undamaged(title: string, declared: string[]): string {
  const inner = title.replace(/[?\ufffd]+$/, "");
  if (!/[?\ufffd]/.test(inner)) return title;
  const escaped = title.split(/[?\ufffd]/).map(escapeRegExp);
  const damaged = new RegExp(`^${escaped.join("[^\\s\\p{L}\\p{N}]\\p{L}?")}$`, "u");
  for (const cand of declared) {
    if (cand !== title && damaged.test(cand)) return cand;
  }
  return title;
}

/** `s` matched literally inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Fullwidth ASCII forms ("Work？") as plain characters. */
function halfwidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A date the heading starts with ("Dec 18 2025 Preparing …") that the declared titles do not carry. */
function withoutDateline(title: string, hints: string[]): string {
  const m = HEADING_DATELINE.exec(title);
  return m && hints.some((h) => h.includes(title.slice(m[0].length))) ? title.slice(m[0].length) : title;
}

/** Drops a trailing " – Site" from a heading that repeats the site name. */
function stripSiteSuffix(title: string, site?: string): string {
  if (!site) return title;
  const m = /^(.*\S)\s+[|–—·•»:-]\s+(.+)$/.exec(title);
  return m && m[2].toLowerCase() === site.toLowerCase() && m[1].split(/\s+/).length >= 2 ? m[1] : title;
}

/**
 * An all-capitals heading is styled text: the declared title with (nearly) the same words gives its casing. So does a declared
 * title in title case for a heading in sentence case ("How much should I pay" / "How Much Should I Pay").
 */
function titleCase(title: string, hints: string[], site?: string): string {
  const allCaps = !/\p{Ll}/u.test(title) && /\p{Lu}.*\p{Lu}/u.test(title);
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  // A site that declares the heading in capitals too writes it so.
  if (allCaps && hints.some((h) => stripSiteName(h, site) === title)) return title;
  for (const h of hints) {
    const stripped = stripSiteName(h, site);
    for (const cand of [stripped, headlinePart(stripped)]) {
      if (!/\p{Ll}/u.test(cand)) continue;
      if (key(cand) === key(title) ? allCaps || capitalisesMore(cand, title) : allCaps && similarity(cand, title) >= 0.8) return (allCaps && reordered(title, cand)) || cand;
    }
  }
  return title;
}

/** A heading in capitals with the very words of a declared title in another order ("BEGINNER MARATHON PLAN" / "Marathon Beginner Plan"): its words in the declared casing. */
function reordered(heading: string, declared: string): string | undefined {
  const cased = new Map((declared.match(WORD) ?? []).map((w) => [w.toLowerCase(), w]));
  const own = heading.match(WORD) ?? [];
  if (own.length !== cased.size || !own.every((w) => cased.has(w.toLowerCase()))) return undefined;
  const order = [...cased.keys()];
  if (own.every((w, i) => w.toLowerCase() === order[i])) return undefined;
  return heading.replace(WORD, (w) => cased.get(w.toLowerCase())!);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Five to fourteen words, every word of weight capitalised (capitals throughout are styling, not case), not ending as a label does (":"). */
function headlineCased(t: string): boolean {
  const ws = t.split(/\s+/);
  if (ws.length < 5 || ws.length > 14 || /:$/.test(t) || !/\p{Ll}/u.test(t)) return false;
  const weighty = ws.filter((w) => /\p{L}/u.test(w) && !MINOR_WORD.test(w.replace(/\P{L}+$/u, "")));
  return weighty.length >= 4 && weighty.every((w) => /^\P{L}*\p{Lu}/u.test(w));
}

/** Words of no weight, which title case may leave in lower case. */
const MINOR_WORD = /^(?:a|an|the|and|or|nor|but|of|to|in|on|at|by|for|with|from|into|vs|via|as|per|is|are|be)$/i;

/**
 * Whether `a` capitalises words of weight that `b`, the same words, writes in lower case, and never the other way round.
 * A title with every word capitalised, minor words too ("Commands To Teach"), was cased by a machine and does not count.
 */
function capitalisesMore(a: string, b: string): boolean {
  const wa = a.split(/\s+/);
  const wb = b.split(/\s+/);
  if (wa.length !== wb.length || !wa.some((w) => /^\P{L}*\p{Ll}/u.test(w))) return false;
  let more = 0;
  for (let i = 0; i < wa.length; i++) {
    const upperA = /^\P{L}*\p{Lu}/u.test(wa[i]);
    const upperB = /^\P{L}*\p{Lu}/u.test(wb[i]);
    if (upperB && !upperA) return false;
    if (upperA && !upperB && !MINOR_WORD.test(wa[i])) more++;
  }
  return more > 0;
}

/** The text of an <h1> that is nothing but a link to the site's home page: the site's name as a masthead ("<h1><a href="/">Engora Data Blog</a></h1>"). */
function homeLinkHeading(doc: DomDocument, url?: string): string | undefined {
  for (const h of elementsByTag(doc, "h1")) {
    const text = clean(h.textContent);
    const links = Array.from(h.querySelectorAll("a[href]"));
    if (text && links.length && links.every((a) => isHomePage(a.getAttribute("href")!, url)) && links.some((a) => clean(a.textContent) === text)) return text;
  }
  return undefined;
}

function isHomePage(href: string, base?: string): boolean {
  try {
    const u = new URL(href, base ?? "http://localhost/");
    return u.pathname === "/" && !u.search && !u.hash && (!base || u.host === new URL(base).host);
  } catch {
    return false;
  }
}

/** A <title> that starts with the masthead's site name and goes on ("davidbau.com Vibe Coding"), without it. */
function withoutMasthead(title: string, masthead?: string): string {
  if (!masthead || !title.startsWith(masthead + " ")) return title;
  const rest = title.slice(masthead.length).replace(/^\s*[|–—·•»:-]?\s*/, "");
  return rest || title;
}

/** The page's main heading: an <h1> that resembles the declared titles, else the only/first sensible <h1>. */
function pickHeading(doc: DomDocument, hints: string[], site?: string, masthead?: string, url?: string): string | undefined {
  const siteLower = site?.toLowerCase();
  const h1s = elementsByTag(doc, "h1")
    .filter((h) => !h.closest("nav, footer, [role=navigation], .site-title, .logo, #logo, .site-branding, #site-title, #blog-title, .site-name"))
    .filter((h) => clean(h.textContent) !== masthead && !teaserHeading(h, url))
    .map((h) => headingText(h, hints))
    .filter((t) => t.length >= 3 && t.length <= 300)
    // A heading that only names the site is the masthead, not the headline.
    .filter((t) => !siteLower || t.toLowerCase() !== siteLower);
  let best: string | undefined;
  let bestScore = 0;
  for (const t of h1s) {
    const s = Math.max(0, ...hints.map((h) => similarity(t, h, contentWords)));
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  if (best && bestScore >= 0.3) return best;
  // A short heading that a declared title goes on from ("restaurant" / "RESTAURANT Definition & Meaning | Dictionary.com") is the headline.
  const opens = h1s.find((t) => hints.some((h) => h.length > t.length && h.toLowerCase().startsWith(t.toLowerCase()) && /^\P{L}/u.test(h.slice(t.length))));
  if (opens) return opens;
  // A lone heading unlike every declared title is a section or masthead label ("Our Blog", "Web Designs"): the declared title wins.
  const declared = hints.some((h) => h.split(" ").length >= 3);
  // A lone heading in plain case that takes most of its words from a declared title rewords it ("Setting up an ergonomic workspace" /
  // "How do you set up an ergonomic workstation? | Logitech"): readers see the heading. A long twitter:title is a description and does not count.
  const rewords = new Set(h1s).size === 1 && /\p{Ll}/u.test(h1s[0]) && mostWordsIn(h1s[0], hints.filter((h) => h.split(" ").length <= 20));
  // A lone heading of several words set in title case is written as a headline, not a section label ("Find an Efficient Vehicle That's Right for You").
  const headline = new Set(h1s).size === 1 && headlineCased(h1s[0]);
  if (h1s.length >= 1 && (hints.length === 0 || (h1s.length === 1 && !declared) || rewords || headline) && h1s[0].split(" ").length >= 2) return h1s[0];
  return undefined;
}

/** A heading that is wholly a link to another page of the site: a card for another article ("Next in your guide"), not this page's headline. */
function teaserHeading(h: DomElement, url?: string): boolean {
  if (!url) return false;
  const links = Array.from(h.querySelectorAll("a[href]"));
  if (links.length !== 1 || clean(links[0].textContent) !== clean(h.textContent)) return false;
  try {
    const page = new URL(url);
    const target = new URL(links[0].getAttribute("href")!, url);
    const path = (u: URL) => u.pathname.replace(/\/+$/, "");
    return target.host === page.host && path(target) !== path(page) && path(target) !== "";
  } catch {
    return false;
  }
}

const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '[rel="author"]', ".author-name", ".author__name", ".byline__name",
  ".byline-name", ".author a", ".byline a", ".c-byline__author", '[class*="byline"]', '[class*="author"]', '[data-testid*="byline"]',
  'a[href*="/author/"]', 'a[href*="/authors/"]', '[class*="writer"]',
];

/** A box about the author, not their name: "author-description", "author-bio", "author-role". */
const AUTHOR_ABOUT = /author[-_]?(?:desc|bio|role|position|job)/i;
const BYLINE_EXCLUDE = "footer, nav, .comments, #comments, .comment, aside, .related, [class*=comment], [class*=related]";
const BYLINE_EXCLUDE_LENIENT = "nav, .comments, #comments, .comment, .related, [class*=comment], [class*=related]";

/**
 * An author name shown on the page, from microdata, rel=author or a byline box. With `lenient`, a box in a footer or
 * aside counts too (an article's own footer, an author sidebar).
 */
function visibleByline(candidates: DomElement[], lenient = false): (Candidate & { raw: string }) | undefined {
  if (!candidates.length) return undefined;
  for (const sel of BYLINE_SELECTORS) {
    const found: DomElement[] = [];
    for (const el of candidates) {
      if (el.matches(sel)) found.push(el);
      if (found.length === 5) break;
    }
    for (const el of found) {
      if (el.closest(lenient ? BYLINE_EXCLUDE_LENIENT : BYLINE_EXCLUDE)) continue;
      if (AUTHOR_ABOUT.test(el.getAttribute("class") ?? "")) {
        const named = nameBefore(el);
        if (named) return { value: named, strategy: `byline:about${lenient ? ":lenient" : ""}`, raw: named };
        continue;
      }
      const content = el.getAttribute("content");
      const raw = content ?? spacedLines(el).join("\n");
      if (raw.length > 400) continue;
      const name = content ? cleanAuthor(content) : bylineName(raw);
      if (!name) continue;
      const listed = !content && AUTHOR_LINK.test(rawAttribute(el, "href")) ? authorLinkList(el) : undefined;
      if (listed) return { value: listed, strategy: `byline${lenient ? ":lenient" : ""}:${sel}+list`, raw: listed };
      return { value: name, strategy: `byline${lenient ? ":lenient" : ""}:${sel}`, raw };
    }
  }
  return undefined;
}

const AUTHOR_LINK = /\/authors?\//;

/**
 * Several links to authors' pages side by side, with nothing but separators between them ("A, B, C & D"): the byline as written.
 * One author link among other words (a role, a date) is left to the single-name reading.
 */
function authorLinkList(link: DomElement): string | undefined {
  const box = link.parentElement;
  if (!box) return undefined;
  const links = Array.from(box.querySelectorAll("a[href]")).filter((a) => AUTHOR_LINK.test(rawAttribute(a, "href")));
  if (links.length < 2 || links.length > 8) return undefined;
  const text = clean(box.textContent);
  let rest = text;
  for (const a of links) {
    const n = clean(a.textContent);
    if (!PLAIN_NAME.test(n)) return undefined;
    rest = rest.replace(n, "");
  }
  return /^[\s,&]*(?:(?:and|&|,)[\s,&]*)*$/i.test(rest) ? text.replace(/\s+([,&])/g, (_, c: string) => (c === "," ? "," : " &")) : undefined;
}

/** How a person's name looks on its own line: two to four capitalised words ("Asser Christensen"). */
export const PLAIN_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** The name on the line before an author's description box ("Asser Christensen" / "Licensed Q Arabica Grader, M.A. Journalism"). */
function nameBefore(about: DomElement): string | undefined {
  const text = clean(about.previousElementSibling?.textContent);
  return PLAIN_NAME.test(text) && cleanAuthor(text) === text ? text : undefined;
}

const BYLINE_HINT = /author|byline|writer/i;

/**
 * Elements that could match a byline selector, in document order, from one walk (a superset: every
 * selector is then checked on these few instead of walking the whole page once per selector).
 */
function bylineCandidates(doc: DomDocument): DomElement[] {
  const out: DomElement[] = [];
  const visit = (el: DomElement, inBox: boolean) => {
    // The raw attribute, not getAttribute("class"): linkedom builds a class list for that, and the hints match either alike.
    const cls = el.hasAttributes() ? rawAttribute(el, "class") : "";
    const box = inBox || BYLINE_BOX.test(cls);
    if (mayBeByline(el, cls, inBox)) out.push(el);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c, box);
  };
  if (doc.body) visit(doc.body, false);
  return out;
}

const BYLINE_BOX = /\b(?:author|byline)\b/i;

function mayBeByline(el: DomElement, cls: string, inBox: boolean): boolean {
  const isLink = el.tagName === "A" || el.tagName === "a";
  if (!el.hasAttributes()) return isLink && inBox;
  return (
    BYLINE_HINT.test(cls) ||
    el.hasAttribute("itemprop") ||
    rawAttribute(el, "rel") === "author" ||
    /byline/i.test(rawAttribute(el, "data-testid")) ||
    (isLink && (inBox || /\/authors?\//.test(rawAttribute(el, "href"))))
  );
}

/** The words that label a byline: "By", "Written by", "Article by", "Author(s)", "Contributors". */
const LABEL = "(?:(?:(?:article|post|story)\\s+)?(?:written|posted)\\s+by|(?:article|story|words)\\s+by|by|from|authors?|author\\(s\\)|contributors?|writer)";
/** A byline label on a line of its own, the name on the next: "Written by", "Author:", "Contributors". */
export const AUTHOR_LABEL = new RegExp(`^${LABEL}\\s*:?$`, "i");
/** A byline label before the name on the same line, with a colon: "Author: Jane Doe". */
export const AUTHOR_LABEL_COLON = new RegExp(`^${LABEL}\\s*:\\s*`, "i");

/** The first line of a byline box that is a name ("By" alone, labels and dates skipped). */
function bylineName(raw: string): string | undefined {
  const lines = raw.split("\n");
  for (let i = 0; i < lines.length && i < 4; i++) {
    const line = lines[i];
    if (AUTHOR_LABEL.test(line)) continue;
    const name = cleanAuthor(line);
    if (name) return name;
    if (findDates(line).length) continue;
    return undefined;
  }
  return undefined;
}

const INLINE = new Set(["A", "SPAN", "B", "STRONG", "EM", "I", "SMALL", "ABBR", "CITE", "TIME", "U", "FONT", "LABEL", "SUP", "SUB", "MARK"]);

/** Text lines of an element: block elements and <br> break lines, inline elements are separated by spaces. */
export function spacedLines(el: DomElement): string[] {
  const lines: string[] = [];
  let current = "";
  const visit = (node: DomElement) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) current += (c as unknown as { data: string }).data;
      else if (c.nodeType === 1) {
        const e = c as DomElement;
        const tag = e.tagName.toUpperCase();
        if (tag === "SCRIPT" || tag === "STYLE" || tag === "NOSCRIPT" || tag === "BUTTON" || tag === "SVG") continue;
        if (tag === "BR" || !INLINE.has(tag)) {
          lines.push(current);
          current = "";
          visit(e);
          lines.push(current);
          current = "";
        } else {
          current += " ";
          visit(e);
          current += " ";
        }
      }
    }
  };
  visit(el);
  lines.push(current);
  return lines.map((l) => clean(l)).filter(Boolean);
}

const MONTH_NAME = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";
const HEADING_DATELINE = new RegExp(`^${MONTH_NAME}\\.?\\s+\\d{1,2},?\\s+\\d{4}\\s+(?=\\p{Lu})`, "iu");
const MONTH_DAY_ONLY = new RegExp(`^${MONTH_NAME}\\.?\\s+\\d{1,2}$`, "i");
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?/i;

/** Cleans a byline into a name: drops "By", dates, "Updated", roles after a pipe; rejects sentences. */
export function cleanAuthor(raw: string): string | undefined {
  let s = clean(raw);
  s = s.replace(/^[&,+]\s*/, "");
  if (/^(?:(?:[\p{L}]+\s+){0,2}(?:by|from)|authors?(?:\s+of\s+this\s+\w+)?|written|by|from)\s*:?$/iu.test(s)) return undefined;
  s = s.replace(/^(?:(?:written|posted|reviewed|published|authored|story|words|insights|article|articles)\s+)?by[:\s]+/i, "").replace(AUTHOR_LABEL_COLON, "");
  // "Text by …", "Recipe by …": a one-word label before "by" (a photo credit is not an author).
  if (/^(?:photo|image|illustration|graphic|video)s?\s+(?:by|credit)\b/i.test(s)) return undefined;
  s = s.replace(/^\p{L}+\s+by[:\s]+(?=\p{Lu})/iu, "");
  const dates = findDates(s);
  if (dates.length) s = s.slice(0, dates[0].index);
  const weekday = WEEKDAY.exec(s);
  if (weekday && weekday.index > 0) s = s.slice(0, weekday.index);
  s = s.split(/\s+[|•·∙]\s*|\s*[|•·∙]\s+|\s{2,}|\bon\s+(?=\w+\s+\d|\d)|\bupdated\b|\bpublished\b|\s+-\s+/i)[0];
  // Roles and badges run on after the name when the byline box lays them out beside it.
  const role = /(?<![,\s])\s+(?:(?:co-?)?founder|ceo|(?:staff\s+|senior\s+|contributing\s+)?(?:writer|editor|reporter|correspondent)|contributor|sponsored|view\s+in\s+.*)\b.*$/i.exec(s);
  if (role && s.slice(0, role.index).trim().split(/\s+/).length >= 2) s = s.slice(0, role.index);
  s = s.replace(/\s+,.*$/, "");
  s = s.replace(/[,\s|•·∙●*-]+$/, "").replace(/\s+(?:on|at|in)$/, "").trim();
  if (!s || s.length > 80 || s.length < 3) return undefined;
  if (/[.!?]$/.test(s) && !/\b[A-Z]\.$/.test(s)) return undefined;
  const n = s.split(/\s+/).length;
  if (n > 8) return undefined;
  if (/^(?:author|authors|by|admin|share|follow|about|posted|staff|editor|editorial|contributor|guest|anonymous|unknown|last|more)$/i.test(s)) return undefined;
  // Interface labels and link texts a byline box holds besides the name.
  if (/^(?:(?:about\s+)?the\s+authors?|about\s+\w+|view\s.*|see\s.*|all\s+posts\b.*|more\s+(?:from|by|posts|articles)\b.*|sign\s*(?:in|up)|log\s*in)$/i.test(s)) return undefined;
  if (MONTH_DAY_ONLY.test(s) || /\S\/\S/.test(s)) return undefined;
  if (/\b(?:is an?|is the|has been|writes|reports)\b/i.test(s)) return undefined;
  // A brand written as its domain ("AccountingDepartment.com") is a name; a link is not.
  if (/^(?:https?:)?\/\/|^www\.|@/i.test(s)) return undefined;
  // A template placeholder left in a meta tag ("page.head.extra.author").
  if (/^\w+(?:\.\w+){2,}$/.test(s)) return undefined;
  return s;
}

function microdataDate(doc: DomDocument): Candidate | undefined {
  for (const el of byItemprop(doc, ["datePublished", "dateCreated"])) {
    const d = normalizeDate(el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent);
    if (d) return { value: d, strategy: "microdata" };
  }
  return undefined;
}

/** A <time> outside boilerplate; with `lenient`, one in a footer or aside too (an article's own footer, a meta sidebar). */
function timeElementDate(doc: DomDocument, lenient = false): Candidate | undefined {
  const times = elementsByTag(doc, "time");
  const pub = times.find((t) => t.hasAttribute("pubdate") || /publish|posted|entry-date|post-date/i.test(`${t.className} ${t.parentElement?.className ?? ""}`));
  for (const t of pub ? [pub] : times) {
    if (t.closest(lenient ? ".comments, #comments, .comment, .related, nav, [class*=related]" : "footer, aside, .comments, #comments, .comment, .related, nav")) continue;
    if (/updated|modified/i.test(`${t.className} ${t.parentElement?.className ?? ""}`)) continue;
    const d = normalizeDate(t.getAttribute("datetime") ?? "") ?? normalizeDate(t.textContent ?? "");
    if (d) return { value: d, strategy: (pub ? "time[pubdate]" : "time") + (lenient ? ":lenient" : "") };
  }
  return undefined;
}

/** A date in a date/byline/meta box; with `updated`, the first "Updated …" date when it is the only kind shown. */
function visibleDate(boxes: DomElement[], updated = false): Candidate | undefined {
  for (const el of boxes) {
    if (el.closest("footer, aside, .comments, #comments, .comment, .related, nav, script")) continue;
    const text = clean(el.textContent);
    if (text.length > 200 || updated !== /updated|modified/i.test(text.slice(0, 20))) continue;
    const d = findDates(text, true)[0]?.date ?? (text.length <= 40 ? normalizeDate(text) : undefined);
    if (d) return { value: d, strategy: updated ? "visible:updated" : "visible" };
  }
  return undefined;
}

const DATE_BOX_CLASS = /date|byline|posted|meta|publish|publication/;
const DATE_BOX_LIMIT = 30;

/**
 * The first elements whose class names a date, byline, posted, meta, publish or publication box, or whose id names a date, in
 * document order (template content skipped, as querySelectorAll does). One walk reading raw attributes: a selector list of
 * [class*=…] tests rebuilds the class string once per test.
 */
function dateBoxes(doc: DomDocument): DomElement[] {
  const out: DomElement[] = [];
  const visit = (el: DomElement): void => {
    if (out.length === DATE_BOX_LIMIT) return;
    if (el.hasAttributes() && (DATE_BOX_CLASS.test(rawAttribute(el, "class")) || rawAttribute(el, "id").includes("date"))) out.push(el);
    if (el.localName === "template") return;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c);
  };
  // Not from documentElement alone: a malformed page may leave elements beside it.
  for (const c of Array.from(doc.childNodes)) if (c.nodeType === 1) visit(c as DomElement);
  return out;
}
