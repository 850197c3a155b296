import { VERSION } from "../core/version.js";
import type { FeedRecord, SearchHit, StoredArticle, StoredArticleMeta, StoredMessage, StoryOrder, StorySummary } from "../store/types.js";
import type { Article, Briefing, Sentence, Story } from "../types/index.js";
import { headlineText, oneLine } from "../render/common.js";
import { entitiesHtml, timelineHtml } from "./story-extras.js";

/** Escapes text for HTML element content and quoted attributes. Every piece of user data goes through it. */
export function esc(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}


export interface PageContext {
  /** Writes need a token: forms get a token field. */
  tokenRequired: boolean;
  /** Whether the story index is loaded after a restart (see `AppOptions.storyIndex`); the forms say why an add waits. */
  storyIndex?: () => "loading" | "ready" | "failed";
}

function storyIndexNotice(ctx: PageContext): string {
  const state = ctx.storyIndex?.();
  if (state === "loading") return `<p class="note" role="status">The server has just started and is still loading its story index: what you add now is stored once it is loaded (seconds, or minutes for a very large store).</p>`;
  if (state === "failed") return `<p class="error" role="alert">The story index could not be loaded, so new articles cannot be stored until the server is restarted (its log says why).</p>`;
  return "";
}

export function layout(title: string, body: string, nav = true): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · newsbrief</title>
<link rel="stylesheet" href="/assets/style.css">
</head><body>
${nav ? `<header><nav><a href="/" class="brand">newsbrief</a> <a href="/search">Search</a> <a href="/add">Add</a> <a href="/feeds">Feeds</a></nav></header>` : ""}
<main>
${body}
</main>
<footer>newsbrief ${esc(VERSION)} · <a href="/api/openapi.json">API</a></footer>
</body></html>
`;
}

function tokenField(ctx: PageContext): string {
  return ctx.tokenRequired ? `<label>Access token <input type="password" name="token" required autocomplete="current-password"></label>` : "";
}

function when(iso: string | undefined): string {
  if (!iso) return "";
  return `<time datetime="${esc(iso)}">${esc(iso.replace("T", " ").replace(/\.\d+Z$/, "Z").replace(/:\d\dZ$/, " UTC"))}</time>`;
}

function dateRange(first?: string, last?: string): string {
  if (!first && !last) return "";
  if (!last || first === last) return esc(first ?? last);
  return `${esc(first)} – ${esc(last)}`;
}

function sourcesLine(sources: string[], max = 4): string {
  if (!sources.length) return "";
  const shown = sources.slice(0, max).map(esc).join(", ");
  return sources.length > max ? `${shown} and ${sources.length - max} more` : shown;
}

/** Articles, sources, dates and last update, leaving out what is not known. */
function storyMeta(s: StorySummary, maxSources: number): string {
  return [
    `${s.articleCount} article${s.articleCount === 1 ? "" : "s"}`,
    sourcesLine(s.sources, maxSources),
    dateRange(s.firstPublished, s.lastPublished),
    `updated ${when(s.updatedAt)}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

export function storyListItem(s: StorySummary): string {
  return `<li class="story-item"><a href="/stories/${esc(s.id)}">${esc(oneLine(s.headline ?? s.title))}</a><br><small>${storyMeta(s, 4)}</small></li>`;
}

export const HOME_PAGE_SIZE = 100;

export function homePage(ctx: PageContext, stories: StorySummary[], filter: { q?: string; since?: string; offset?: number; order?: StoryOrder }, more = false): string {
  const filtered = filter.q || filter.since;
  const offset = filter.offset ?? 0;
  const bySize = filter.order === "size";
  const links: [string, string, string] = bySize ? ["Stories", "Larger stories", "Smaller stories"] : ["Stories", "Newer stories", "Older stories"];
  const list = stories.length
    ? `<ul class="stories">${stories.map(storyListItem).join("\n")}</ul>${pager("/", { q: filter.q, since: filter.since, order: filter.order }, { offset, shown: stories.length, size: HOME_PAGE_SIZE, more }, links)}`
    : `<p class="empty">${offset ? "No more stories." : filtered ? "No story matches." : "No stories yet: add an article below."}</p>`;
  return layout(
    "Stories",
    `<h1>Stories</h1>
<form method="get" action="/" class="inline" role="search">
<label>Filter <input type="search" name="q" value="${esc(filter.q ?? "")}" placeholder="words"></label>
<label>Updated since <input type="date" name="since" value="${esc(filter.since?.slice(0, 10) ?? "")}"></label>
<label>Order <select name="order"><option value="updated"${bySize ? "" : " selected"}>most recently updated</option><option value="size"${bySize ? " selected" : ""}>most articles</option></select></label>
<button>Show</button></form>
${list}
${addForms(ctx)}`,
  );
}

