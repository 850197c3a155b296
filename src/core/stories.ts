import { groupArticles } from "../stories/articles.js";
import type { ArticleInput, Message, RawDocument } from "../types/index.js";
import type { BriefInputOptions } from "./brief.js";
import { cleanReporting, readInputs } from "./corpus.js";

/** What `newsbrief stories` prints: the grouping only (other tools score it: keep these names). */
export interface StoryGrouping {
  articles: Array<{ id: string; file?: string; title: string }>;
  stories: Array<{ id: string; articleIds: string[]; label: string }>;
  messages: Message[];
}

/** Groups articles given as objects or paths into stories, without briefing them. */
export async function groupInputs(inputs: ReadonlyArray<ArticleInput | string>, options: BriefInputOptions = {}): Promise<StoryGrouping> {
  const { docs, messages } = await readInputs(inputs, options);
  return groupDocuments(docs, messages, options);
}

/** The pure form: raw documents in, grouping out. Articles left empty by cleaning are reported, not grouped. */
export function groupDocuments(docs: RawDocument[], messages: Message[], options: BriefInputOptions = {}): StoryGrouping {
  const { usable } = cleanReporting(docs, messages, "stories");
  return {
    articles: usable.map((a) => ({ id: a.id, ...(a.file ? { file: a.file } : {}), title: a.title })),
    stories: usable.length ? groupArticles(usable, { granularity: options.granularity }, options.onProgress) : [],
    messages,
  };
}
