import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

/** One multi-document summarisation cluster (see ../shared/data/README.md). */
export interface ClusterRecord {
  id: string;
  documents: string[];
  /** Reference summaries. */
  summaries: string[];
  /** Publication date of each document, when known. */
  dates?: Array<string | null>;
  /** The question a query-focused task (DUC 2005-2007) asks: its title and narrative, as one text. */
  query?: string;
}

/** One line of a dataset: a cluster, or why the line could not be read. */
export type DatasetLine = { line: number; record: ClusterRecord } | { line: number; error: string };

export async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** A dataset file as a text stream, gunzipped when it is gzip (by its magic bytes, whatever its name). */
export async function openDataset(file: string): Promise<Readable> {
  const raw = createReadStream(file);
  return (await isGzip(file)) ? raw.pipe(createGunzip()) : raw;
}

/**
 * Reads a JSONL dataset (plain or gzip) line by line, without loading it whole. Blank lines are
 * skipped; a line that is not valid JSON or not a cluster yields an error naming the line.
 * Throws only when the file cannot be opened.
 */
export async function* readDataset(file: string): AsyncGenerator<DatasetLine> {
  const stream = await openDataset(file);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield { line, error: `not valid JSON (${(error as Error).message})` };
        continue;
      }
      const problem = checkRecord(value);
      if (problem) yield { line, error: problem };
      else yield { line, record: toRecord(value as Record<string, unknown>, line) };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

function checkRecord(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a cluster object";
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.documents) || !v.documents.every((d) => typeof d === "string")) return 'no "documents" array of strings';
  if (v.documents.length === 0) return 'empty "documents"';
  if (!Array.isArray(v.summaries) || !v.summaries.every((s) => typeof s === "string")) return 'no "summaries" array of strings';
  if (!v.summaries.some((s) => (s as string).trim() !== "")) return 'no reference in "summaries"';
  return undefined;
}

function toRecord(v: Record<string, unknown>, line: number): ClusterRecord {
  const id = typeof v.id === "string" || typeof v.id === "number" ? String(v.id) : `line${line}`;
  const record: ClusterRecord = { id, documents: v.documents as string[], summaries: (v.summaries as string[]).filter((s) => s.trim() !== "") };
  if (Array.isArray(v.dates)) record.dates = v.dates.map((d) => (typeof d === "string" ? d : null));
  const query = queryText(v.query);
  if (query) record.query = query;
  return record;
}

const ENDS_SENTENCE = /[.?!]$/;

/** A record's `query`: a string, or DUC's {title, narrative} joined as sentences. */
function queryText(q: unknown): string | undefined {
  if (typeof q === "string") return q.trim() || undefined;
  if (typeof q !== "object" || q === null) return undefined;
  const { title, narrative } = q as Record<string, unknown>;
  const parts = [title, narrative].filter((x): x is string => typeof x === "string" && x.trim() !== "").map((x) => x.trim());
  // The title becomes a sentence of its own, so the tokeniser does not join it to the narrative.
  return parts.length ? parts.map((x) => (ENDS_SENTENCE.test(x) ? x : `${x}.`)).join(" ") : undefined;
}

/** Number of non-blank lines (an upper bound on the clusters), for progress reporting. */
export async function countLines(file: string): Promise<number> {
  const stream = await openDataset(file);
  let count = 0;
  let blank = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 0x0a) {
        if (!blank) count++;
        blank = true;
      } else if (c !== 0x20 && c !== 0x0d && c !== 0x09) blank = false;
    }
  }
  return blank ? count : count + 1;
}
