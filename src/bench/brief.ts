/**
 * `npm run bench`: briefs a 10-article cluster and a 1,000-article pile, in one process, and prints
 * articles/second and peak memory. The `lead` summariser runs the same pipeline with the cheapest
 * possible selection: the ratio to it shows what newsbrief's own selection costs.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readdirSync } from "node:fs";
import { briefDocuments } from "../core/brief.js";
import { parseTextDocument } from "../ingest/text.js";
import type { RawDocument } from "../types/index.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const DATA = `${REPO}../shared/data/`;

function exampleCluster(): RawDocument[] {
  const dir = `${REPO}examples/air-france-447/`;
  return readdirSync(dir).sort().map((f) => parseTextDocument(readFileSync(dir + f, "utf8"), f));
}

function dataDocuments(limit: number): RawDocument[] {
  const out: RawDocument[] = [];
  const files = ["duc2003_task2/test.jsonl", "duc2003_task3_viewpoint/test.jsonl", "duc2007_update/test.jsonl", "multiling2011_en/test.jsonl", "duc2006/test.jsonl"];
  for (const f of files) {
    if (!existsSync(DATA + f)) continue;
    for (const line of readFileSync(DATA + f, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { id: string; documents: string[] };
      rec.documents.forEach((d, i) => out.push(parseTextDocument(d, `${rec.id}/${i}`)));
      if (out.length >= limit) return out.slice(0, limit);
    }
  }
  return out;
}

function time(fn: () => void, minMs = 1000): { perRun: number; runs: number } {
  fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || runs < 3) {
    fn();
    runs++;
  }
  return { perRun: (performance.now() - start) / runs, runs };
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

const cluster = exampleCluster();
const pile = dataDocuments(1000);
const rows: string[][] = [["input", "algorithm", "ms/run", "articles/s", "vs lead"]];
for (const [label, docs] of [["10-article cluster", cluster], [`${pile.length}-article pile`, pile]] as const) {
  if (docs.length === 0) {
    rows.push([label, "-", "(no ../shared/data)", "", ""]);
    continue;
  }
  const lead = time(() => briefDocuments(docs, [], { algorithm: "lead" }), docs.length > 100 ? 3000 : 1000);
  const ours = time(() => briefDocuments(docs, [], { algorithm: "newsbrief" }), docs.length > 100 ? 3000 : 1000);
  for (const [name, r] of [["lead", lead], ["newsbrief", ours]] as const) {
    rows.push([label, name, r.perRun.toFixed(1), ((docs.length * 1000) / r.perRun).toFixed(0), (r.perRun / lead.perRun).toFixed(2) + "x"]);
  }
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join("  "));
console.log(`peak RSS ${mb(peak)} (node ${process.version}, one thread)`);
