import { cleanDocument } from "../clean/index.js";
import { whyNotEnglish } from "../clean/language.js";
import { articleToDocument, ignoredDateReason } from "../ingest/json.js";
import { contentHash, urlKey } from "../store/text.js";
import { whyNotGrouped } from "../stories/ungroupable.js";
import type { IngestItem, RawInput, StoredArticle } from "../store/types.js";
import type { ArticleInput, Message, RawDocument } from "../types/index.js";

/**
 * Turns one article as a user sent it into what the store keeps: the text the pipeline cleans
 * (HTML extracted), the cleaned text, its hash, and problems as messages. Never throws for bad
 * content: an unusable item becomes a message, and its raw input is kept all the same.
 */
export function prepareItem(item: ArticleInput, input: RawInput, file: string = input.kind): IngestItem {
  const doc = articleToDocument(item, file);
  if (typeof doc === "string") return { input, messages: [msg(file, "error", "no-text", doc, "ingest")] };
  const messages: Message[] = [];
  const warnings = (doc as RawDocument & { warnings?: string[] }).warnings ?? [];
  for (const w of warnings) messages.push(msg(file, "warning", "html-extract", w, "ingest"));
  const ignoredDate = ignoredDateReason(item, doc);
  if (ignoredDate) messages.push(msg(file, "warning", "bad-date", ignoredDate, "ingest"));
  let cleaned = cleanDocument(doc, "new");
  if (cleaned.wordCount === 0) {
    messages.push(msg(file, "error", "empty-after-cleaning", "no article text left after removing boilerplate", "clean"));
    return { input, messages };
  }
  const notEnglish = whyNotEnglish(cleaned.text);
  if (notEnglish) messages.push(msg(file, "warning", "not-english", notEnglish, "clean"));
  const ungroupable = whyNotGrouped(cleaned);
  if (ungroupable) messages.push(msg(file, "warning", ungroupable.ruleId, ungroupable.reason, "clean"));
  // Briefings re-clean the stored text with the title fixed: clean it that way here too, so offsets agree.
  const title = doc.title ?? cleaned.title;
  if (doc.title === undefined) cleaned = cleanDocument({ ...doc, title }, "new");
  return {
    input,
    messages,
    article: {
      title,
      url: doc.url,
      urlKey: urlKey(doc.url),
      source: doc.source,
      published: doc.published,
      raw: doc.raw,
      bodyOffset: doc.bodyOffset,
      cleanText: cleaned.text,
      wordCount: cleaned.wordCount,
      contentHash: contentHash(cleaned.text),
    },
  };
}

/** A stored article as the briefing pipeline takes it (its id kept, so citations point at it). */
export function toRawDocument(a: StoredArticle): RawDocument {
  return {
    file: a.id,
    id: a.id,
    raw: a.raw,
    ...(a.bodyOffset !== undefined ? { bodyOffset: a.bodyOffset } : {}),
    title: a.title,
    ...(a.url ? { url: a.url } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.published ? { published: a.published } : {}),
  };
}

function msg(file: string, severity: Message["severity"], ruleId: string, reason: string, source: string): Message {
  return { file, severity, ruleId, reason, source };
}
