/**
 * `npm run bench:entities`: prints, for a fixed sample of clusters of `../shared/data`, each story's
 * top 10 entities and first 5 quotes (with the words around each quote), to hand-check them. There
 * is no gold standard for entities in the shared data, so the figure is a hand count of errors by
 * kind over this print-out.
 *
 * dev: DUC 2003 task 2 clusters 0–14 and the 10 MultiLing 2011 clusters.
 * held-out: the first stage (A) of the 10 DUC 2007 update topics and DUC 2006 clusters 0–9.
 * Multi-News is left out: its copy is lowercased, so it shows almost no names.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { briefDocuments } from "../core/brief.js";
import type { Briefing, RawDocument } from "../types/index.js";
import { benchArgs } from "./args.js";
import { DATA } from "./story-data.js";

const USAGE = "node dist/bench/entities.js [--sample dev|held-out] [--out FILE] (npm run bench:entities): top entities and quotes of a fixed sample, to hand-check";
const args = benchArgs({ sample: { type: "string", default: "dev" }, out: { type: "string" } }, USAGE);

const SAMPLES: Record<string, Array<{ set: string; skip: number; count: number; every?: number }>> = {
  dev: [
    { set: "duc2003_task2", skip: 0, count: 15 },
    { set: "multiling2011_en", skip: 0, count: 10 },
  ],
  "held-out": [
    { set: "duc2007_update", skip: 0, count: 10, every: 3 },
    { set: "duc2006", skip: 0, count: 10 },
  ],
};

interface Record_ {
  id: string;
  documents: string[];
  dates?: Array<string | null>;
}

function records(set: string, skip: number, count: number, every = 1): Record_[] {
  const file = `${DATA}${set}/test.jsonl`;
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .slice(skip)
    .filter((_, k) => k % every === 0)
    .slice(0, count)
    .map((line) => JSON.parse(line) as Record_);
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function report(id: string, briefing: Briefing): string[] {
  const lines = [`## ${id}`];
  const text = new Map(briefing.articles.map((a) => [a.id, a.text]));
  for (const story of briefing.stories) {
    for (const e of story.entities.slice(0, 10)) lines.push(`E ${e.name} | ${e.type} | ${e.count} | ${e.variants.join("; ")}`);
    for (const q of story.quotes.slice(0, 5)) {
      const t = text.get(q.articleId) ?? "";
      lines.push(`Q [${q.speaker}] “${oneLine(q.text, 70)}” ⟨${oneLine(t.slice(Math.max(0, q.start - 80), q.start), 80)} ‖ ${oneLine(t.slice(q.end, q.end + 80), 80)}⟩`);
    }
  }
  return lines;
}

const sample = SAMPLES[args.sample ?? "dev"];
if (!sample) {
  process.stderr.write(`unknown sample ${args.sample}\nusage: ${USAGE}\n`);
  process.exit(2);
}
const out: string[] = [];
let entities = 0;
let quotes = 0;
for (const { set, skip, count, every } of sample) {
  for (const rec of records(set, skip, count, every)) {
    const docs: RawDocument[] = rec.documents.map((raw, i) => ({ file: `${rec.id}#${i}`, raw, ...(rec.dates?.[i] ? { published: rec.dates[i]! } : {}) }));
    const briefing = briefDocuments(docs, [], { separateStories: false });
    out.push(...report(`${set} ${rec.id}`, briefing), "");
    for (const s of briefing.stories) {
      entities += Math.min(10, s.entities.length);
      quotes += Math.min(5, s.quotes.length);
    }
  }
}
out.push(`# ${entities} entities, ${quotes} quotes listed`);
if (args.out) writeFileSync(args.out, `${out.join("\n")}\n`);
else process.stdout.write(`${out.join("\n")}\n`);
