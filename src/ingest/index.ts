import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import type { ArticleInput, Message, OnProgress, RawDocument } from "../types/index.js";
import { decodeBytes, gzipProblem, looksBinary } from "./decode.js";
import { expandInputs } from "./files.js";
import { parseHtmlDocument } from "./html.js";
import { articleToDocument, parseJsonDocuments, parseJsonLines, problem, type Parsed } from "./json.js";
import { parseTextDocument } from "./text.js";
import { htmlFromBytes, ingestFeedText, ingestUrls, isUrl, type WebIngestOptions } from "./web.js";
import { looksLikeFeed } from "../fetch/feed.js";
import { mapLimit } from "../fetch/limiter.js";

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface IngestOptions extends WebIngestOptions {
  maxFileBytes?: number;
  cwd?: string;
  stdin?: Readable;
  /** Called as files are read (step `reading`): for a progress display on large folders. */
  onProgress?: OnProgress;
}

/** Reads every input path (files, directories, globs, `-`) into raw documents; problems become messages. */
export async function ingestPaths(inputs: string[], options: IngestOptions = {}): Promise<Parsed> {
  const cwd = options.cwd ?? process.cwd();
  const urls = inputs.filter(isUrl);
  const expanded = await expandInputs(inputs.filter((i) => !isUrl(i)), cwd);
  const out: Parsed = { docs: [], messages: [...expanded.messages] };
  let done = 0;
  const results = await mapLimit(expanded.files, 16, async (file) => {
    const result = await readOne(file, cwd, options);
    options.onProgress?.(++done, expanded.files.length, "reading");
    return result;
  });
  for (const result of results) {
    out.docs.push(...result.docs);
    out.messages.push(...result.messages);
  }
  if (urls.length) {
    const web = await ingestUrls(urls, options);
    out.docs.push(...web.docs);
    out.messages.push(...web.messages);
  }
  return out;
}

/** Article objects handed to the library directly; `first` is the position of `items[0]` among the caller's inputs, which messages name. */
export function ingestObjects(items: ArticleInput[], first = 0): Parsed {
  const out: Parsed = { docs: [], messages: [] };
  items.forEach((item, k) => {
    const i = first + k;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      out.messages.push(problem(`input[${i}]`, undefined, "not-an-article", `not an article object (got ${item === null ? "null" : Array.isArray(item) ? "an array" : typeof item})`));
      return;
    }
    const file = item.file ?? `input[${i}]`;
    const doc = articleToDocument(item, file);
    if (typeof doc === "string") out.messages.push(problem(file, undefined, "no-text", doc));
    else out.docs.push(doc);
  });
  return out;
}

async function readOne(file: string, cwd: string, options: IngestOptions): Promise<Parsed> {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Uint8Array;
  try {
    if (file === "-") {
      bytes = await readStream(options.stdin ?? process.stdin, max);
    } else {
      const full = path.resolve(cwd, file);
      const info = await stat(full);
      if (info.size > max) return fail(file, "too-large", `file is ${formatBytes(info.size)}, over the ${formatBytes(max)} limit (raise it with --max-file-size)`);
      bytes = await readFile(full);
      if (file.toLowerCase().endsWith(".gz")) bytes = gunzipSync(bytes, { maxOutputLength: max });
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "TOO_LARGE" || e.code === "ERR_BUFFER_TOO_LARGE") return fail(file, "too-large", `input is over the ${formatBytes(max)} limit (raise it with --max-file-size)`);
    return fail(file, "unreadable", gzipProblem(e) ?? (e.code === "EACCES" ? "permission denied" : e.message));
  }
  if (/\.x?html?(?:\.gz)?$/i.test(file) && bytes.length) return looksBinary(bytes) ? fail(file, "binary-file", BINARY) : htmlFromBytes(bytes, file);
  const decoded = decodeBytes(bytes);
  if (decoded === "empty") return fail(file, "empty-file", "file is empty");
  if (decoded === "binary") return fail(file, "binary-file", BINARY);
  const text = decoded.text;
  if (!text.trim()) return fail(file, "empty-file", "file holds only white space");
  if (looksLikeFeed(text)) return ingestFeedText(text, file, options);
  const xmlRoot = otherXmlRoot(text, file);
  if (xmlRoot) return fail(file, "not-a-feed", `XML with a <${xmlRoot}> root, not an article or an RSS, Atom or RDF feed (a sitemap lists pages: give their URLs)`);
  const parsed = parseByFormat(text, file);
  if (decoded.encoding === "windows-1252") {
    parsed.messages.push({ file, severity: "info", ruleId: "encoding", reason: "not valid UTF-8; decoded as Windows-1252", source: "ingest" });
  }
  return parsed;
}

const BINARY = "file is binary, not text, JSON or HTML";

/** The root element's name of an XML file (.xml, or text opening with an XML declaration) that is not an XHTML page; feeds are told apart before. */
function otherXmlRoot(text: string, file: string): string | undefined {
  const head = text.trimStart().slice(0, 4096);
  if (!/\.xml(?:\.gz)?$/i.test(file) && !head.startsWith("<?xml")) return undefined;
  const root = /<([A-Za-z][\w:.-]*)/.exec(head)?.[1];
  return root && root.toLowerCase() !== "html" ? root : undefined;
}

function parseByFormat(text: string, file: string): Parsed {
  const lower = file.toLowerCase().replace(/\.gz$/, "");
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return parseJsonLines(text, file);
  if (lower.endsWith(".json")) return parseJsonDocuments(text, file);
  if (/\.x?html?$/.test(lower) || (file === "-" || !/\.(txt|md|markdown|text)$/.test(lower)) && /^(<!doctype html|<html|<head|<body|<article)/.test(head)) {
    const doc = parseHtmlDocument(text, file);
    const messages: Message[] = doc.warnings.map((reason) => ({ file, severity: "warning", ruleId: "html-extract", reason, source: "ingest" }));
    if (!doc.raw.trim()) return { docs: [], messages: [...messages, problem(file, undefined, "no-text", "no article text found in this HTML page")] };
    const { warnings: _w, ...raw } = doc;
    return { docs: [raw], messages };
  }
  if (file === "-" && /^[[{]/.test(head)) {
    return head.startsWith("[") ? parseJsonDocuments(text, file) : parseJsonLines(text, file);
  }
  return { docs: [parseTextDocument(text, file)], messages: [] };
}

function fail(file: string, ruleId: string, reason: string): Parsed {
  return { docs: [] as RawDocument[], messages: [problem(file, undefined, ruleId, reason)] };
}

async function readStream(stream: Readable, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > max) throw Object.assign(new Error("too large"), { code: "TOO_LARGE" });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} bytes`;
}
