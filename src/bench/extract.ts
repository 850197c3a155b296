/**
 * Extraction bench: plain Mozilla Readability (over linkedom) against newsbrief's extractor on the
 * same pages in the same run. Data is read from ../shared at run time, never copied into the repo.
 *
 *   node dist/bench/extract.js [--dataset aeb|wcxb] [--split even|odd|all] [--limit N] [--data DIR]
 *                              [--only readability|newsbrief] [--dump FILE]
 */
import { readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { extractHtml } from "../extract/index.js";
import { normalizeDate } from "../extract/dates.js";
import { benchArgs } from "./args.js";
import { shingleScore, wordF1, normalizeSpace, containsSnippet } from "./metrics.js";

interface Result {
  text: string;
  title?: string;
  author?: string;
  published?: string;
  info?: string;
}
type Extractor = (html: string, url?: string) => Result;

const extractors: Record<string, Extractor> = {
  readability(html) {
    const { document } = parseHTML(html);
    const article = new Readability(document as never).parse();
    return {
      text: article?.textContent ?? "",
      title: article?.title ?? undefined,
      author: article?.byline ?? undefined,
      published: normalizeDate(article?.publishedTime ?? undefined),
    };
  },
  newsbrief(html, url) {
    const page = extractHtml(html, { url });
    return { text: page.text, title: page.title, author: page.author, published: page.published, info: `${page.pageType} ${JSON.stringify(page.strategies)}` };
  },
};

interface Page {
  id: string;
  dataset: "aeb" | "wcxb";
  type: string;
  url?: string;
  file: string;
  truth: { text: string; title?: string; author?: string; date?: string; with?: string[]; without?: string[] };
}

const USAGE = "node dist/bench/extract.js [--dataset aeb|wcxb] [--split even|odd] [--limit N] [--data DIR] [--only readability|newsbrief] [--dump FILE]";

function args() {
  const v = benchArgs({ dataset: { type: "string", default: "all" }, split: { type: "string", default: "all" }, limit: { type: "string" }, data: { type: "string", default: "" }, only: { type: "string", default: "" }, dump: { type: "string", default: "" } }, USAGE);
  const opts = { dataset: v.dataset, split: v.split, limit: v.limit === undefined ? Infinity : Number(v.limit), data: v.data, only: v.only, dump: v.dump };
  const bad = (m: string) => {
    process.stderr.write(`${m}\nusage: ${USAGE}\n`);
    process.exit(2);
  };
  if (!["all", "aeb", "wcxb"].includes(opts.dataset)) bad("--dataset must be aeb or wcxb");
  if (!["all", "even", "odd"].includes(opts.split)) bad("--split must be even, odd or all");
  if (!(opts.limit > 0)) bad("--limit must be a positive number");
  if (opts.only && !(opts.only in extractors)) bad("--only must be readability or newsbrief");
  return opts;
}

function findData(explicit: string): string {
  const candidates = [explicit, process.env.NEWSBRIEF_DATA ?? "", resolve("../shared/data"), "/work/shared/data"].filter(Boolean);
  for (const c of candidates) if (existsSync(join(c, "extraction"))) return join(c, "extraction");
  throw new Error(`extraction data not found (tried ${candidates.join(", ")}); pass --data DIR`);
}

function keep(index: number, split: string): boolean {
  return split === "all" || (split === "even" ? index % 2 === 0 : index % 2 === 1);
}

function loadPages(root: string, dataset: string, split: string, limit: number): Page[] {
  const pages: Page[] = [];
  if (dataset === "all" || dataset === "aeb") {
    const dir = join(root, "scrapinghub-aeb");
    const gt = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url: string }>;
    const ids = Object.keys(gt).sort();
    const chosen = ids.filter((_, i) => keep(i, split)).slice(0, limit);
    for (const id of chosen) {
      pages.push({ id, dataset: "aeb", type: "article", url: gt[id].url, file: join(dir, "html", `${id}.html.gz`), truth: { text: gt[id].articleBody ?? "" } });
    }
  }
  if (dataset === "all" || dataset === "wcxb") {
    const dir = join(root, "wcxb-dev");
    const meta = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8")).files as Record<string, { page_type: string }>;
    const ids = readdirSync(join(dir, "html")).map((f) => f.replace(/\.html\.gz$/, "")).sort();
    const chosen = ids.filter((id) => keep(Number(id), split)).slice(0, limit);
    for (const id of chosen) {
      const g = JSON.parse(readFileSync(join(dir, "ground-truth", `${id}.json`), "utf8"));
      const t = g.ground_truth;
      pages.push({
        id, dataset: "wcxb", type: meta[id]?.page_type ?? "unknown", url: g.url, file: join(dir, "html", `${id}.html.gz`),
        truth: { text: t.main_content ?? "", title: t.title ?? undefined, author: t.author ?? undefined, date: t.publish_date ?? undefined, with: t.with ?? [], without: t.without ?? [] },
      });
    }
  }
  return pages;
}

