/**
 * `npm run bench:stories`: how well story grouping separates mixed piles, how fast it is, how
 * closely the incremental index agrees with the batch run, and how well dates are estimated.
 *
 * Mixtures: 2–20 clusters of one evaluation set (each cluster = one story), about half of them
 * picked as the nearest neighbours of clusters already in (related topics), articles shuffled;
 * seeded. Event granularity is scored on event-like sets (DUC 2003 task 2, DUC 2007 update,
 * MultiLing 2011, Multi-News), topic granularity on DUC topic sets (DUC 2003 task 3, DUC 2006,
 * DUC 2007 main). "dev" sets were used to choose thresholds; "held-out" sets were not.
 * DUC articles keep their dates except a random 30%, whose dates are estimated from content.
 *
 * Options: `--mixtures N` (default 100 per set), `--seed N`, `--threshold X`, `--quick`.
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cleanDocument } from "../clean/index.js";
import { groupStories, StoryIndex, type Granularity, type StoryArticle, type StoryOptions } from "../stories/index.js";
import { extractFeatures, Vocabulary } from "../stories/features.js";
import { dayNumber, estimateFromMentions, estimatePublished, findDates, parseIsoDate } from "../timeline/dates.js";
import { splitSentences } from "../nlp/sentences.js";
import { DATE_FIXTURES } from "../timeline/fixtures.js";
import { newsbriefResolver, scoreFixtures } from "../timeline/evaluate.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const DATA = `${REPO}../shared/data/`;

interface Cluster {
  set: string;
  id: string;
  docs: Array<{ text: string; date?: string }>;
}

function loadSet(name: string, limit = Infinity): Cluster[] {
  const file = name === "multinews" ? `${DATA}multinews/validation.jsonl.gz` : `${DATA}${name}/test.jsonl`;
  if (!existsSync(file)) return [];
  const raw = file.endsWith(".gz") ? gunzipSync(readFileSync(file)).toString("utf8") : readFileSync(file, "utf8");
  const out: Cluster[] = [];
  for (const line of raw.split("\n")) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { id: string; documents: string[]; dates?: Array<string | null> };
    const docs = rec.documents.map((text, i) => ({ text, ...(rec.dates?.[i] ? { date: rec.dates[i]! } : {}) })).filter((d) => d.text.trim().length > 200);
    if (docs.length >= 2) out.push({ set: name, id: rec.id, docs });
    if (out.length >= limit) break;
  }
  return out;
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Nearest clusters by the cosine of their summed term vectors (for "related topic" picks). */
function neighbours(clusters: Cluster[], k = 5): number[][] {
  const vocab = new Vocabulary();
  const raw = clusters.map((c) => extractFeatures(c.docs.map((d) => d.text).join("\n\n"), vocab, 40_000));
  for (const r of raw) vocab.addDocument(r.ids);
  const vecs = raw.map((r) => {
    const pairs = Array.from(r.ids, (id, j) => [id, (1 + Math.log(r.counts[j])) * vocab.idf(id)] as [number, number]).sort((a, b) => b[1] - a[1]).slice(0, 40);
    const norm = Math.sqrt(pairs.reduce((n, p) => n + p[1] * p[1], 0)) || 1;
    return new Map(pairs.map(([id, w]) => [id, w / norm]));
  });
  const postings = new Map<number, number[]>();
  vecs.forEach((v, c) => v.forEach((_, id) => (postings.get(id) ?? postings.set(id, []).get(id)!).push(c)));
  return vecs.map((v, c) => {
    const acc = new Map<number, number>();
    v.forEach((w, id) => {
      for (const o of postings.get(id) ?? []) if (o !== c) acc.set(o, (acc.get(o) ?? 0) + w * vecs[o].get(id)!);
    });
    return [...acc.entries()].sort((a, b) => b[1] - a[1]).slice(0, k).map((e) => e[0]);
  });
}

interface Mixture {
  articles: StoryArticle[];
  gold: Map<string, string>;
}

function mixtures(clusters: Cluster[], count: number, seed: number, hideDates = 0.3): Mixture[] {
  if (clusters.length < 2) return [];
  const rand = rng(seed);
  const near = neighbours(clusters);
  const out: Mixture[] = [];
  for (let n = 0; n < count; n++) {
    const k = Math.min(clusters.length, 2 + Math.floor(rand() * 19));
    const chosen = new Set<number>();
    while (chosen.size < k) {
      const picked = [...chosen];
      if (picked.length && rand() < 0.5) {
        const from = near[picked[Math.floor(rand() * picked.length)]].filter((x) => !chosen.has(x));
        if (from.length) {
          chosen.add(from[Math.floor(rand() * Math.min(from.length, 3))]);
          continue;
        }
      }
      chosen.add(Math.floor(rand() * clusters.length));
    }
    const articles: StoryArticle[] = [];
    const gold = new Map<string, string>();
    for (const c of chosen) {
      clusters[c].docs.forEach((d, i) => {
        const id = `${clusters[c].id}#${i}`;
        const cleaned = cleanDocument({ file: id, raw: d.text }, id);
        articles.push({ id, text: cleaned.text, ...(d.date && rand() >= hideDates ? { published: d.date } : {}) });
        gold.set(id, clusters[c].id);
      });
    }
    out.push({ articles: shuffle(articles, rand), gold });
  }
  return out;
}

