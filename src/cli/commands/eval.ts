import { createWriteStream, type WriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { VERSION } from "../../core/version.js";
import { countLines } from "../../eval/datasets.js";
import { PROTOCOLS } from "../../eval/protocols.js";
import { datasetName, evaluateDataset, METRICS, resultToJson, type DatasetResult } from "../../eval/run.js";
import type { Interval } from "../../eval/bootstrap.js";
import { gzipProblem } from "../../ingest/decode.js";
import { messageLine } from "../../render/common.js";
import { SUMMARIZERS } from "../../summarize/index.js";
import { positiveInt, UsageError } from "../args.js";
import { unwritable, writeProblem } from "../output.js";
import type { Command, Io } from "../io.js";

export const EVAL_HELP = `Usage: newsbrief eval <dataset.jsonl[.gz]>... [options]

Summarises every cluster of a multi-document summarisation dataset (JSONL, one
{"id", "documents": [...], "summaries": [...], "dates"?: [...]} per line, plain or gzip) with
the same pipeline as \`brief\`, and scores the summaries with ROUGE-1.5.5 against the reference
summaries: R-1, R-2, R-SU4 and R-L recall, precision and F, with 95% bootstrap intervals, plus
clusters/second (one thread, pipeline + summariser, ROUGE excluded) and peak memory.

Options:
  --protocol <name>       ${[...PROTOCOLS.values()].map((p) => `${p.name} (${p.description})`).join(";\n                          ")}.
                          Default from the dataset's folder: duc2003*, duc2004*, duc2007_update
                          → duc; duc2005*, duc2006*, duc2007_main, multiling* → duc-250;
                          multinews* → multinews; otherwise duc.
  --words <n>             summary budget in words (overrides the protocol's, and its -l)
  --algorithm <name>      ${[...SUMMARIZERS.keys()].join(", ")}, a comma-separated list, or
                          all (every one side by side). Default newsbrief.
  --limit <n>             evaluate only the first n clusters
  --offset <n>            skip the first n clusters (with --limit, a slice: --offset 1000 --limit 2000)
  --split <half>          even or odd: only the clusters at even (1st, 3rd …) or odd (2nd, 4th …)
                          positions after --offset; two disjoint halves to confirm a change on both
  --no-query              ignore the records' "query" (query-focused tasks: DUC 2005-2007 carry
                          {"title", "narrative"}); by default newsbrief focuses each summary on
                          it (baselines ignore it). The table says how many clusters used one.
  --seed <n>              seed for randomised summarisers (default 1)
  --jobs <n>              worker threads sharing the clusters (default 1); results are the same
  --format <f>            table (default) | json (machine-readable results)
  --summaries-out <file>  write one JSON line per cluster: {"id", "summary", "sentences":
                          [{"text", "doc", "start", "end"}]}, with "query" when one was used (doc indexes the record's documents;
                          start/end are offsets into that document's cleaned text). With several
                          algorithms, one file per algorithm: out.jsonl → out.lexrank.jsonl.
                          Needs a single dataset.
  -h, --help              show this help

The summary is scored as the chosen sentences in the summariser's order, one per line (ROUGE-L
is summary-level); summariser output is not cut, ROUGE's -l cut (or, for Multi-News, the same cut
of the summary only) applies the budget.
`;

export const evalCommand: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      protocol: { type: "string" },
      words: { type: "string" },
      algorithm: { type: "string" },
      limit: { type: "string" },
      offset: { type: "string" },
      split: { type: "string" },
      seed: { type: "string" },
      jobs: { type: "string", short: "j" },
      format: { type: "string" },
      "summaries-out": { type: "string" },
      "no-query": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(EVAL_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("no dataset given: name a JSONL file of clusters (plain or .gz)");
  if (values.protocol && !PROTOCOLS.has(values.protocol)) throw new UsageError(`unknown protocol "${values.protocol}"; use one of ${[...PROTOCOLS.keys()].join(", ")}`);
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError(`unknown format "${format}"; use table or json`);
  const algorithms = parseAlgorithms(values.algorithm);
  const summariesOut = values["summaries-out"];
  if (summariesOut && positionals.length > 1) throw new UsageError("--summaries-out needs a single dataset");
  const words = values.words ? positiveInt(values.words, "--words") : undefined;
  const limit = values.limit ? positiveInt(values.limit, "--limit") : undefined;
  const offset = values.offset === undefined ? 0 : Number(values.offset);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset takes a whole number, not "${values.offset}"`);
  const split = values.split;
  if (split !== undefined && split !== "even" && split !== "odd") throw new UsageError(`--split takes even or odd, not "${split}"`);
  const jobs = values.jobs ? positiveInt(values.jobs, "--jobs") : 1;
  let seed = 1;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed takes a whole number, not "${values.seed}"`);
  }

  if (summariesOut) {
    for (const target of outputTargets(path.resolve(io.cwd, summariesOut), algorithms)) {
      const problem = await unwritable(target);
      if (problem) {
        io.stderr.write(`newsbrief eval: cannot write ${shownPath(target, io.cwd)}: ${problem}\n`);
        return 1;
      }
    }
  }
  const results: DatasetResult[] = [];
  const progress = new Progress(io);
  for (const given of positionals) {
    const file = path.resolve(io.cwd, given);
    const problem = await unreadable(file);
    if (problem) {
      io.stderr.write(`newsbrief eval: ${given}: ${problem}\n`);
      continue;
    }
    const outputs = summariesOut ? openOutputs(path.resolve(io.cwd, summariesOut), algorithms, io) : undefined;
    try {
      const lines = io.stderr.isTTY ? Math.max(0, (await countLines(file)) - offset) : 0;
      const total = io.stderr.isTTY ? Math.min(limit ?? Infinity, split === "even" ? Math.ceil(lines / 2) : split === "odd" ? Math.floor(lines / 2) : lines) : undefined;
      progress.start(datasetName(file), total);
      const result = await evaluateDataset(file, {
        protocol: values.protocol,
        words,
        algorithms,
        seed,
        limit,
        offset,
        split,
        jobs,
        keepSummaries: Boolean(outputs),
        useQuery: !values["no-query"],
        onProgress: (done) => progress.update(done),
        onMessage: (m) => progress.write(`newsbrief eval: ${messageLine({ ...m, file: m.file === file ? given : m.file })}\n`),
        onSummary: (algorithm, line) => outputs?.get(algorithm)?.write(`${JSON.stringify(line)}\n`),
      });
      progress.stop();
      if (result.clusters === 0) io.stderr.write(`newsbrief eval: ${given}: no cluster could be evaluated\n`);
      else results.push(result);
    } catch (error) {
      progress.stop();
      io.stderr.write(`newsbrief eval: ${given}: ${gzipProblem(error) ?? (error as Error).message}\n`);
    } finally {
      // A failed stream has already said why (openOutputs); ending it must not throw a second time.
      if (outputs) await Promise.all([...outputs.values()].map((s) => new Promise<void>((resolve) => s.end(() => resolve()))));
    }
    if (outputs && results.length === 0) await dropOutputs(outputs, io);
    if (outputs && [...outputs.values()].some((s) => s.errored)) return 1;
    if (outputs && results.length > 0) io.stderr.write(`newsbrief eval: wrote ${[...outputs.values()].map((s) => path.relative(io.cwd, String(s.path)) || String(s.path)).join(", ")}\n`);
  }
  if (results.length === 0) {
    io.stderr.write("newsbrief eval: nothing evaluated. Check the messages above; `newsbrief eval --help` describes the dataset format.\n");
    return 1;
  }
  if (format === "json") {
    io.stdout.write(`${JSON.stringify({ version: VERSION, node: process.version, results: results.map(resultToJson) }, null, 2)}\n`);
  } else {
    io.stdout.write(results.map((r) => formatTable(r, Boolean(io.stdout.isTTY))).join("\n"));
  }
  return 0;
};

