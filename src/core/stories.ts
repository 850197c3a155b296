import { ingestObjects, ingestPaths } from "../ingest/index.js";
import { groupArticles } from "../stories/articles.js";
import type { ArticleInput, Message, RawDocument } from "../types/index.js";
import type { BriefInputOptions } from "./brief.js";
import { cleanArticles } from "./corpus.js";
import { assignIds } from "./ids.js";

/** What `newsbrief stories` prints: the grouping only (other tools score it: keep these names). */
export interface StoryGrouping {
  articles: Array<{ id: string; file?: string; title: string }>;
  stories: Array<{ id: string; articleIds: string[]; label: string }>;
  messages: Message[];
}

/** Groups articles given as objects or paths into stories, without briefing them. */
export async function groupInputs(inputs: ReadonlyArray<ArticleInput | string>, options: BriefInputOptions = {}): Promise<StoryGrouping> {
  const paths = inputs.filter((x): x is string => typeof x === "string");
  const objects = inputs.filter((x): x is ArticleInput => typeof x !== "string");
  const fromPaths = paths.length ? await ingestPaths(paths, options) : { docs: [], messages: [] };
  const fromObjects = ingestObjects(objects);
  return groupDocuments([...fromPaths.docs, ...fromObjects.docs], [...fromPaths.messages, ...fromObjects.messages], options);
}

/** The pure form: raw documents in, grouping out. Articles left empty by cleaning are reported, not grouped. */
export function groupDocuments(docs: RawDocument[], messages: Message[], options: BriefInputOptions = {}): StoryGrouping {
  const { usable, empty } = cleanArticles(docs, assignIds(docs));
  for (const i of empty) {
    messages.push({ file: docs[i].file, ...(docs[i].line ? { line: docs[i].line } : {}), severity: "warning", ruleId: "empty-after-cleaning", reason: "no article text left after removing boilerplate", source: "clean" });
  }
  if (usable.length === 0) {
    messages.push({ file: "(input)", severity: "error", ruleId: "no-usable-articles", reason: "no usable article in the input: give text, Markdown, JSON, JSONL or HTML files, or a directory holding them", source: "stories" });
  }
  return {
    articles: usable.map((a) => ({ id: a.id, ...(a.file ? { file: a.file } : {}), title: a.title })),
    stories: usable.length ? groupArticles(usable, { granularity: options.granularity }) : [],
    messages,
  };
}