export const SEARCH_PAGE_SIZE = 50;

interface PageSpan {
  offset: number;
  shown: number;
  size: number;
  more: boolean;
}

/** "Stories 101–200", with links to the previous and next pages of a list (its other parameters kept). */
function pager(base: string, params: Record<string, string | undefined>, span: PageSpan, [what, previous, next]: [string, string, string]): string {
  const { offset, shown, size, more } = span;
  if (!offset && !more) return "";
  const href = (at: number) => {
    const kept = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
    const query = new URLSearchParams([...kept, ...(at ? [["offset", String(at)]] : [])]).toString();
    return query ? `${base}?${query}` : base;
  };
  const prev = offset ? ` <a href="${esc(href(Math.max(0, offset - size)))}" rel="prev">← ${previous}</a>` : "";
  const after = more ? ` <a href="${esc(href(offset + size))}" rel="next">${next} →</a>` : "";
  return `<nav class="pager" aria-label="Pages">${what} ${offset + 1}–${offset + shown}${prev}${after}</nav>`;
}

/** What a reader sent through one of the add forms, shown again beside the error it met. */
export interface SentForm {
  action: "/articles" | "/feeds";
  fields: Record<string, string | undefined>;
}

export const REPLACE_LABEL = "Replace the stored version when this URL is already here";

export function addForms(ctx: PageContext, error?: string, sent?: SentForm): string {
  const fields = sent?.fields ?? {};
  const article = sent?.action === "/articles" && fields.text !== undefined ? fields : {};
  const byUrl = sent?.action === "/articles" && fields.text === undefined ? fields : {};
  const feed = sent?.action === "/feeds" ? fields : {};
  const value = (form: Record<string, string | undefined>, name: string, fallback?: string) => {
    const v = form[name] ?? fallback;
    return v === undefined ? "" : ` value="${esc(v)}"`;
  };
  // The parser drops one newline right after <textarea>: one is written so the text comes back whole.
  const text = article.text === undefined ? "" : `\n${esc(article.text)}`;
  return `<section class="add" id="add">
<h2>Add</h2>
${storyIndexNotice(ctx)}
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ""}
<form method="post" action="/articles" class="card" id="add-article">
<h3>An article</h3>
<label>Title <input name="title" maxlength="1000"${value(article, "title")}></label>
<label>Source <input name="source" maxlength="300" placeholder="e.g. Reuters"${value(article, "source")}></label>
<label>Published <input type="date" name="published"${value(article, "published")}></label>
<label>URL (optional) <input type="url" name="url" maxlength="2048"${value(article, "url")}></label>
<label>Text <textarea name="text" rows="8" required>${text}</textarea></label>
<label><input type="checkbox" name="replace" value="1"${article.replace ? " checked" : ""}> ${REPLACE_LABEL}</label>
${tokenField(ctx)}
<button type="submit">Add article</button>
</form>
<form method="post" action="/articles" class="card" id="add-url">
<h3>An article by URL</h3>
<label>URL <input type="url" name="url" required maxlength="2048"${value(byUrl, "url")}></label>
${tokenField(ctx)}
<button type="submit">Fetch and add</button>
</form>
<form method="post" action="/feeds" class="card" id="add-feed">
<h3>A feed</h3>
<label>Feed URL <input type="url" name="url" required maxlength="2048"${value(feed, "url")}></label>
<label>Every <input name="every"${value(feed, "every", "1h")} pattern="\\s*\\d+\\s*[smhdSMHD]?\\s*" title="e.g. 15m, 1h, 1d"></label>
${tokenField(ctx)}
<button type="submit">Add feed</button>
</form>
</section>`;
}

export function addPage(ctx: PageContext, error?: string, sent?: SentForm): string {
  return layout("Add", addForms(ctx, error, sent));
}

/** A page rendered once for everyone, with a notice for this reader at the top of its main part. */
export function withNotice(page: Buffer, notice: string): string {
  return page.toString().replace("<main>\n", `<main>\n${notice}\n`);
}

export function duplicateNotice(articleId: string): string {
  return `<p class="note" role="status">That article was already here (the same URL or the same text): nothing new was added, and what you sent is kept as one more source of <a href="${esc(citeHref(articleId))}">the stored article</a>.</p>`;
}

export function warningsNotice(articleId: string, warnings: Array<{ reason: string }>): string {
  return `<p class="note" role="status">Added, with ${warnings.length === 1 ? "a warning" : "warnings"}: ${warnings.map((w) => esc(w.reason)).join("; ")} (<a href="${esc(citeHref(articleId))}">the article</a>).</p>`;
}

