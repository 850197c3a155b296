import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { decodeHtmlBytes } from "../../extract/decode.js";
import { extractHtml, type ExtractedPage } from "../../extract/index.js";
import { feedArticles, fetchOptionsFromEnv, fetchUrl, Fetcher, looksLikeFeed, parseSince, type FetchedArticle, type FetchOptions } from "../../fetch/index.js";
import { expandInputs } from "../../ingest/files.js";
import { looksBinary } from "../../ingest/decode.js";
import { DEFAULT_MAX_FILE_BYTES } from "../../ingest/index.js";
import { isUrl } from "../../ingest/web.js";
import type { Command } from "../io.js";
import { parseSize, positiveInt, UsageError } from "../args.js";

export const EXTRACT_HELP = `Usage: newsbrief extract <files|dirs|urls> [options]

Extracts the article (title, author, date, main text) from saved HTML pages (.html, .htm, .html.gz),
web pages given by URL, and RSS/Atom/RDF feeds (a file or a URL: one result per item).

Options:
  --format <f>         jsonl (default; one JSON object per line) | json | text
  --since <when>       feeds: only items newer than 2d, 12h, 1w or a date (2025-09-01)
  --allow <hosts>      comma-separated hosts, IPs or CIDR ranges that may be fetched although
                       private or loopback (default: none; also NEWSBRIEF_FETCH_ALLOW)
  --user-agent <ua>    User-Agent sent with requests (also NEWSBRIEF_USER_AGENT)
  --cache-dir <dir>    HTTP cache directory (default ~/.cache/newsbrief/http; NEWSBRIEF_CACHE_DIR)
  --no-cache           do not read or write the HTTP cache
  --timeout <s>        seconds allowed per request (default 15)
  --max-file-size <s>  largest page or file, e.g. 10MB (default 20MB)
  -h, --help           show this help

Each JSON result has: file or url, title, author, published (YYYY-MM-DD or null), text,
messages, and also modified, canonicalUrl, siteName, language, image, pageType and strategies
(which method found each field).
`;

type Format = "jsonl" | "json" | "text";

export interface ExtractResult {
  file?: string;
  url?: string;
  title: string | null;
  author: string | null;
  published: string | null;
  text: string;
  messages: { severity: string; ruleId: string; reason: string }[];
  modified: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  language: string | null;
  image: string | null;
  pageType: string | null;
  strategies: Record<string, string>;
  charset?: string;
}

