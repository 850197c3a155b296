import path from "node:path";
import type { RawDocument } from "../types/index.js";

/** Stable, readable, unique article ids: the caller's id, else the file name (and JSONL line). */
export function assignIds(docs: RawDocument[]): string[] {
  const used = new Set<string>();
  return docs.map((doc, i) => {
    const base = doc.id ?? fromFile(doc) ?? `a${i + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

function fromFile(doc: RawDocument): string | undefined {
  if (!doc.file || /^input\[\d+\]$/.test(doc.file)) return undefined;
  const name = doc.file === "-" ? "stdin" : path.basename(doc.file).replace(/(\.[a-z0-9]+)+$/i, "");
  const slug = name.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-+|-+$/g, "") || "article";
  return doc.line !== undefined ? `${slug}:${doc.line}` : slug;
}