/** `/articles/:id#s-START`: the source sentence, highlighted by :target without any script. */
export function citeHref(articleId: string, start?: number): string {
  return `/articles/${encodeURIComponent(articleId)}${start !== undefined ? `#s-${start}` : ""}`;
}

/** A story page lists every source up to this many articles; beyond, the cited ones and the latest (bounds the page of a huge story). */
export const LISTED_SOURCES = 60;
const LATEST_LISTED = 20;
/** Citation links after a sentence (its own article first); more supporting articles are counted, not linked. */
const CITES_PER_SENTENCE = 3;

export function storyPage(story: StorySummary, briefing: Briefing, articles: StoredArticleMeta[], stale: boolean): string {
  const numbers = new Map<string, number>();
  briefing.articles.forEach((a) => numbers.set(a.id, numbers.size + 1));
  for (const a of articles) if (!numbers.has(a.id)) numbers.set(a.id, numbers.size + 1);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const briefed = new Map(briefing.articles.map((a) => [a.id, a]));
  const cited = new Set<string>();
  const cite = (s: Sentence): string => {
    const ids = [s.articleId, ...s.supportingArticleIds.filter((id) => id !== s.articleId)].filter((id) => numbers.has(id));
    const links = ids
      .slice(0, CITES_PER_SENTENCE)
      .map((id, k) => {
        cited.add(id);
        const label = byId.get(id)?.source ?? byId.get(id)?.title ?? id;
        return `<a class="cite" href="${esc(k === 0 ? citeHref(id, s.start) : citeHref(id))}" title="${esc(label)}">[${numbers.get(id)}]</a>`;
      })
      .join("");
    const hidden = ids.length - CITES_PER_SENTENCE;
    const more = hidden > 0 ? `<small class="more-cites" title="${hidden} more article${hidden === 1 ? "" : "s"} say the same">+${hidden}</small>` : "";
    return links ? `<span class="cites">${links}${more}</span>` : "";
  };
  const stories = briefing.stories.map((st) => storySection(st, cite)).join("\n");
  const all = numbers.size <= LISTED_SOURCES;
  const latest = new Set(articles.slice(-LATEST_LISTED).map((a) => a.id));
  const listed = [...numbers.entries()].filter(([id]) => all || cited.has(id) || latest.has(id));
  const sources = listed.map(([id, n]) => sourceItem(id, n, byId.get(id), briefed.get(id), numbers)).join("\n");
  const unlisted = numbers.size - listed.length;
  const more = unlisted ? `\n<p class="note">${unlisted} more article${unlisted === 1 ? "" : "s"} of this story not listed here: the ones cited above and the latest ${LATEST_LISTED} are.</p>` : "";
  const note = stale ? `<p class="note">New articles arrived since this briefing was written; it is being updated.</p>` : "";
  const first = briefing.stories[0];
  const title = first ? headlineText(first.headline) : story.title;
  return layout(
    title.slice(0, 90),
    `<article class="briefing">
<p class="meta">${storyMeta(story, 8)}</p>
${note}
${stories || `<p class="empty">Nothing to brief yet.</p>`}
<h2>Sources</h2>
<ol class="sources">${sources}</ol>${more}
</article>`,
  );
}

/** Optional fields other stages add to a story: drawn when present, ignored when malformed. */
type Extra = Story & { timeline?: unknown; entities?: unknown };

function storySection(story: Extra, cite: (s: Sentence) => string): string {
  const h = story.headline;
  const body = story.summary.filter((s) => !(s.articleId === h.articleId && s.start === h.start));
  const timeline = timelineHtml(story.timeline, esc, cite, `tl-${story.id}`);
  const entities = entitiesHtml(story.entities, esc);
  return `<section class="story" id="story-${esc(story.id)}">
<h1 class="headline">${esc(headlineText(h))} ${cite(h)}</h1>
<ul class="summary">${body.map((s) => `<li>${esc(oneLine(s.text))} ${cite(s)}</li>`).join("\n")}</ul>
${timeline}${entities}
</section>`;
}