/** BCubed precision and recall of a predicted grouping against the gold one. */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): { p: number; r: number; f: number } {
  const byPred = groupBy(predicted);
  const byGold = groupBy(gold);
  let p = 0;
  let r = 0;
  for (const [item, g] of gold) {
    const pc = byPred.get(predicted.get(item)!)!;
    const gc = byGold.get(g)!;
    let both = 0;
    for (const x of pc) if (gold.get(x) === g) both++;
    p += both / pc.length;
    r += both / gc.length;
  }
  p /= gold.size;
  r /= gold.size;
  return { p, r, f: (2 * p * r) / (p + r || 1) };
}

function groupBy(m: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [item, g] of m) (out.get(g) ?? out.set(g, []).get(g)!).push(item);
  return out;
}

function assignment(stories: Array<{ id: string; articleIds: string[] }>): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of stories) for (const a of s.articleIds) m.set(a, s.id);
  return m;
}

function scoreSet(mixes: Mixture[], options: StoryOptions): { p: number; r: number; f: number; agree: number; identical: number } {
  let p = 0;
  let r = 0;
  let f = 0;
  let agree = 0;
  let identical = 0;
  for (const mix of mixes) {
    const batch = assignment(groupStories(mix.articles, options));
    const s = bcubed(batch, mix.gold);
    p += s.p;
    r += s.r;
    f += s.f;
    const index = new StoryIndex(options);
    for (const a of mix.articles) index.add(a);
    const inc = assignment(index.stories());
    const a = bcubed(inc, batch);
    agree += a.f;
    if (a.f > 0.9999) identical++;
  }
  const n = mixes.length || 1;
  return { p: p / n, r: r / n, f: f / n, agree: agree / n, identical: identical / n };
}

const fmt = (x: number): string => x.toFixed(3);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ")).join("\n");
}

function main(): void {
  const { values } = parseArgs({ options: { mixtures: { type: "string" }, seed: { type: "string" }, threshold: { type: "string" }, quick: { type: "boolean" }, only: { type: "string" } } });
  const count = values.mixtures ? Number(values.mixtures) : values.quick ? 30 : 100;
  const seed = values.seed ? Number(values.seed) : 7;
  const threshold = values.threshold ? Number(values.threshold) : undefined;
  const only = values.only;
  if (!existsSync(DATA)) {
    console.log(`no evaluation data at ${DATA}`);
    return;
  }
  const multinews = loadSet("multinews", 2000);
  const sets: Array<{ name: string; clusters: Cluster[]; granularity: Granularity; role: string }> = [
    { name: "duc2003_task2", clusters: loadSet("duc2003_task2"), granularity: "event", role: "dev" },
    { name: "multinews[0:1000]", clusters: multinews.slice(0, 1000), granularity: "event", role: "dev" },
    { name: "duc2007_update", clusters: loadSet("duc2007_update"), granularity: "event", role: "held-out" },
    { name: "multiling2011_en", clusters: loadSet("multiling2011_en"), granularity: "event", role: "held-out" },
    { name: "multinews[1000:2000]", clusters: multinews.slice(1000, 2000), granularity: "event", role: "held-out" },
    { name: "duc2006", clusters: loadSet("duc2006"), granularity: "topic", role: "dev" },
    { name: "duc2003_task3", clusters: loadSet("duc2003_task3_viewpoint"), granularity: "topic", role: "held-out" },
    { name: "duc2007_main", clusters: loadSet("duc2007_main"), granularity: "topic", role: "held-out" },
  ];
  if (!only || only === "groups") {
    console.log(`Story grouping: BCubed over ${count} mixtures per set (2-20 clusters, ~half related), seed ${seed}\n`);
    const rows = [["set", "role", "granularity", "P", "R", "F1", "incr.agree F1", "identical"]];
    const avg: Record<string, number[]> = {};
    sets.forEach((set, k) => {
      const mixes = mixtures(set.clusters, count, seed + k);
      const s = scoreSet(mixes, { granularity: set.granularity, ...(threshold ? { threshold } : {}) });
      rows.push([set.name, set.role, set.granularity, fmt(s.p), fmt(s.r), fmt(s.f), fmt(s.agree), `${(s.identical * 100).toFixed(0)}%`]);
      (avg[`${set.granularity} ${set.role}`] ??= []).push(s.f);
    });
    console.log(table(rows));
    for (const [k, fs] of Object.entries(avg)) console.log(`mean F1 ${k}: ${fmt(fs.reduce((a, b) => a + b, 0) / fs.length)}`);
  }
  if (!only || only === "speed") {
    console.log("\nSpeed (batch grouping of cleaned articles, one core)");
    const pool: StoryArticle[] = [];
    const all = [...sets.flatMap((s) => s.clusters), ...loadSet("multinews", 5000).slice(2000)];
    for (const c of all) c.docs.forEach((d, i) => pool.push({ id: `${c.set}/${c.id}#${i}`, text: d.text, ...(d.date ? { published: d.date } : {}) }));
    const rows = [["articles", "ms", "articles/s", "us/article", "stories"]];
    for (const n of [1000, 5000, 10000]) {
      const slice = pool.slice(0, n);
      if (slice.length < n) break;
      const t0 = performance.now();
      const stories = groupStories(slice);
      const ms = performance.now() - t0;
      rows.push([String(n), ms.toFixed(0), (n / (ms / 1000)).toFixed(0), ((ms * 1000) / n).toFixed(0), String(stories.length)]);
    }
    console.log(table(rows));
    const t0 = performance.now();
    const index = new StoryIndex();
    for (const a of pool.slice(0, 10000)) index.add(a);
    console.log(`incremental StoryIndex.add x 10000: ${(performance.now() - t0).toFixed(0)} ms`);
  }
  if (!only || only === "dates") dateBench(sets.filter((s) => s.name.startsWith("duc") || s.name.startsWith("multiling")));
}

