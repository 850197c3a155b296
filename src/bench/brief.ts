/**
 * `npm run bench`: briefs a 10-article cluster and a 1,000-article pile, in one process, and prints
 * articles/second and peak memory; then runs the `newsbrief eval` pipeline over DUC 2003 task 2 and
 * prints clusters/second. The `lead` summariser runs the same pipeline with the cheapest possible
 * selection: the ratio to it shows what newsbrief's own selection costs. Last, one long article at half
 * and full size, and one long repetitive article likewise: the ratio shows whether cost grows linearly with length. Both are warmed up first
 * and timed in alternation, so neither pays the other's JIT warm-up; times are medians.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { briefDocuments } from "../core/brief.js";
import { buildCorpus } from "../core/corpus.js";
import { clusterDocuments } from "../eval/run.js";
import type { ClusterRecord } from "../eval/datasets.js";
import { parseTextDocument } from "../ingest/text.js";
import { getSummarizer } from "../summarize/index.js";
import { repetitiveArticle } from "../testing/articles.js";
import type { RawDocument } from "../types/index.js";
import { benchArgs } from "./args.js";

benchArgs({}, "node dist/bench/brief.js (npm run bench; no options): briefing speed and peak memory, eval clusters/second on DUC 2003");

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const DATA = `${REPO}../shared/data/`;
const DUC = `${DATA}duc2003_task2/test.jsonl`;

function exampleCluster(): RawDocument[] {
  const dir = `${REPO}examples/air-france-447/`;
  return readdirSync(dir).sort().map((f) => parseTextDocument(readFileSync(dir + f, "utf8"), f));
}

function records(file: string): ClusterRecord[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as ClusterRecord);
}

function dataDocuments(limit: number): RawDocument[] {
  const out: RawDocument[] = [];
  const files = ["duc2003_task2/test.jsonl", "duc2003_task3_viewpoint/test.jsonl", "duc2007_update/test.jsonl", "multiling2011_en/test.jsonl", "duc2006/test.jsonl"];
  for (const f of files) {
    if (!existsSync(DATA + f)) continue;
    for (const rec of records(DATA + f)) {
      rec.documents.forEach((d, i) => out.push(parseTextDocument(d, `${rec.id}/${i}`)));
      if (out.length >= limit) return out.slice(0, limit);
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs each function once to warm up, then in turns for at least `minMs` (and 3 rounds): median ms per run. */
function timeTogether(fns: Array<() => void>, minMs: number): number[] {
  for (const fn of fns) fn();
  const runs: number[][] = fns.map(() => []);
  const start = performance.now();
  while (performance.now() - start < minMs || runs[0].length < 3) {
    fns.forEach((fn, k) => {
      const t = performance.now();
      fn();
      runs[k].push(performance.now() - t);
    });
  }
  return runs.map(median);
}

/** The eval pipeline (clean, annotate, summarise) over every cluster: ms for the whole pass. */
function evalPass(recs: ClusterRecord[], algorithm: string): number {
  const summarizer = getSummarizer(algorithm);
  const t = performance.now();
  recs.forEach((rec, i) => {
    const { corpus } = buildCorpus(clusterDocuments(rec, DUC, i + 1));
    if (corpus.docs.length) summarizer.summarize(corpus, { words: 100, fill: true }, { seed: 1 });
  });
  return performance.now() - t;
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

// DUC 2003 first, in a fresh process, as `newsbrief eval` sees it: the first pass includes JIT warm-up.
const duc = existsSync(DUC) ? records(DUC) : [];
const ducRows: string[][] = [["DUC 2003 task 2", "pass", "ms", "clusters/s"]];
if (duc.length) {
  const first = evalPass(duc, "newsbrief");
  const again = median([evalPass(duc, "newsbrief"), evalPass(duc, "newsbrief"), evalPass(duc, "newsbrief")]);
  ducRows.push([`${duc.length} clusters, newsbrief`, "first (cold)", first.toFixed(0), ((duc.length * 1000) / first).toFixed(1)]);
  ducRows.push([`${duc.length} clusters, newsbrief`, "warm (median of 3)", again.toFixed(0), ((duc.length * 1000) / again).toFixed(1)]);
} else ducRows.push(["-", "(no ../shared/data)", "", ""]);

const cluster = exampleCluster();
const pile = dataDocuments(1000);
const rows: string[][] = [["input", "algorithm", "ms/run", "articles/s", "vs lead"]];
for (const [label, docs] of [["10-article cluster", cluster], [`${pile.length}-article pile`, pile]] as const) {
  if (docs.length === 0) {
    rows.push([label, "-", "(no ../shared/data)", "", ""]);
    continue;
  }
  const [lead, ours] = timeTogether(
    [() => briefDocuments(docs, [], { algorithm: "lead" }), () => briefDocuments(docs, [], { algorithm: "newsbrief" })],
    docs.length > 100 ? 6000 : 2000,
  );
  for (const [name, ms] of [["lead", lead], ["newsbrief", ours]] as const) {
    rows.push([label, name, ms.toFixed(1), ((docs.length * 1000) / ms).toFixed(0), (ms / lead).toFixed(2) + "x"]);
  }
}
// One long article (a compilation of the pile's texts), at half and full size: the ratio shows whether
// the cost grows linearly (about 2x) with an article's length.
const longRows: string[][] = [["one long article", "ms/run", "vs half"]];
const compiled = pile.map((d) => d.raw).join("\n\n").slice(0, 1_000_000);
if (compiled.length >= 200_000) {
  const sized = [compiled.slice(0, compiled.length >> 1), compiled].map((raw) => [{ file: "long.txt", raw }] as RawDocument[]);
  const [half, full] = timeTogether(sized.map((docs) => () => briefDocuments(docs, [])), 4000);
  longRows.push([`${(sized[0][0].raw.length / 1e6).toFixed(1)} MB`, half.toFixed(0), "1.00x"]);
  longRows.push([`${(compiled.length / 1e6).toFixed(1)} MB`, full.toFixed(0), `${(full / half).toFixed(2)}x`]);
} else longRows.push(["-", "(no ../shared/data)", ""]);
// One long repetitive article (sentences drawn from 17 words): nearly every candidate repeats the first picks.
const repetitive = [6000, 12000].map((n) => [{ file: "repetitive.txt", raw: repetitiveArticle(n) }] as RawDocument[]);
const [halfRep, fullRep] = timeTogether(repetitive.map((docs) => () => briefDocuments(docs, [])), 4000);
longRows.push([`repetitive ${(repetitive[0][0].raw.length / 1e6).toFixed(1)} MB`, halfRep.toFixed(0), "1.00x"]);
longRows.push([`repetitive ${(repetitive[1][0].raw.length / 1e6).toFixed(1)} MB`, fullRep.toFixed(0), `${(fullRep / halfRep).toFixed(2)}x`]);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const print = (table: string[][]): void => {
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const r of table) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join("  "));
};
print(ducRows);
console.log("");
print(rows);
console.log("");
print(longRows);
console.log(`peak RSS ${mb(peak)} (node ${process.version}, one thread)`);
