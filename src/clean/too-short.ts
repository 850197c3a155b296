import type { Article } from "../types/index.js";

/**
 * Fewer words than this cannot tell which story an article belongs to (a stray "Hello", a lone
 * headline): such articles are reported and kept out of the stories while longer ones exist.
 */
export const MIN_STORY_WORDS = 8;

/** Why an article of fewer than `MIN_STORY_WORDS` words cannot be grouped, quoting its start. */
export function tooShortReason(a: Pick<Article, "text" | "wordCount">): string {
  return `only ${a.wordCount} word(s) of text ("${a.text.slice(0, 60)}"): too short to tell which story it belongs to`;
}