function parseAlgorithms(value: string | undefined): string[] {
  if (!value) return ["newsbrief"];
  if (value === "all") return [...SUMMARIZERS.keys()];
  const names = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!SUMMARIZERS.has(n)) throw new UsageError(`unknown algorithm "${n}"; use one of ${[...SUMMARIZERS.keys()].join(", ")}, or all`);
  if (names.length === 0) throw new UsageError("--algorithm needs a name");
  return [...new Set(names)];
}

async function unreadable(file: string): Promise<string | undefined> {
  try {
    const s = await stat(file);
    return s.isFile() ? undefined : "not a file";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
  }
}

/** One output stream per algorithm: the file itself for one algorithm, else `name.<algorithm>.ext`. */
function openOutputs(file: string, algorithms: string[], io: Io): Map<string, WriteStream> {
  const targets = outputTargets(file, algorithms);
  const report = (target: string) => (error: Error) => io.stderr.write(`newsbrief eval: cannot write ${shownPath(target, io.cwd)}: ${writeProblem(error)}\n`);
  return new Map(algorithms.map((a, i) => [a, createWriteStream(targets[i]).on("error", report(targets[i]))]));
}

/** Summaries of a dataset that could not be evaluated (cut short, or no cluster): not left behind to be taken for a run's output. */
async function dropOutputs(outputs: Map<string, WriteStream>, io: Io): Promise<void> {
  for (const stream of outputs.values()) {
    if (stream.errored) continue;
    await rm(String(stream.path), { force: true });
    io.stderr.write(`newsbrief eval: ${shownPath(String(stream.path), io.cwd)} not kept: nothing was evaluated\n`);
  }
}

/** A path as the user would name it: relative below the working directory, else absolute. */
function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function outputTargets(file: string, algorithms: string[]): string[] {
  if (algorithms.length === 1) return [file];
  const ext = /(\.jsonl|\.json|\.ndjson)$/i.exec(file)?.[0] ?? "";
  return algorithms.map((a) => `${file.slice(0, file.length - ext.length)}.${a}${ext}`);
}