export const extractCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      since: { type: "string" },
      allow: { type: "string" },
      "user-agent": { type: "string" },
      "cache-dir": { type: "string" },
      "no-cache": { type: "boolean" },
      timeout: { type: "string" },
      "max-file-size": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(EXTRACT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("no input given: name HTML files, directories or URLs");
  const format = (values.format ?? "jsonl") as Format;
  if (!["jsonl", "json", "text"].includes(format)) throw new UsageError(`unknown format "${values.format}"; use jsonl, json or text`);
  let since: Date | undefined;
  try {
    since = values.since ? parseSince(values.since) : undefined;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const maxBytes = values["max-file-size"] ? parseSize(values["max-file-size"]) : DEFAULT_MAX_FILE_BYTES;
  const fetcher = new Fetcher(fetchOptions(values, io.env, maxBytes));
  const results: ExtractResult[] = [];
  let extracted = 0;
  const emit = (r: ExtractResult) => {
    // The JSON keeps every message; errors (and why an input gave no text) also go to stderr, so a redirected run does not fail silently.
    const where = r.url ?? r.file;
    const told = r.messages.filter((m) => m.severity === "error" || (!r.text && m.severity === "warning"));
    for (const m of told) io.stderr.write(`newsbrief extract: ${where}: ${m.severity} ${m.reason} (extract:${m.ruleId})\n`);
    if (!r.text && !told.length) io.stderr.write(`newsbrief extract: ${where}: warning no article text found (extract:no-text)\n`);
    if (r.text) extracted++;
    if (format === "jsonl") io.stdout.write(JSON.stringify(r) + "\n");
    else if (format === "text") io.stdout.write(asText(r));
    else results.push(r);
  };
  try {
    const urls = positionals.filter(isUrl);
    const expanded = await expandInputs(positionals.filter((p) => !isUrl(p)), io.cwd);
    for (const m of expanded.messages) {
      if (m.severity === "info") continue;
      emit(failed({ file: m.file }, m.ruleId, m.reason));
    }
    for (const file of expanded.files) for (const r of await extractFile(file, io.cwd, maxBytes, since, fetcher)) emit(r);
    // URLs are fetched concurrently (the fetcher limits each host) and printed in the order given.
    const fetched = urls.map((url) => extractUrl(url, since, fetcher));
    for (const p of fetched) for (const r of await p) emit(r);
  } finally {
    fetcher.close();
  }
  if (format === "json") io.stdout.write(JSON.stringify(results, null, 1) + "\n");
  if (extracted === 0) {
    io.stderr.write("newsbrief extract: no text extracted from any input. Check the messages above; `newsbrief extract --help` lists the accepted inputs.\n");
    return 1;
  }
  return 0;
};

function fetchOptions(values: Record<string, string | boolean | undefined>, env: Record<string, string | undefined>, maxBytes: number): FetchOptions {
  const base = fetchOptionsFromEnv(env);
  const allow = typeof values.allow === "string" ? values.allow.split(",").map((s) => s.trim()).filter(Boolean) : [];
  return {
    ...base,
    allowList: [...(base.allowList ?? []), ...allow],
    userAgent: (values["user-agent"] as string | undefined) ?? base.userAgent,
    cacheDir: values["no-cache"] ? false : ((values["cache-dir"] as string | undefined) ?? base.cacheDir),
    timeoutMs: values.timeout ? positiveInt(String(values.timeout), "--timeout") * 1000 : undefined,
    maxBytes,
  };
}

function fromPage(where: { file?: string; url?: string }, page: ExtractedPage, extra: ExtractResult["messages"] = [], charset?: string): ExtractResult {
  return {
    ...where,
    title: page.title ?? null,
    author: page.author ?? null,
    published: page.published ?? null,
    text: page.text,
    messages: [...extra, ...page.messages],
    modified: page.modified ?? null,
    canonicalUrl: page.canonicalUrl ?? null,
    siteName: page.siteName ?? null,
    language: page.lang ?? null,
    image: page.image ?? null,
    pageType: page.pageType,
    strategies: page.strategies,
    ...(charset ? { charset } : {}),
  };
}

function fromArticle(where: { file?: string; url?: string }, a: FetchedArticle): ExtractResult {
  if (a.page) return { ...fromPage(where, a.page, a.messages.filter((m) => !a.page!.messages.some((p) => p.ruleId === m.ruleId)).map(({ url: _u, ...m }) => m)), title: a.title ?? null, published: a.published ?? null, author: a.author ?? null };
  return {
    ...where,
    title: a.title ?? null,
    author: a.author ?? null,
    published: a.published ?? null,
    text: a.text,
    messages: a.messages.map(({ url: _u, ...m }) => m),
    modified: null,
    canonicalUrl: null,
    siteName: a.source ?? null,
    language: null,
    image: null,
    pageType: "article",
    strategies: { text: a.from === "feed" ? "feed" : "text/plain" },
  };
}

function failed(where: { file?: string; url?: string }, ruleId: string, reason: string): ExtractResult {
  return {
    ...where,
    title: null,
    author: null,
    published: null,
    text: "",
    messages: [{ severity: "error", ruleId, reason }],
    modified: null,
    canonicalUrl: null,
    siteName: null,
    language: null,
    image: null,
    pageType: null,
    strategies: {},
  };
}

async function extractFile(file: string, cwd: string, maxBytes: number, since: Date | undefined, fetcher: Fetcher): Promise<ExtractResult[]> {
  const where = { file };
  let bytes: Uint8Array;
  try {
    const full = path.resolve(cwd, file);
    const info = await stat(full);
    if (info.size > maxBytes) return [failed(where, "too-large", `file is ${info.size} bytes, over the ${maxBytes}-byte limit (raise it with --max-file-size)`)];
    bytes = await readFile(full);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ERR_BUFFER_TOO_LARGE") return [failed(where, "too-large", `decompressed file is over the ${maxBytes}-byte limit`)];
    return [failed(where, "unreadable", e.code === "Z_DATA_ERROR" ? "not a valid gzip file" : e.message)];
  }
  if (!bytes.length) return [failed(where, "empty-file", "file is empty")];
  if (looksBinary(bytes)) return [failed(where, "binary-file", "file is binary, not an HTML page or a feed")];
  const decoded = decodeHtmlBytes(bytes);
  if (looksLikeFeed(decoded.html)) {
    try {
      const feed = await feedArticles(decoded.html, file, { since, fetcher });
      return feed.articles.map((a) => fromArticle({ file, url: a.url }, a));
    } catch (error) {
      return [failed(where, "feed-parse", (error as Error).message.replace(`${file}: `, ""))];
    }
  }
  if (!/<[a-z!]/i.test(decoded.html.slice(0, 4096))) return [failed(where, "not-html", "file is not an HTML page (no markup found)")];
  const page = extractHtml(decoded.html);
  return [fromPage(where, page, decoded.messages, decoded.charset)];
}

async function extractUrl(url: string, since: Date | undefined, fetcher: Fetcher): Promise<ExtractResult[]> {
  try {
    const r = await fetchUrl(url, { since, fetcher });
    const extra = r.messages.map(({ url: _u, ...m }) => m);
    const out = r.articles.map((a) => fromArticle({ url: a.url }, a));
    if (out.length && extra.length) out[0].messages.unshift(...extra);
    if (!out.length) return [{ ...failed({ url }, "empty-feed", "no feed item to extract"), messages: [{ severity: "warning", ruleId: "empty-feed", reason: since ? "no feed item is recent enough for --since" : "the feed has no usable items" }, ...extra] }];
    return out;
  } catch (error) {
    const e = error as Error & { code?: string };
    return [failed({ url }, e.code ?? "fetch-failed", e.message.replace(`${url}: `, ""))];
  }
}

function asText(r: ExtractResult): string {
  const head = [r.published, r.author, r.siteName, r.url ?? r.file].filter(Boolean).join(" · ");
  const notes = r.messages.map((m) => `[${m.severity}] ${m.reason}`).join("\n");
  return `# ${r.title ?? "(no title)"}\n${head}\n${notes ? notes + "\n" : ""}\n${r.text}\n\n`;
}
export const extract = extractCommand;
