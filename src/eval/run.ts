/**
 * The evaluation harness behind `newsbrief eval`: reads a JSONL dataset of clusters, runs the
 * same pipeline `brief` runs (ingest as text, clean, mark near-duplicates, annotate) and one or
 * more summarisers on each cluster, and scores the summaries with ROUGE-1.5.5 (rouge.ts) against
 * the references, with bootstrap confidence intervals (bootstrap.ts). With `jobs > 1` the clusters
 * are spread over worker threads (this same module, started as a worker); results are merged
 * back in dataset order, so the output does not depend on the number of jobs.
 */
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { buildCorpus } from "../core/corpus.js";
import { normalizeDate } from "../ingest/dates.js";
import { parseTextDocument } from "../ingest/text.js";
import { getSummarizer } from "../summarize/index.js";
import type { Message, RawDocument, Selection } from "../types/index.js";
import { bootstrap, type BootstrapResult } from "./bootstrap.js";
import { isGzip, readDataset, type ClusterRecord } from "./datasets.js";
import { cutWords, defaultProtocol, getProtocol, scoringFor, type Protocol, type Scoring } from "./protocols.js";
import { prfFromCounts, rougeCounts, type Prf } from "./rouge.js";

/** The metrics the tables report, in order, with their display names. */
export const METRICS: ReadonlyArray<readonly [key: string, label: string]> = [
  ["rouge1", "R-1"],
  ["rouge2", "R-2"],
  ["rougeSU4", "R-SU4"],
  ["rougeL", "R-L"],
];

/** One line of `--summaries-out`: offsets index the cleaned text of `documents[doc]`. */
export interface SummaryLine {
  id: string;
  /** The query the summary was focused on, when the record had one and it was used. */
  query?: string;
  summary: string;
  sentences: Array<{ text: string; doc: number; start: number; end: number }>;
}

/** What each cluster is evaluated with (plain data: it is sent to worker threads). */
export interface EvalConfig {
  /** Protocol name (duc, duc-250, multinews, multinews-100); default from the file's folder, else duc. */
  protocol?: string;
  /** Summary budget in words; default the protocol's. */
  words?: number;
  /** Registered summariser names; default `["newsbrief"]`. */
  algorithms?: string[];
  /** Seed for randomised summarisers (default 1). */
  seed?: number;
  /** Keep each summary (for `--summaries-out`). */
  keepSummaries?: boolean;
  /** Give a record's `query` to the summarisers as their focus (default true; baselines ignore it). */
  useQuery?: boolean;
}

interface ResolvedConfig {
  file: string;
  protocol: Protocol;
  words: number;
  algorithms: string[];
  seed: number;
  keepSummaries: boolean;
  useQuery: boolean;
}

/** One cluster's outcome for one algorithm. */
export interface AlgorithmOutcome {
  scores: Record<string, Prf>;
  summarizeMs: number;
  /** Words in the summary before ROUGE's cut. */
  words: number;
  summary?: SummaryLine;
}

export interface ClusterOutcome {
  index: number;
  id: string;
  line: number;
  pipelineMs: number;
  scoringMs: number;
  documents: number;
  emptyDocuments: number;
  /** Whether the record had a query, and whether it was given as the focus. */
  hasQuery: boolean;
  queried: boolean;
  algorithms: AlgorithmOutcome[];
}

export interface AlgorithmResult {
  algorithm: string;
  /** Corpus scores per metric (rouge1, rouge2, rougeSU4, rougeL, …): bootstrap mean and interval. */
  scores: Record<string, BootstrapResult>;
  /** Pipeline (clean + annotate) plus this summariser, summed over clusters, in ms. */
  pipelineMs: number;
  summarizeMs: number;
  /** Clusters per second of one thread: clusters / (pipeline + summariser time). ROUGE excluded. */
  clustersPerSecond: number;
  /** Mean summary length in words, before ROUGE's cut (short of the budget: the summariser stopped early). */
  meanWords: number;
}

