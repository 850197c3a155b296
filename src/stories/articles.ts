/**
 * Story grouping of cleaned articles, as `brief` and `newsbrief stories` use it: near-copies
 * (`duplicateOf`) are left out of the grouping and join their original's story; stories are
 * ordered by size, then most recent first, and numbered s1, s2…; articles keep input order.
 */
import type { Article, OnProgress } from "../types/index.js";
import { groupStoriesWithTimes, type StoryGroup, type StoryOptions } from "./index.js";
import { storyLabel } from "./label.js";

export function groupArticles(articles: readonly Article[], options: StoryOptions = {}, onProgress?: OnProgress): StoryGroup[] {
  const originals = articles.filter((a) => !a.duplicateOf);
  const { stories, times } = groupStoriesWithTimes(
    originals.map((a) => ({ id: a.id, text: a.text, title: a.title, ...(a.published ? { published: a.published } : {}) })),
    options,
    onProgress && ((done, total) => onProgress(done, total, "grouping")),
  );
  const storyOf = new Map<string, number>();
  stories.forEach((s, k) => s.articleIds.forEach((id) => storyOf.set(id, k)));
  const members: Article[][] = stories.map(() => []);
  for (const a of articles) {
    const k = storyOf.get(a.duplicateOf ?? a.id) ?? storyOf.get(a.id);
    if (k !== undefined) members[k].push(a);
  }
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const rows = members.map((list) => ({
    list,
    latest: Math.max(-Infinity, ...list.map((a) => times.get(a.duplicateOf ?? a.id)?.day ?? -Infinity)),
    first: position.get(list[0].id)!,
  }));
  rows.sort((a, b) => b.list.length - a.list.length || b.latest - a.latest || a.first - b.first);
  const groups = rows.map((r, k) => {
    const label = storyLabel(r.list.filter((a) => !a.duplicateOf));
    onProgress?.(k + 1, rows.length, "labelling");
    return { id: `s${k + 1}`, articleIds: r.list.map((a) => a.id), label };
  });
  return distinctLabels(groups, rows.map((r) => r.list[0].title));
}

/**
 * Stories whose names alone label them alike ("Washington" for a bridge closure and for a teachers'
 * contract) are told apart by their first article's title: "Washington — Bridge closed after storm".
 */
function distinctLabels(groups: StoryGroup[], titles: string[]): StoryGroup[] {
  const uses = new Map<string, number>();
  for (const g of groups) uses.set(g.label, (uses.get(g.label) ?? 0) + 1);
  return groups.map((g, k) => (uses.get(g.label)! > 1 && titles[k]?.trim() ? { ...g, label: `${g.label} — ${shortTitle(titles[k])}` } : g));
}

/** A title cut to about 60 characters, at a word. */
function shortTitle(title: string): string {
  const t = title.trim().replace(/\s+/g, " ");
  if (t.length <= 60) return t;
  const cut = t.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 30 ? cut.lastIndexOf(" ") : 60)}…`;
}
