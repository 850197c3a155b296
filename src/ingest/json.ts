import type { ArticleInput, Message, RawDocument } from "../types/index.js";
import { normalizeDate } from "./dates.js";
import { parseHtmlDocument } from "./html.js";
import { parseTextDocument } from "./text.js";

export interface Parsed {
  docs: RawDocument[];
  messages: Message[];
}

const TEXT_FIELDS = ["text", "body", "content", "articleBody", "article"] as const;
const DATE_FIELDS = ["published", "date", "publishedAt", "published_at", "pubDate", "datePublished"] as const;

/** One JSON value (object or array of objects) holding articles. */
export function parseJsonDocuments(json: string, file: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    if (json.trimStart().startsWith("{") && json.includes("\n")) return parseJsonLines(json, file);
    return { docs: [], messages: [problem(file, undefined, "json-parse", `not valid JSON: ${(error as Error).message}`)] };
  }
  const items = Array.isArray(value) ? value : [value];
  const out: Parsed = { docs: [], messages: [] };
  items.forEach((item, i) => addArticle(out, item, file, undefined, Array.isArray(value) ? `item ${i}` : undefined));
  return out;
}

/** JSON Lines: one article object per line; a bad line is reported and skipped. */
export function parseJsonLines(text: string, file: string): Parsed {
  const out: Parsed = { docs: [], messages: [] };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      out.messages.push(problem(file, i + 1, "json-parse", `not valid JSON: ${(error as Error).message}`));
      continue;
    }
    addArticle(out, value, file, i + 1);
  }
  return out;
}

/** Turns one article object into a raw document, reporting what is missing. */
export function articleToDocument(item: ArticleInput, file: string, line?: number): RawDocument | string {
  const record = item as Record<string, unknown>;
  const text = TEXT_FIELDS.map((f) => record[f]).find((v): v is string => typeof v === "string" && v.trim() !== "");
  const html = typeof item.html === "string" && item.html.trim() ? item.html : undefined;
  if (text === undefined && html === undefined) {
    return `no article text: expected a non-empty "text", "body" or "content" field`;
  }
  const base = text !== undefined ? parseTextDocument(text, file) : parseHtmlDocument(html!, file, str(item.url));
  const dateValue = DATE_FIELDS.map((f) => record[f]).find((v) => v !== undefined && v !== null && v !== "");
  return {
    ...base,
    line,
    id: str(item.id),
    title: str(item.title) ?? base.title,
    url: str(item.url) ?? base.url,
    source: str(item.source) ?? base.source ?? hostOf(str(item.url)),
    published: normalizeDate(dateValue) ?? base.published,
  };
}

function addArticle(out: Parsed, value: unknown, file: string, line?: number, where?: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    out.messages.push(problem(file, line, "not-an-article", `${where ?? "value"} is not an article object`));
    return;
  }
  const doc = articleToDocument(value as ArticleInput, file, line);
  if (typeof doc === "string") {
    out.messages.push(problem(file, line, "no-text", where ? `${where}: ${doc}` : doc));
    return;
  }
  const ignored = ignoredDateReason(value, doc);
  if (ignored) out.messages.push({ ...problem(file, line, "bad-date", ignored), severity: "warning" });
  out.docs.push(doc);
}

/** Why the article's given publication date was dropped (it is not a date); undefined when none was given or it was used. */
export function ignoredDateReason(item: object, doc: RawDocument): string | undefined {
  const dateValue = DATE_FIELDS.map((f) => (item as Record<string, unknown>)[f]).find((v) => v !== undefined && v !== null && v !== "");
  return dateValue !== undefined && !doc.published ? `published date ${JSON.stringify(dateValue)} is not a date; ignored` : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

export function problem(file: string, line: number | undefined, ruleId: string, reason: string): Message {
  return { file, ...(line !== undefined ? { line } : {}), severity: "error", ruleId, reason, source: "ingest" };
}