export interface DatasetResult {
  file: string;
  /** The dataset's folder name, e.g. duc2003_task2. */
  dataset: string;
  protocol: Protocol;
  words: number;
  /** The ROUGE-1.5.5 options the scores correspond to. */
  rouge: string;
  clusters: number;
  documents: number;
  emptyDocuments: number;
  /** Clusters summarised with their record's query as the focus. */
  queried: number;
  /** Clusters whose record had a query that was not used (`useQuery: false`). */
  queriesIgnored: number;
  /** Lines that could not be evaluated (bad JSON, not a cluster). */
  badLines: number;
  jobs: number;
  algorithms: AlgorithmResult[];
  /** ROUGE scoring time summed over clusters and algorithms, in ms. */
  scoringMs: number;
  wallMs: number;
  peakRssBytes: number;
  messages: Message[];
}

export interface EvalRunOptions extends EvalConfig {
  /** Evaluate only the first N clusters. */
  limit?: number;
  /** Skip the first N clusters (with `limit`, a held-out slice: offset 1000, limit 2000). */
  offset?: number;
  /**
   * Keep only the clusters at even (0, 2, 4 …) or odd positions of the dataset, counted after
   * `offset`; `limit` counts the kept ones. Two disjoint halves to confirm a change on both.
   */
  split?: "even" | "odd";
  /** Worker threads (default 1: in this thread). */
  jobs?: number;
  /** Called after each cluster (in dataset order). */
  onProgress?: (done: number) => void;
  /** Called with each problem as it is found. */
  onMessage?: (message: Message) => void;
  /** Called with each summary, in dataset order (needs `keepSummaries`). */
  onSummary?: (algorithm: string, line: SummaryLine) => void;
}

function resolve(file: string, config: EvalConfig): ResolvedConfig {
  const protocol = getProtocol(config.protocol ?? defaultProtocol(file) ?? "duc");
  const algorithms = config.algorithms ?? ["newsbrief"];
  for (const a of algorithms) getSummarizer(a); // throws NB-E004 on an unknown name
  return { file, protocol, words: config.words ?? protocol.words, algorithms, seed: config.seed ?? 1, keepSummaries: config.keepSummaries ?? false, useQuery: config.useQuery ?? true };
}

/** The ROUGE-1.5.5 command line equivalent to the scoring at this budget. */
export function rougeCommand(protocol: Protocol, words: number): string {
  const s = scoringFor(protocol, words);
  if (s.peerWords > 0) return `${protocol.rouge} (peer cut to ${words} words as -l would; references whole)`;
  return protocol.rouge.replace(/-l \d+/, `-l ${words}`);
}

/** Raw documents of a cluster, as the text ingester reads them, dated from `dates[i]`. */
export function clusterDocuments(record: ClusterRecord, file: string, line: number): RawDocument[] {
  return record.documents.map((text, i) => {
    const doc = parseTextDocument(text, `${file}#${record.id}/d${i}`);
    doc.line = line;
    const date = normalizeDate(record.dates?.[i] ?? undefined);
    if (date) doc.published = date;
    return doc;
  });
}