function sourceItem(id: string, n: number, a: StoredArticleMeta | undefined, b: Article | undefined, numbers: Map<string, number>): string {
  const title = a?.title ?? b?.title ?? id;
  const outlets = a ? [...new Set(a.sources.map((s) => s.source ?? hostOf(s.url)).filter(Boolean))] : [];
  const meta = [outlets.length ? outlets.map(esc).join(", ") : a?.source ? esc(a.source) : "", esc(a?.published ?? b?.published ?? ""), b ? `${b.wordCount} words` : a ? `${a.wordCount} words` : ""].filter(Boolean).join(" · ");
  const dup = b?.duplicateOf ? ` <small>(near-copy of [${numbers.get(b.duplicateOf) ?? "?"}])</small>` : "";
  const fresh = b ? "" : ` <small class="new">new since this briefing</small>`;
  const link = a?.url ? ` <a href="${esc(safeUrl(a.url))}" rel="noreferrer nofollow">original</a>` : "";
  return `<li value="${n}" id="src-${esc(id)}"><a href="${esc(citeHref(id))}">${esc(title)}</a>${dup}${fresh}<br><small>${meta}${link}</small></li>`;
}

/** The article's cleaned text, each sentence an anchor `s-START` (highlighted when targeted). */
export function articlePage(a: StoredArticle, article: Article, sentences: Array<[number, number]>, messages: StoredMessage[], story?: StorySummary, cited: Set<number> = new Set()): string {
  const text = article.text;
  const paragraphs: string[] = [];
  const paraRe = /\n\s*\n/g;
  let pStart = 0;
  const bounds: Array<[number, number]> = [];
  for (let m = paraRe.exec(text); m; m = paraRe.exec(text)) {
    bounds.push([pStart, m.index]);
    pStart = m.index + m[0].length;
  }
  bounds.push([pStart, text.length]);
  let k = 0;
  for (const [ps, pe] of bounds) {
    let html = "";
    let at = ps;
    while (k < sentences.length && sentences[k][1] <= ps) k++;
    for (let j = k; j < sentences.length && sentences[j][0] < pe; j++) {
      const [ss, se] = sentences[j];
      const s = Math.max(ss, ps);
      const e = Math.min(se, pe);
      if (s > at) html += esc(text.slice(at, s));
      const id = s === ss ? ` id="s-${ss}"` : "";
      html += `<span class="s${cited.has(ss) ? " cited" : ""}"${id}>${esc(text.slice(s, e))}</span>`;
      at = e;
    }
    if (at < pe) html += esc(text.slice(at, pe));
    paragraphs.push(`<p>${html}</p>`);
  }
  const outlets = a.sources
    .map((s) => `<li>${esc(s.source ?? hostOf(s.url) ?? "unnamed source")}${s.url ? ` · <a href="${esc(safeUrl(s.url))}" rel="noreferrer nofollow">${esc(s.url)}</a>` : ""} · received ${when(s.receivedAt)}</li>`)
    .join("");
  const msgs = messages.length ? `<h2>Messages</h2><ul class="messages">${messages.map((m) => `<li class="${esc(m.severity)}">${esc(m.severity)}: ${esc(m.reason)} (${esc(m.ruleId)})</li>`).join("")}</ul>` : "";
  return layout(
    a.title.slice(0, 90),
    `<article class="source-article">
<p class="meta">${story ? `<a href="/stories/${esc(story.id)}">← ${esc(oneLine(story.headline ?? story.title))}</a>` : ""}</p>
<h1>${esc(a.title)}</h1>
<p class="meta">${[a.source ? esc(a.source) : "", esc(a.published ?? ""), `${article.wordCount} words`].filter(Boolean).join(" · ")}</p>
<div class="text">${paragraphs.join("\n")}</div>
<h2>Carried by</h2><ul>${outlets}</ul>
${msgs}
</article>`,
  );
}

export function searchPage(q: string, hits: SearchHit[], offset = 0, more = false): string {
  const results = q
    ? hits.length
      ? `<ol class="hits">${hits
          .map(
            (h) =>
              `<li><a href="${esc(citeHref(h.articleId))}">${esc(h.title)}</a> <small>${[h.source, h.published].filter(Boolean).map(esc).join(" · ")} · <a href="/stories/${esc(h.storyId)}">story</a></small><br><span class="snippet">${snippetHtml(h)}</span></li>`,
          )
          .join("\n")}</ol>${pager("/search", { q }, { offset, shown: hits.length, size: SEARCH_PAGE_SIZE, more }, ["Matches", "Better matches", "More matches"])}`
      : `<p class="empty">${offset ? "No more matches" : "Nothing matches"} “${esc(q)}”.</p>`
    : "";
  return layout(
    q ? `Search: ${q}` : "Search",
    `<h1>Search</h1>
<form method="get" action="/search" role="search" class="inline"><input type="search" name="q" value="${esc(q)}" required aria-label="Search words"> <button>Search</button></form>
${results}`,
  );
}

