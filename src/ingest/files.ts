import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Message } from "../types/index.js";
import { problem } from "./json.js";

export const ARTICLE_EXTENSIONS = [".txt", ".md", ".markdown", ".text", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml"];

/** Expands files, directories (recursively) and globs into a sorted list of files, reporting what is missing. */
export async function expandInputs(inputs: string[], cwd: string): Promise<{ files: string[]; messages: Message[] }> {
  const files: string[] = [];
  const messages: Message[] = [];
  for (const input of inputs) {
    if (input === "-") {
      files.push("-");
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await walk(absolute, messages, input);
      if (found.length === 0) messages.push(problem(input, undefined, "empty-directory", `no article files (${ARTICLE_EXTENSIONS.join(" ")}) in this directory`));
      files.push(...found.map((f) => path.join(input, path.relative(absolute, f))));
    } else if (info) {
      files.push(input);
    } else if (/[*?[\]{}]/.test(input)) {
      const matched = (await glob(input, { cwd, onlyFiles: true, dot: false })).sort(readingOrder);
      if (matched.length === 0) messages.push(problem(input, undefined, "no-match", "no files match this pattern"));
      files.push(...matched);
    } else {
      messages.push(problem(input, undefined, "missing-path", "no such file or directory"));
    }
  }
  // One file named twice ("seeds" and "/abs/seeds", a folder and a file in it) is read once, and the user told so.
  const seen = new Set<string>();
  const repeated: string[] = [];
  const unique = files.filter((f) => {
    const key = f === "-" ? f : path.resolve(cwd, f);
    if (!seen.has(key)) return Boolean(seen.add(key));
    repeated.push(f);
    return false;
  });
  if (repeated.length) {
    const reason = repeated.length === 1 ? "named more than once among the inputs; read once" : `${repeated.length} files named more than once among the inputs (this one first); each read once`;
    messages.push({ ...problem(repeated[0], undefined, "named-twice", reason), severity: "info" });
  }
  return { files: unique, messages };
}

async function walk(dir: string, messages: Message[], label: string): Promise<string[]> {
  const out: string[] = [];
  const skipped: string[] = [];
  const visit = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch((error: Error) => {
      messages.push(problem(path.join(label, path.relative(dir, current)), undefined, "unreadable-directory", error.message));
      return [];
    });
    entries.sort((a, b) => readingOrder(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      if (/^(?:readme|license|licence|changelog|attribution|contributing|notice)(?:\.|$)/i.test(entry.name)) {
        skipped.push(path.relative(dir, path.join(current, entry.name)));
        continue;
      }
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (isArticleFile(entry.name)) out.push(full);
      else skipped.push(path.relative(dir, full));
    }
  };
  await visit(dir);
  if (skipped.length) {
    const named = skipped.slice(0, 3).join(", ") + (skipped.length > 3 ? ` and ${skipped.length - 3} more` : "");
    messages.push({ ...problem(label, undefined, "skipped-files", `skipped ${skipped.length} file(s) that are not articles (by extension): ${named}`), severity: "info" });
  }
  return out;
}

export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.gz$/, "");
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Names in the order a person reads a folder ('t2' before 't10', as `ls -v` and file managers list
 * them): runs of digits compare as numbers, the rest by code unit. Intl.Collator's numeric option
 * would also fold case and accents by locale, and the order must not change with the machine.
 */
export function readingOrder(a: string, b: string): number {
  const x = a.match(/\d+|\D+/g) ?? [];
  const y = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < x.length && i < y.length; i++) {
    if (x[i] === y[i]) continue;
    if (/^\d/.test(x[i]) && /^\d/.test(y[i])) {
      const p = x[i].replace(/^0+/, "");
      const q = y[i].replace(/^0+/, "");
      if (p.length !== q.length) return p.length - q.length;
      if (p !== q) return p < q ? -1 : 1;
      continue;
    }
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}