/** Runs the pipeline and every configured summariser on one cluster, and scores each summary. */
export function evaluateCluster(record: ClusterRecord, index: number, line: number, config: ResolvedConfig, scoring: Scoring = scoringFor(config.protocol, config.words)): ClusterOutcome {
  const t0 = performance.now();
  const built = buildCorpus(clusterDocuments(record, config.file, line));
  const pipelineMs = performance.now() - t0;
  const { corpus, usableIndex } = built;
  const focus = config.useQuery ? record.query : undefined;
  let scoringMs = 0;
  const algorithms = config.algorithms.map((name): AlgorithmOutcome => {
    const summarizer = getSummarizer(name);
    const t1 = performance.now();
    const picked: Selection[] = corpus.docs.length ? summarizer.summarize(corpus, { words: config.words, fill: true, focus }, { seed: config.seed }) : [];
    const summarizeMs = performance.now() - t1;
    const sentences = picked.map((sel) => {
      const doc = corpus.docs[sel.doc];
      const start = doc.sentStart[sel.sent];
      const end = doc.sentEnd[sel.sent];
      return { text: doc.text.slice(start, end), doc: usableIndex[sel.doc], start, end };
    });
    const lines = sentences.map((s) => s.text.replace(/\s+/g, " ").trim()).filter((s) => s !== "");
    const t2 = performance.now();
    const peer = (scoring.peerWords > 0 ? cutWords(lines, scoring.peerWords) : lines).join("\n");
    const counts = rougeCounts(peer, record.summaries, scoring.rouge);
    const scores: Record<string, Prf> = {};
    for (const [metric, c] of Object.entries(counts)) scores[metric] = prfFromCounts(c, scoring.alpha);
    scoringMs += performance.now() - t2;
    const words = lines.reduce((n, l) => n + l.split(" ").length, 0);
    const outcome: AlgorithmOutcome = { scores, summarizeMs, words };
    if (config.keepSummaries) outcome.summary = { id: record.id, ...(focus ? { query: focus } : {}), summary: lines.join(" "), sentences };
    return outcome;
  });
  return { index, id: record.id, line, pipelineMs, scoringMs, documents: record.documents.length, emptyDocuments: built.empty.length, hasQuery: record.query !== undefined, queried: focus !== undefined, algorithms };
}

interface WorkerInit {
  newsbriefEval: true;
  config: ResolvedConfig;
}
type ToWorker = { type: "cluster"; index: number; line: number; record: ClusterRecord } | { type: "end" };
type FromWorker = { type: "result"; outcome: ClusterOutcome } | { type: "failed"; index: number; line: number; id: string; error: string };

/** Evaluates one dataset file. Throws when the file cannot be read or a name is unknown. */
export async function evaluateDataset(file: string, options: EvalRunOptions = {}): Promise<DatasetResult> {
  const config = resolve(file, options);
  const scoring = scoringFor(config.protocol, config.words);
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  const started = performance.now();
  const messages: Message[] = [];
  const report = (m: Message): void => {
    messages.push(m);
    options.onMessage?.(m);
  };
  let peak = process.memoryUsage.rss();
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 50);
  sampler.unref();

  const outcomes: ClusterOutcome[] = [];
  const waiting = new Map<number, ClusterOutcome | null>();
  let next = 0;
  const accept = (index: number, outcome: ClusterOutcome | null): void => {
    waiting.set(index, outcome);
    for (let o = waiting.get(next); o !== undefined; o = waiting.get(next)) {
      waiting.delete(next++);
      if (o === null) continue;
      outcomes.push(o);
      if (o.emptyDocuments === o.documents) {
        report({ file, line: o.line, severity: "warning", ruleId: "no-usable-documents", reason: `cluster ${o.id}: no document left after cleaning; scored as an empty summary`, source: "eval" });
      }
      if (config.keepSummaries && options.onSummary) o.algorithms.forEach((a, k) => a.summary && options.onSummary!(config.algorithms[k], a.summary));
      for (const a of o.algorithms) delete a.summary;
      sample();
      options.onProgress?.(outcomes.length);
    }
  };
  const failed = (index: number, line: number, id: string, error: string): void => {
    report({ file, line, severity: "error", ruleId: "cluster-failed", reason: `cluster ${id}: ${error}`, source: "eval" });
    accept(index, null);
  };

  let badLines = 0;
  // Bad lines before the first cluster are held back: if no line is a cluster, one message says the file is not a dataset.
  let heldBack: Message[] | undefined = [];
  const limit = options.limit ?? Infinity;
  let skip = options.offset ?? 0;
  let position = 0;
  try {
    const pool = jobs > 1 ? new WorkerPool(jobs, config, (msg) => (msg.type === "result" ? accept(msg.outcome.index, msg.outcome) : failed(msg.index, msg.line, msg.id, msg.error))) : undefined;
    try {
      let index = 0;
      for await (const item of readDataset(file)) {
        if (index >= limit) break;
        if ("error" in item) {
          badLines++;
          const bad: Message = { file, line: item.line, severity: "error", ruleId: "bad-cluster-line", reason: item.error, source: "eval" };
          if (badLines <= SHOWN_BAD_LINES) (heldBack ? heldBack.push(bad) : report(bad));
          continue;
        }
        if (heldBack) heldBack.forEach(report);
        heldBack = undefined;
        if (skip > 0) {
          skip--;
          continue;
        }
        if (options.split !== undefined && position++ % 2 !== (options.split === "even" ? 0 : 1)) continue;
        const i = index++;
        if (pool) await pool.submit({ type: "cluster", index: i, line: item.line, record: item.record });
        else {
          try {
            accept(i, evaluateCluster(item.record, i, item.line, config, scoring));
          } catch (error) {
            failed(i, item.line, item.record.id, (error as Error).message);
          }
        }
      }
      await pool?.drain();
    } finally {
      await pool?.close();
    }
  } finally {
    clearInterval(sampler);
  }
  if (options.offset && !heldBack && next === 0) {
    const held = (options.offset ?? 0) - skip;
    report({ file, severity: "error", ruleId: "offset-past-end", reason: `offset ${options.offset} skips every cluster: the file holds ${held} cluster${held === 1 ? "" : "s"}`, source: "eval" });
  }
  if (heldBack?.length) report({ file, severity: "error", ruleId: "not-a-dataset", reason: await notADataset(file, badLines, heldBack[0]), source: "eval" });
  else if (badLines > SHOWN_BAD_LINES) report({ file, severity: "error", ruleId: "bad-cluster-line", reason: `${badLines - SHOWN_BAD_LINES} more bad lines not shown`, source: "eval" });
  sample();
  return summarise(file, config, jobs, outcomes, badLines, messages, performance.now() - started, peak, scoring);
}