/** The results of one dataset as a text table: one row per algorithm and metric. */
export function formatTable(r: DatasetResult, color = false): string {
  const main = r.protocol.measure;
  const bold = (s: string): string => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const head = ["algorithm", "metric", "recall", "precision", "F"].map((h, c) => ((c === 2 && main === "r") || (c === 4 && main === "f") ? `${h} *` : h));
  const rows: string[][] = [];
  for (const a of r.algorithms) {
    METRICS.forEach(([key, label], k) => {
      const s = a.scores[key];
      if (!s) return;
      rows.push([k === 0 ? a.algorithm : "", label, interval(s.r), interval(s.p), interval(s.f)]);
    });
  }
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[], mark = false): string =>
    cells
      .map((cell, c) => {
        const padded = cell.padEnd(widths[c]);
        return mark && ((c === 2 && main === "r") || (c === 4 && main === "f")) ? bold(padded) : padded;
      })
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  out.push(`${r.dataset}: protocol ${r.protocol.name} (${r.words} words, ${main === "r" ? "recall" : "F"} is the reported measure, marked *)`);
  out.push(`${r.clusters} clusters, ${r.documents} documents${r.emptyDocuments ? ` (${r.emptyDocuments} empty after cleaning)` : ""}${r.badLines ? `, ${r.badLines} bad lines skipped` : ""}; ROUGE-1.5.5 ${r.rouge}`);
  out.push(queryLine(r));
  out.push("mean [95% bootstrap interval]");
  out.push("");
  out.push(line(head));
  for (const row of rows) out.push(line(row, true));
  out.push("");
  const speed = [
    ["algorithm", "clusters/s", "pipeline s", "summariser s", "mean words"],
    ...r.algorithms.map((a) => [a.algorithm, a.clustersPerSecond.toFixed(1), (a.pipelineMs / 1000).toFixed(2), (a.summarizeMs / 1000).toFixed(2), a.meanWords.toFixed(0)]),
  ];
  const sw = speed[0].map((_, c) => Math.max(...speed.map((row) => row[c].length)));
  for (const row of speed) out.push(row.map((cell, c) => (c === 0 ? cell.padEnd(sw[c]) : cell.padStart(sw[c]))).join("  "));
  out.push(`clusters/s: one thread, pipeline + summariser, ROUGE excluded; mean words: summary length before ROUGE's cut. ROUGE scoring ${(r.scoringMs / 1000).toFixed(2)} s in all; wall ${(r.wallMs / 1000).toFixed(2)} s with ${r.jobs} job${r.jobs > 1 ? "s" : ""}; peak RSS ${(r.peakRssBytes / 1024 / 1024).toFixed(0)} MB.`);
  return `${out.join("\n")}\n`;
}

/** Whether the summaries were focused on the records' queries. */
function queryLine(r: DatasetResult): string {
  if (r.queried === 0) return r.queriesIgnored ? `query: not used (--no-query; ${r.queriesIgnored} of the clusters have one)` : "query: none in the dataset";
  return `query: used as the focus in ${r.queried} of ${r.clusters} clusters (by newsbrief; baselines ignore it; --no-query turns it off)`;
}

function interval(i: Interval): string {
  return `${i.mean.toFixed(4)} [${i.low.toFixed(4)}, ${i.high.toFixed(4)}]`;
}

/** clusters done/total and clusters/s on stderr, redrawn in place; silent unless stderr is a TTY. */
class Progress {
  private label = "";
  private total?: number;
  private started = 0;
  private shown = false;
  private lastDraw = 0;
  private done = 0;
  constructor(private readonly io: Io) {}

  start(label: string, total?: number): void {
    this.label = label;
    this.total = total;
    this.started = performance.now();
    this.done = 0;
    this.draw(true);
  }

  update(done: number): void {
    this.done = done;
    this.draw(false);
  }

  /** Writes a line above the bar. */
  write(text: string): void {
    this.clear();
    this.io.stderr.write(text);
    this.draw(true);
  }

  stop(): void {
    this.clear();
    this.total = undefined;
    this.label = "";
  }

  private clear(): void {
    if (this.shown) this.io.stderr.write("\r\x1b[K");
    this.shown = false;
  }

  private draw(force: boolean): void {
    if (!this.io.stderr.isTTY || !this.label) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < 100 && this.done !== this.total) return;
    this.lastDraw = now;
    const rate = this.done / Math.max((now - this.started) / 1000, 1e-3);
    let bar = "";
    if (this.total) {
      const width = 24;
      const filled = Math.min(width, Math.round((this.done / this.total) * width));
      bar = ` [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total}`;
    } else bar = ` ${this.done}`;
    this.io.stderr.write(`\r\x1b[K${this.label}${bar} clusters  ${rate.toFixed(1)}/s`);
    this.shown = true;
  }
}
