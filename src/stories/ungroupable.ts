import { notProseReason } from "../clean/not-prose.js";
import { MIN_STORY_WORDS, tooShortReason } from "../clean/too-short.js";
import { isCrawlJunk } from "./boilerplate.js";

export interface GroupingProblem {
  ruleId: "too-short" | "crawl-junk" | "not-prose";
  reason: string;
}

/**
 * Why an article cannot join a story, if it cannot: too few words to tell which (`too-short`), or
 * page furniture a crawler kept instead of the article (`crawl-junk`: a cookie wall, a sign-up
 * form, an archive's crawl note), which tells no story at all, or no running text (`not-prose`: a
 * data dump, a table, code), whose tokens are words of no story. Batch runs leave such articles out
 * of the stories; the service reports it too, and grouping finds no story for it (featureless).
 */
export function whyNotGrouped(a: { text: string; wordCount: number }): GroupingProblem | undefined {
  if (a.wordCount < MIN_STORY_WORDS) return { ruleId: "too-short", reason: tooShortReason(a) };
  if (isCrawlJunk(a.text)) return { ruleId: "crawl-junk", reason: `page furniture rather than an article ("${a.text.slice(0, 60)}"): nothing to tell which story it belongs to` };
  const notProse = notProseReason(a.text);
  if (notProse) return { ruleId: "not-prose", reason: notProse };
  return undefined;
}
