import type { Briefing } from "../types/index.js";
import { lineText, articleMeta, articleWhere, bodyOf, citationNumbers, citesOf, dateLabel, describeRemoved, entityLine, headlineText, MAX_QUOTES, messageLine, oneLine, storyHeading, timelineParts } from "./common.js";

export function renderMarkdown(briefing: Briefing): string {
  const numbers = citationNumbers(briefing);
  const cite = (s: Parameters<typeof citesOf>[0]): string => citesOf(s, numbers).map((n) => `[[${n}]](#source-${n})`).join("");
  const out: string[] = ["# Briefing", ""];
  for (const story of briefing.stories) {
    out.push(`## ${escapeMd(storyHeading(story, numbers))}`, "");
    out.push(`**${escapeMd(headlineText(story.headline))}** ${cite(story.headline)}`, "");
    for (const s of bodyOf(story)) out.push(`- ${escapeMd(oneLine(s.text))} ${cite(s)}`);
    out.push("");
    const { own, background } = timelineParts(story);
    for (const [title, entries] of [["Timeline", own], ["Background", background]] as const) {
      if (!entries.length) continue;
      out.push(`### ${title}`, "");
      for (const e of entries) out.push(`- **${dateLabel(e)}** — ${escapeMd(lineText(e))} ${cite(e)}`);
      out.push("");
    }
    const who = entityLine(story);
    if (who) out.push(`*Who and where:* ${escapeMd(who)}`, "");
    for (const q of story.quotes.slice(0, MAX_QUOTES)) out.push(`> “${escapeMd(oneLine(q.text))}” (${escapeMd(q.speaker)}) [[${numbers.get(q.articleId)}]](#source-${numbers.get(q.articleId)})`, "");
  }
  out.push("## Sources", "");
  briefing.articles.forEach((a, i) => {
    const where = articleWhere(a);
    const title = a.url ? `[${escapeMd(a.title)}](${a.url})` : escapeMd(a.title);
    const dup = a.duplicateOf ? ` (near-copy of [${numbers.get(a.duplicateOf)}])` : "";
    out.push(`${i + 1}. <a id="source-${i + 1}"></a>${title}${dup} — ${articleMeta(a)}${where && !a.url ? ` · \`${where}\`` : ""}; removed ${describeRemoved(a.removed)}`);
  });
  if (briefing.messages.length) {
    out.push("", "## Messages", "");
    for (const m of briefing.messages) out.push(`- ${escapeMd(messageLine(m))}`);
  }
  return out.join("\n") + "\n";
}

function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, "\\$1");
}