/** Bad lines named one by one; the rest are counted in one message. */
const SHOWN_BAD_LINES = 3;

async function notADataset(file: string, badLines: number, first: Message): Promise<string> {
  const why = `none of its ${badLines} lines is a cluster (line ${first.line}: ${first.reason.replace(/ \(.*\)$/s, "")})`;
  if (file.toLowerCase().endsWith(".gz") && !(await isGzip(file))) return `not a gzip file (no gzip header) nor a JSONL dataset: ${why}`;
  return `not a JSONL dataset of clusters: ${why}`;
}

function summarise(file: string, config: ResolvedConfig, jobs: number, outcomes: ClusterOutcome[], badLines: number, messages: Message[], wallMs: number, peakRssBytes: number, scoring: Scoring): DatasetResult {
  // ROUGE-1.5.5 bootstraps over its instances in string-sorted order of their ids.
  const sorted = [...outcomes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index));
  const pipelineMs = outcomes.reduce((t, o) => t + o.pipelineMs, 0);
  const algorithms = config.algorithms.map((algorithm, k): AlgorithmResult => {
    const metrics = Object.keys(sorted[0]?.algorithms[k].scores ?? Object.fromEntries(METRICS));
    const scores: Record<string, BootstrapResult> = {};
    for (const metric of metrics) {
      scores[metric] = bootstrap(sorted.map((o) => o.algorithms[k].scores[metric] ?? { r: 0, p: 0, f: 0 }), { resamples: scoring.resamples, confidence: scoring.confidence });
    }
    const summarizeMs = outcomes.reduce((t, o) => t + o.algorithms[k].summarizeMs, 0);
    const ms = pipelineMs + summarizeMs;
    const meanWords = outcomes.length ? outcomes.reduce((t, o) => t + o.algorithms[k].words, 0) / outcomes.length : 0;
    return { algorithm, scores, pipelineMs, summarizeMs, clustersPerSecond: ms > 0 ? (outcomes.length * 1000) / ms : 0, meanWords };
  });
  return {
    file,
    dataset: datasetName(file),
    protocol: config.protocol,
    words: config.words,
    rouge: rougeCommand(config.protocol, config.words),
    clusters: outcomes.length,
    documents: outcomes.reduce((t, o) => t + o.documents, 0),
    emptyDocuments: outcomes.reduce((t, o) => t + o.emptyDocuments, 0),
    queried: outcomes.reduce((t, o) => t + (o.queried ? 1 : 0), 0),
    queriesIgnored: outcomes.reduce((t, o) => t + (o.hasQuery && !o.queried ? 1 : 0), 0),
    badLines,
    jobs,
    algorithms,
    scoringMs: outcomes.reduce((t, o) => t + o.scoringMs, 0),
    wallMs,
    peakRssBytes,
    messages,
  };
}