function snippetHtml(h: SearchHit): string {
  let out = "";
  let at = 0;
  for (const [s, e] of h.ranges) {
    out += esc(h.snippet.slice(at, s)) + `<mark>${esc(h.snippet.slice(s, e))}</mark>`;
    at = e;
  }
  return out + esc(h.snippet.slice(at));
}

export function feedsPage(ctx: PageContext, feeds: FeedRecord[]): string {
  const rows = feeds.length
    ? `<ul class="feeds">${feeds
        .map(
          (f) => `<li><a href="${esc(safeUrl(f.url))}" rel="noreferrer nofollow">${esc(f.url)}</a><br><small>every ${esc(formatEvery(f.everySeconds))} · next ${when(f.nextAt)}${f.lastOkAt ? ` · last ok ${when(f.lastOkAt)}` : ""} · ${f.articlesAdded} added</small>
${f.lastError ? `<br><span class="error">Last error (${f.failures} in a row): ${esc(f.lastError)}</span>` : ""}
<form method="post" action="/feeds/${f.id}/delete" class="inline">${tokenField(ctx)}<button>Remove</button></form></li>`,
        )
        .join("\n")}</ul>`
    : `<p class="empty">No feeds.</p>`;
  return layout("Feeds", `<h1>Feeds</h1>${rows}${addForms(ctx)}`);
}

export function errorPage(status: number, message: string): string {
  return layout(`Error ${status}`, `<h1>${status === 404 ? "Not found" : "Something went wrong"}</h1><p class="error">${esc(message)}</p><p><a href="/">Back to the stories</a></p>`);
}

export function formatEvery(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** Only http(s) links are rendered as links; anything else (javascript:…) becomes inert. */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}

export const STYLE = `*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1a1a1a;background:#f7f7f5}
header{background:#1d2b3a;padding:.6rem 1rem}header nav{max-width:48rem;margin:auto;display:flex;gap:1rem;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header .brand{font-weight:700;margin-right:auto}
main{max-width:48rem;margin:auto;padding:1rem}
footer{max-width:48rem;margin:2rem auto;padding:0 1rem;color:#777;font-size:.85rem}
a{color:#0b57a4}h1{font-size:1.45rem;line-height:1.3}h2{font-size:1.1rem;margin-top:1.6rem}
.stories{list-style:none;padding:0}.story-item{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}
.story-item a{font-weight:600;text-decoration:none}small,.meta{color:#666}
.story{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.3rem 1rem;margin-bottom:1rem}
.headline{font-size:1.3rem}.summary li{margin:.4rem 0}
.cite{text-decoration:none;font-size:.78em;vertical-align:super;margin-left:1px}
.source-article .text{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.2rem 1rem}
.s.cited{background:#fff7c9}.s:target{background:#ffd54a;outline:2px solid #e0a800;scroll-margin-top:4rem}
.note{background:#eef5ff;border-left:4px solid #0b57a4;padding:.4rem .8rem}
.error{color:#a00}.messages .warning{color:#a60}.empty{color:#666;font-style:italic}
form.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
form.card h3{margin:.2rem 0 .5rem;font-size:1rem}
label{display:block;margin:.35rem 0;font-size:.95rem}
input,textarea,button{font:inherit;max-width:100%}input:not([type=date]),textarea{width:100%;padding:.35rem;border:1px solid #bbb;border-radius:4px}
form.inline{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end}form.inline label{margin:0}form.inline input{width:auto}
button{background:#0b57a4;color:#fff;border:0;border-radius:4px;padding:.45rem .9rem;cursor:pointer}
mark{background:#ffe46b}.hits li{margin:.7rem 0}.new{color:#0a7}
.timeline time{font-weight:600;margin-right:.4rem}.timeline li{margin:.35rem 0}.timeline li:target{background:#fff7c9}
.timeline-svg{width:100%;max-width:32rem;height:auto;display:block;margin:.4rem 0 .2rem}.cites{white-space:nowrap}
.tl-axis{stroke:#1d2b3a;stroke-width:2}.tl-stem{stroke:#8aa4bf;stroke-width:1.5}.tl-range{fill:#8aa4bf}
.tl-dot{fill:#0b57a4;stroke:#fff;stroke-width:1.5}.tl-num{fill:#fff;font:700 12px system-ui,sans-serif;text-anchor:middle}.tl-tick{fill:#444;font:14px system-ui,sans-serif}
a:hover .tl-dot,a:focus .tl-dot{fill:#e0a800}
.names{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.35rem .5rem}.names li{background:#eef2f6;border-radius:999px;padding:.1rem .65rem}.names a{text-decoration:none}
@media (max-width:40rem){main{padding:.6rem}h1{font-size:1.25rem}.story{padding:.2rem .7rem}.summary{padding-left:1.1rem}}`;
