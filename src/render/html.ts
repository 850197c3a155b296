import type { Article, Briefing, Sentence, Story, TimelineEntry } from "../types/index.js";
import { lineText, articleMeta, articleWhere, bodyOf, citationNumbers, citesOf, counted, dateLabel, describeRemoved, entityLine, headlineText, MAX_QUOTES, messageLine, oneLine, storyHeading, timelineParts } from "./common.js";
import { timelineSvg } from "./timeline-svg.js";

/** One self-contained page: summary with citations linked to the highlighted source sentences. */
export function renderHtml(briefing: Briefing): string {
  const numbers = citationNumbers(briefing);
  const highlights = new Map<string, Sentence[]>();
  for (const story of briefing.stories) {
    for (const s of [story.headline, ...story.summary, ...(story.timeline ?? [])]) {
      const list = highlights.get(s.articleId) ?? [];
      if (!list.some((x) => x.start === s.start)) list.push(s);
      highlights.set(s.articleId, list);
    }
  }
  const cite = (s: Sentence): string =>
    citesOf(s, numbers)
      .map((n, k) => `<a class="cite" href="#${k === 0 ? anchor(s) : `source-${n}`}">[${n}]</a>`)
      .join("");
  const stories = briefing.stories
    .map(
      (story) => `<section class="story" id="story-${esc(story.id)}">
<h2 class="label">${esc(storyHeading(story, numbers))}</h2>
<p class="headline">${esc(headlineText(story.headline))} ${cite(story.headline)}</p>
<ul>${bodyOf(story).map((s) => `<li>${esc(oneLine(s.text))} ${cite(s)}</li>`).join("\n")}</ul>
${timelineHtml(story, cite)}
${entityLine(story) ? `<p class="entities"><b>Who and where:</b> ${esc(entityLine(story))}</p>` : ""}
${story.quotes.slice(0, MAX_QUOTES).map((q) => `<blockquote>“${esc(oneLine(q.text))}” <span class="speaker">(${esc(q.speaker)})</span> <a class="cite" href="#source-${numbers.get(q.articleId)}">[${numbers.get(q.articleId)}]</a></blockquote>`).join("\n")}
</section>`,
    )
    .join("\n");
  const contents =
    briefing.stories.length > 1
      ? `<nav class="contents" aria-label="Stories"><h2>${briefing.stories.length} stories</h2><ol>${briefing.stories.map((s) => `<li><a href="#story-${esc(s.id)}">${esc(s.label)}</a> <small>${counted(s.articleIds.length, "article")}</small></li>`).join("\n")}</ol></nav>`
      : "";
  const sources = briefing.articles
    .map((a, i) => sourceBlock(a, i + 1, highlights.get(a.id) ?? [], numbers))
    .join("\n");
  const messages = briefing.messages.length
    ? `<h2>Messages</h2><ul class="messages">${briefing.messages.map((m) => `<li class="${m.severity}">${esc(messageLine(m))}</li>`).join("")}</ul>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Briefing: ${esc(briefing.stories[0] ? headlineText(briefing.stories[0].headline).slice(0, 80) : "no stories")}</title>
<style>${STYLE}</style></head>
<body><main>
<h1>Briefing</h1>
${contents}
${stories}
<h2>Sources</h2>
${sources}
${messages}
</main></body></html>
`;
}

/** The timeline drawn as a chart, then listed (with citations) for reading and for screen readers. */
function timelineHtml(story: Story, cite: (s: Sentence) => string): string {
  const { own, background } = timelineParts(story);
  const href = (e: Sentence): string => `#${anchor(e)}`;
  const part = (title: string, entries: TimelineEntry[], muted: boolean): string =>
    entries.length
      ? `<h3>${title}</h3>
${timelineSvg(entries, esc, href, `${title}: ${entries.length} dated lines`, muted)}
<details class="timeline-list"><summary>${title} as a list</summary><ol>${entries.map((e) => `<li><time datetime="${esc(e.date)}">${esc(dateLabel(e))}</time> ${esc(lineText(e))} ${cite(e)}</li>`).join("\n")}</ol></details>`
      : "";
  return part("Timeline", own, false) + part("Background", background, true);
}

function sourceBlock(article: Article, n: number, marks: Sentence[], numbers: Map<string, number>): string {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  let html = "";
  let at = 0;
  for (const s of sorted) {
    html += esc(article.text.slice(at, s.start)) + `<mark id="${anchor(s)}">${esc(article.text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  html += esc(article.text.slice(at));
  const paragraphs = html.split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join("");
  const where = articleWhere(article);
  const title = article.url ? `<a href="${esc(article.url)}" rel="noreferrer">${esc(article.title)}</a>` : esc(article.title);
  const dup = article.duplicateOf ? ` <span class="dup">near-copy of [${numbers.get(article.duplicateOf)}]</span>` : "";
  return `<details id="source-${n}" class="source"${marks.length ? " open" : ""}><summary>[${n}] ${title}${dup}<br><small>${esc(articleMeta(article))}${where ? ` · ${esc(where)}` : ""} · removed ${esc(describeRemoved(article.removed))}</small></summary>
<div class="text">${paragraphs}</div></details>`;
}

function anchor(s: Sentence): string {
  return `s-${s.articleId.replace(/[^A-Za-z0-9_-]/g, "_")}-${s.start}`;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
main{max-width:46rem;margin:auto;padding:1rem}
.headline{font-size:1.2rem;font-weight:600}.label{font-size:.9rem;color:#555;font-weight:500;margin:.8rem 0 0}
.entities{font-size:.9rem;color:#444}blockquote{margin:.4rem 1rem;color:#333}.speaker{color:#666}
.story{background:#fff;border:1px solid #ddd;border-radius:6px;padding:0 1rem;margin-bottom:1rem}
.cite{text-decoration:none;font-size:.8em;vertical-align:super;margin-left:1px}
mark{background:#fff3a8}mark:target{background:#ffd54a;outline:2px solid #e0a800}
details.source{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:.5rem 0}
details.source summary{cursor:pointer}.text{font-size:.95rem;color:#333}.dup{color:#888}
.contents ol{padding-left:2.5rem}.contents small{color:#666}
.messages .error{color:#a00}.messages .warning{color:#a60}
svg.timeline{display:block;margin:.25rem 0 .5rem}.timeline-list{font-size:.9rem;margin-bottom:1rem}.timeline-list time{font-weight:600;margin-right:.4rem}`;