/** The folder a dataset file sits in (duc2003_task2), or its name without extensions. */
export function datasetName(file: string): string {
  const base = path.basename(file).replace(/(\.[a-z0-9]+)+$/i, "");
  const dir = path.basename(path.dirname(path.resolve(file)));
  return ["test", "validation", "train", "dev", "data"].includes(base) ? dir : base;
}

/** Worker threads, each with at most two clusters in flight; results go to `onMessage`. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly inFlight: number[] = [];
  private wake?: () => void;
  private failure?: Error;

  constructor(jobs: number, config: ResolvedConfig, onMessage: (msg: FromWorker) => void) {
    const init: WorkerInit = { newsbriefEval: true, config };
    for (let w = 0; w < jobs; w++) {
      const worker = new Worker(new URL(import.meta.url), { workerData: init });
      worker.on("message", (msg: FromWorker) => {
        this.inFlight[w]--;
        onMessage(msg);
        this.signal();
      });
      worker.on("error", (error) => {
        this.failure ??= error;
        this.signal();
      });
      worker.on("exit", (code) => {
        if (this.inFlight[w] > 0) this.failure ??= new Error(`eval worker exited with code ${code}`);
        this.signal();
      });
      this.workers.push(worker);
      this.inFlight.push(0);
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async waitForChange(): Promise<void> {
    await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }

  async submit(msg: ToWorker): Promise<void> {
    if (this.failure) throw this.failure;
    for (;;) {
      let best = 0;
      for (let w = 1; w < this.workers.length; w++) if (this.inFlight[w] < this.inFlight[best]) best = w;
      if (this.inFlight[best] < 2) {
        this.inFlight[best]++;
        this.workers[best].postMessage(msg);
        return;
      }
      await this.waitForChange();
    }
  }

  async drain(): Promise<void> {
    while (this.inFlight.some((n) => n > 0)) await this.waitForChange();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function runWorker(init: WorkerInit): void {
  const port = parentPort!;
  const scoring = scoringFor(init.config.protocol, init.config.words);
  port.on("message", (msg: ToWorker) => {
    if (msg.type === "end") {
      port.close();
      return;
    }
    let reply: FromWorker;
    try {
      reply = { type: "result", outcome: evaluateCluster(msg.record, msg.index, msg.line, init.config, scoring) };
    } catch (error) {
      reply = { type: "failed", index: msg.index, line: msg.line, id: msg.record.id, error: (error as Error).message };
    }
    port.postMessage(reply);
  });
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.newsbriefEval) runWorker(workerData as WorkerInit);

/** Machine-readable results (`--format json`): plain numbers, intervals as {mean, low, high}. */
export function resultToJson(result: DatasetResult): object {
  return {
    file: result.file,
    dataset: result.dataset,
    protocol: result.protocol.name,
    measure: result.protocol.measure === "r" ? "recall" : "f",
    words: result.words,
    rouge: result.rouge,
    clusters: result.clusters,
    documents: result.documents,
    emptyDocuments: result.emptyDocuments,
    queried: result.queried,
    queriesIgnored: result.queriesIgnored,
    badLines: result.badLines,
    jobs: result.jobs,
    scoringMs: round(result.scoringMs),
    wallMs: round(result.wallMs),
    peakRssBytes: result.peakRssBytes,
    algorithms: result.algorithms.map((a) => ({
      algorithm: a.algorithm,
      clustersPerSecond: round(a.clustersPerSecond),
      pipelineMs: round(a.pipelineMs),
      summarizeMs: round(a.summarizeMs),
      meanWords: round(a.meanWords),
      scores: Object.fromEntries(Object.entries(a.scores).map(([m, s]) => [m, { recall: s.r, precision: s.p, f: s.f }])),
    })),
    messages: result.messages,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