/** Publication dates estimated with the date hidden, against the DUC `dates` field. */
function dateBench(sets: Array<{ name: string; clusters: Cluster[] }>): void {
  console.log("\nPublication date estimated from content (date hidden), DUC/MultiLing `dates` field");
  const rows = [["set", "docs", "estimated", "exact day", "<=7 days", "year", "wrong year"]];
  const totals = { n: 0, est: 0, day: 0, week: 0, year: 0, wrong: 0 };
  const full = { n: 0, est: 0, day: 0, week: 0, year: 0, wrong: 0 };
  for (const set of sets) {
    const t = { n: 0, est: 0, day: 0, week: 0, year: 0, wrong: 0 };
    for (const c of set.clusters) {
      for (const d of c.docs) {
        const truth = parseIsoDate(d.date);
        if (!truth) continue;
        t.n++;
        const e = estimatePublished(d.text);
        count(t, e, truth);
        // The chrono-based estimate used for timelines, on the first 40 documents of each set.
        if (full.n < 400 && t.n <= 60) {
          full.n++;
          const spans: number[] = [];
          splitSentences(d.text, 0, d.text.length, spans);
          const sents = [];
          for (let k = 0; k < spans.length; k += 2) sents.push({ start: spans[k], end: spans[k + 1] });
          count(full, estimateFromMentions(findDates(d.text, sents)), truth);
        }
      }
    }
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += t[k];
    rows.push(dateRow(set.name, t));
  }
  rows.push(dateRow("all (cheap scan)", totals));
  rows.push(dateRow("sample (chrono)", full));
  console.log(table(rows));
  const fixtures = scoreFixtures(newsbriefResolver);
  const ok = fixtures.sentencesRight;
  const misses = fixtures.misses.map((m) => `  ${JSON.stringify(m.text)} @${m.published}: got ${JSON.stringify(m.got)}, want ${JSON.stringify(m.expect)}`);
  console.log(`\nHand-checked date expressions (src/timeline/fixtures.ts): ${ok}/${DATE_FIXTURES.length} sentences fully right (${((ok / DATE_FIXTURES.length) * 100).toFixed(0)}%); more in npm run bench:dates`);
  if (misses.length) console.log(misses.join("\n"));
}

function count(t: { n: number; est: number; day: number; week: number; year: number; wrong: number }, e: { day: number; precision: string } | undefined, truth: { y: number; m?: number; d?: number }): void {
  if (!e) return;
  t.est++;
  const td = dayNumber(truth.y, truth.m, truth.d);
  const ey = new Date(e.day * 86_400_000).getUTCFullYear();
  if (e.day === td && e.precision === "day") t.day++;
  if (Math.abs(e.day - td) <= 7) t.week++;
  if (ey === truth.y) t.year++;
  else t.wrong++;
}

function dateRow(name: string, t: { n: number; est: number; day: number; week: number; year: number; wrong: number }): string[] {
  const pct = (x: number): string => `${((x / (t.n || 1)) * 100).toFixed(1)}%`;
  return [name, String(t.n), pct(t.est), pct(t.day), pct(t.week), pct(t.year), pct(t.wrong)];
}

main();
