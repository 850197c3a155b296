import type { Briefing } from "../types/index.js";
import { lineText, articleMeta, articleWhere, bodyOf, citationNumbers, citesOf, countsLine, dateLabel, describeRemoved, entityLine, headlineText, MAX_QUOTES, messageLine, oneLine, storyHeading, timelineParts } from "./common.js";

/** Plain text for a terminal: summary with [n] citations, then the numbered sources. */
export function renderText(briefing: Briefing, width = 100): string {
  const numbers = citationNumbers(briefing);
  const cite = (s: Parameters<typeof citesOf>[0]): string => citesOf(s, numbers).map((n) => `[${n}]`).join("");
  const lines: string[] = [];
  const used = briefing.articles.filter((a) => !a.duplicateOf).length;
  lines.push(countsLine(briefing.articles.length, briefing.stories.length, briefing.articles.length - used));
  for (const story of briefing.stories) {
    lines.push("", `== ${storyHeading(story, numbers)}`);
    const body = bodyOf(story);
    lines.push("", ...wrap(headlineText(story.headline) + " " + cite(story.headline), width, ""));
    if (body.length) lines.push("");
    for (const sentence of body) lines.push(...wrap(`${oneLine(sentence.text)} ${cite(sentence)}`, width, "  • ", "    "));
    const { own, background } = timelineParts(story);
    for (const [title, entries] of [["Timeline", own], ["Background", background]] as const) {
      if (!entries.length) continue;
      lines.push("", `  ${title}`);
      for (const e of entries) lines.push(...wrap(`${dateLabel(e)} — ${lineText(e)} ${cite(e)}`, width, "    ", "      "));
    }
    const who = entityLine(story);
    if (who) lines.push("", ...wrap(`Who and where: ${who}`, width, "  ", "    "));
    for (const q of story.quotes.slice(0, MAX_QUOTES)) lines.push(...wrap(`“${oneLine(q.text)}” (${q.speaker}) [${numbers.get(q.articleId)}]`, width, "  > ", "    "));
  }
  lines.push("", "Sources");
  briefing.articles.forEach((article, i) => {
    const dup = article.duplicateOf ? ` (near-copy of [${numbers.get(article.duplicateOf)}])` : "";
    lines.push(`  [${i + 1}] ${article.title}${dup}`);
    lines.push(`      ${articleMeta(article)}${articleWhere(article) ? ` · ${articleWhere(article)}` : ""}`);
    lines.push(`      removed: ${describeRemoved(article.removed)}`);
  });
  if (briefing.messages.length) {
    lines.push("", "Messages");
    for (const m of briefing.messages) lines.push(`  ${messageLine(m)}`);
  }
  return lines.join("\n") + "\n";
}

function wrap(text: string, width: number, first: string, rest = first): string[] {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > width && line.trim()) {
      out.push(line.trimEnd());
      line = rest;
    }
    line += (line === first || line === rest ? "" : " ") + word;
  }
  if (line.trim()) out.push(line.trimEnd());
  return out;
}