class Stats {
  aebP: number[] = [];
  aebR: number[] = [];
  wcxbArticle: number[] = [];
  wcxbAll: number[] = [];
  byType = new Map<string, number[]>();
  meta = { title: [0, 0], author: [0, 0], date: [0, 0] };
  snippetsWith = [0, 0];
  snippetsWithout = [0, 0];
  ms: number[] = [];
  slowest = { ms: 0, id: "" };
  empty = 0;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

function score(stats: Stats, page: Page, r: Result, ms: number, dump?: Record<string, unknown>[]) {
  stats.ms.push(ms);
  if (ms > stats.slowest.ms) stats.slowest = { ms, id: `${page.dataset}/${page.id}` };
  if (!r.text.trim()) stats.empty++;
  const row: Record<string, unknown> = { id: page.id, dataset: page.dataset, type: page.type, ms: Math.round(ms), info: r.info };
  if (page.dataset === "aeb") {
    const s = shingleScore(page.truth.text, r.text);
    if (s.precision !== undefined) stats.aebP.push(s.precision);
    stats.aebR.push(s.recall);
    Object.assign(row, { p: s.precision, r: s.recall });
    dump?.push(row);
    return;
  }
  const f = wordF1(page.truth.text, r.text);
  stats.wcxbAll.push(f.f1);
  if (page.type === "article") stats.wcxbArticle.push(f.f1);
  if (!stats.byType.has(page.type)) stats.byType.set(page.type, []);
  stats.byType.get(page.type)!.push(f.f1);
  Object.assign(row, { f1: f.f1, p: f.precision, r: f.recall });
  for (const s of page.truth.with ?? []) {
    stats.snippetsWith[1]++;
    if (containsSnippet(r.text, s)) stats.snippetsWith[0]++;
  }
  for (const s of page.truth.without ?? []) {
    stats.snippetsWithout[1]++;
    if (!containsSnippet(r.text, s)) stats.snippetsWithout[0]++;
  }
  if (page.type === "article") {
    const check = (key: "title" | "author" | "date", truth?: string, got?: string) => {
      if (!normalizeSpace(truth)) return;
      stats.meta[key][1]++;
      const ok = normalizeSpace(truth) === normalizeSpace(got);
      if (ok) stats.meta[key][0]++;
      row[key] = ok ? true : { want: truth, got };
    };
    check("title", page.truth.title, r.title);
    check("author", page.truth.author, r.author);
    check("date", page.truth.date, r.published);
  }
  dump?.push(row);
}

function fmt(x: number, digits = 3): string {
  return Number.isNaN(x) ? "-" : x.toFixed(digits);
}

async function main() {
  const opts = args();
  const root = findData(opts.data);
  const pages = loadPages(root, opts.dataset, opts.split, opts.limit);
  const names = opts.only ? [opts.only] : Object.keys(extractors);
  const stats = new Map(names.map((n) => [n, new Stats()]));
  const dumps = new Map(names.map((n) => [n, [] as Record<string, unknown>[]]));
  const tty = process.stderr.isTTY;
  // Warm up both extractors so JIT compilation is not charged to the first page.
  const warm = "<html><head><title>x</title></head><body><article><p>" + "Warm up text. ".repeat(50) + "</p></article></body></html>";
  for (const n of names) for (let i = 0; i < 3; i++) extractors[n](warm);
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    if (tty && (i % 10 === 0 || i === pages.length - 1)) process.stderr.write(`\r${i + 1}/${pages.length} ${page.dataset}/${page.id}   `);
    const html = gunzipSync(readFileSync(page.file)).toString("utf8");
    for (const n of names) {
      const t0 = performance.now();
      let r: Result;
      try {
        r = extractors[n](html, page.url);
      } catch (error) {
        process.stderr.write(`\n${n} failed on ${page.dataset}/${page.id}: ${(error as Error).message}\n`);
        r = { text: "" };
      }
      const ms = performance.now() - t0;
      score(stats.get(n)!, page, r, ms, opts.dump ? dumps.get(n) : undefined);
    }
  }
  if (tty) process.stderr.write("\n");
  const nAeb = pages.filter((p) => p.dataset === "aeb").length;
  const nWcxb = pages.length - nAeb;
  const types = [...new Set(pages.filter((p) => p.dataset === "wcxb").map((p) => p.type))].sort();
  const rows: [string, (s: Stats) => string][] = [];
  if (nAeb) {
    rows.push([`aeb F1 (${nAeb} pages)`, (s) => { const p = mean(s.aebP); const r = mean(s.aebR); return fmt((2 * p * r) / (p + r)); }]);
    rows.push(["aeb precision", (s) => fmt(mean(s.aebP))]);
    rows.push(["aeb recall", (s) => fmt(mean(s.aebR))]);
  }
  if (nWcxb) {
    rows.push([`wcxb F1 article (${pages.filter((p) => p.dataset === "wcxb" && p.type === "article").length})`, (s) => fmt(mean(s.wcxbArticle))]);
    rows.push([`wcxb F1 all types (${nWcxb})`, (s) => fmt(mean(s.wcxbAll))]);
    for (const t of types) if (t !== "article") rows.push([`  wcxb F1 ${t} (${pages.filter((p) => p.dataset === "wcxb" && p.type === t).length})`, (s) => fmt(mean(s.byType.get(t) ?? []))]);
    rows.push(["wcxb 'with' snippets found", (s) => fmt(s.snippetsWith[0] / s.snippetsWith[1])]);
    rows.push(["wcxb 'without' snippets absent", (s) => fmt(s.snippetsWithout[0] / s.snippetsWithout[1])]);
    rows.push(["title exact (articles)", (s) => `${fmt(s.meta.title[0] / s.meta.title[1])} (${s.meta.title[1]})`]);
    rows.push(["author exact (articles)", (s) => `${fmt(s.meta.author[0] / s.meta.author[1])} (${s.meta.author[1]})`]);
    rows.push(["date exact (articles)", (s) => `${fmt(s.meta.date[0] / s.meta.date[1])} (${s.meta.date[1]})`]);
  }
  rows.push(["empty outputs", (s) => String(s.empty)]);
  rows.push(["mean ms/page", (s) => fmt(mean(s.ms), 1)]);
  rows.push(["max ms/page", (s) => `${fmt(s.slowest.ms, 0)} (${s.slowest.id})`]);
  const w0 = Math.max(...rows.map((r) => r[0].length), 6);
  const cells = rows.map(([label, f]) => [label, ...names.map((n) => f(stats.get(n)!))]);
  const widths = names.map((n, i) => Math.max(n.length, ...cells.map((c) => c[i + 1].length)));
  const line = (c: string[]) => "| " + c[0].padEnd(w0) + " | " + c.slice(1).map((x, i) => x.padStart(widths[i])).join(" | ") + " |";
  const out = [
    `split=${opts.split} dataset=${opts.dataset} pages=${pages.length} (node ${process.version})`,
    line(["metric", ...names]),
    "|" + "-".repeat(w0 + 2) + "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|",
    ...cells.map(line),
  ];
  process.stdout.write(out.join("\n") + "\n");
  if (opts.dump) writeFileSync(opts.dump, JSON.stringify(Object.fromEntries(dumps), null, 1));
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
