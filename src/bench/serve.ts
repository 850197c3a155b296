/**
 * `npm run bench:serve`: load test of `newsbrief serve` on 127.0.0.1, bounded in time.
 * A real server child process (same as a user runs) on a fresh database; this process is the
 * client. Phase 1 reads a story page alone; phase 2 ingests 5,000 articles through the API in
 * batches while 50 autocannon connections keep reading the story page. Prints articles/s, the
 * read rate and latency percentiles, and checks the store holds every acknowledged article.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import { wikinewsArticles, type WikinewsArticle } from "../testing/newsroom.js";
import { benchArgs } from "./args.js";

benchArgs({}, "node dist/bench/serve.js (npm run bench:serve; no options): load test of newsbrief serve on 127.0.0.1");

const TOTAL = Number(process.env.BENCH_ARTICLES ?? 5000);
const BATCH = Number(process.env.BENCH_BATCH ?? 25);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 2);
const READERS = 50;
const BIN = fileURLToPath(new URL("../cli/bin.js", import.meta.url));

/** `TOTAL` distinct articles: WikiNews articles, each copy with its own URL and a distinct first line. */
function articles(): WikinewsArticle[] {
  const base = wikinewsArticles();
  return Array.from({ length: TOTAL }, (_, i) => {
    const a = base[i % base.length];
    const copy = Math.floor(i / base.length);
    return copy === 0 ? a : { ...a, url: `${a.url}?copy=${copy}`, source: `Outlet ${copy % 37}`, text: `Desk ${copy} update ${i}: reporting continues.\n\n${a.text}` };
  });
}

/**
 * CPU seconds a process has used, all threads (utime + stime from /proc, in clock ticks of 1/100 s).
 * The machine may be shared: CPU time per request shows the server's own cost whatever the load.
 */
function cpuSeconds(pid: number, thread?: number): number {
  const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "?";
  }
}

async function startServer(db: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to the server's node, for profiling.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BIN, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

function read(url: string, seconds: number): { done: Promise<Result>; stop: () => void } {
  let stop = (): void => {};
  const done = new Promise<Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: READERS, duration: seconds, timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)));
    stop = () => instance.stop();
  });
  return { done, stop };
}

async function postBatch(url: string, batch: WikinewsArticle[]): Promise<{ created: number; duplicates: number }> {
  for (;;) {
    const r = await fetch(`${url}/api/articles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ articles: batch }) });
    if (r.status === 429) {
      await new Promise((res) => setTimeout(res, 1000 * Number(r.headers.get("retry-after") ?? 1)));
      continue;
    }
    if (r.status !== 201) throw new Error(`POST /api/articles: ${r.status} ${await r.text()}`);
    const body = (await r.json()) as { created: number; duplicates: number };
    return body;
  }
}

function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(44)} ${value}\n`);
}

function readFigures(r: Result): string {
  return `${Math.round(r.requests.average)} req/s · latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms · ${r["2xx"]} ok, ${r.non2xx} non-2xx, ${r.errors} errors`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-bench-serve-"));
  const server = await startServer(path.join(dir, "bench.db"));
  try {
    const all = articles();
    process.stdout.write(`newsbrief serve bench · ${availableParallelism()} cores · load average ${loadAverage()} · node ${process.version} · ${server.url}\n`);
    // A first batch makes the stories; the page read is the largest story's.
    const seed = await postBatch(server.url, all.slice(0, 100));
    const stories = ((await (await fetch(`${server.url}/api/stories?limit=500`)).json()) as { stories: Array<{ id: string; articleCount: number }> }).stories;
    const story = stories.reduce((a, b) => (b.articleCount > a.articleCount ? b : a));
    await fetch(`${server.url}/api/stories/${story.id}?fresh=1`);
    // Let the seed's background briefings finish, so the first phase measures reads alone.
    for (let i = 0; i < 120; i++) {
      const h = (await (await fetch(`${server.url}/api/health`)).json()) as { pendingBriefings: number };
      if (h.pendingBriefings === 0) break;
      await new Promise((res) => setTimeout(res, 500));
    }
    await new Promise((res) => setTimeout(res, 1500));
    const page = `${server.url}/stories/${story.id}`;
    line("story page", `/stories/${story.id} (${story.articleCount} articles at start)`);

    let cpu0 = cpuSeconds(server.pid);
    const alone = await read(page, 5).done;
    const readCpuMs = ((cpuSeconds(server.pid) - cpu0) * 1000) / Math.max(1, alone["2xx"]);
    line(`reads alone, ${READERS} connections, 5 s`, readFigures(alone));
    line("  server CPU per page read", `${readCpuMs.toFixed(3)} ms → ${Math.round(1000 / readCpuMs)} reads/s per core`);

    const reads = read(page, 120);
    const queue = all.slice(100);
    let next = 0;
    let acknowledged = seed.created;
    let duplicates = seed.duplicates;
    const started = performance.now();
    cpu0 = cpuSeconds(server.pid);
    const main0 = cpuSeconds(server.pid, server.pid);
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < queue.length) {
          const batch = queue.slice(next, next + BATCH);
          next += BATCH;
          const r = await postBatch(server.url, batch);
          acknowledged += r.created;
          duplicates += r.duplicates;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    reads.stop();
    const during = await reads.done;
    const phaseCpu = cpuSeconds(server.pid) - cpu0;
    const mainCpu = cpuSeconds(server.pid, server.pid) - main0;
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { counts: { articles: number }; pendingBriefings: number };
    line(`ingest ${queue.length} articles (${WRITERS} writers × batches of ${BATCH})`, `${(queue.length / seconds).toFixed(0)} articles/s (${seconds.toFixed(1)} s)`);
    line(`reads during ingest, ${READERS} connections`, readFigures(during));
    line("acknowledged (created) / in store", `${acknowledged} / ${health.counts.articles}${duplicates ? ` (${duplicates} duplicates)` : ""} ${acknowledged === health.counts.articles ? "· nothing lost" : "· MISMATCH"}`);
    line("briefings still queued after ingest", String(health.pendingBriefings));
    const ingestCpuMs = Math.max(0, phaseCpu * 1000 - during["2xx"] * readCpuMs) / queue.length;
    line("  server CPU in the phase (all threads)", `${phaseCpu.toFixed(1)} s over ${seconds.toFixed(1)} s = ${(phaseCpu / seconds).toFixed(2)} cores busy`);
    // The main thread serves every request: its busy share bounds the read rate and latency.
    line("  server main thread CPU in the phase", `${mainCpu.toFixed(1)} s = ${((100 * mainCpu) / seconds).toFixed(0)}% of the phase · ${((mainCpu * 1000) / Math.max(1, during["2xx"])).toFixed(3)} ms per page read served`);
    line("  server CPU per ingested article", `${ingestCpuMs.toFixed(2)} ms (cleaning, storing, FTS, background briefings) → ${Math.round(1000 / ingestCpuMs)} articles/s per core`);
    const okIngest = queue.length / seconds >= 300;
    const okReads = during.requests.average >= 1000 && during.latency.p99 < 100;
    line("targets", `ingest ≥ 300/s: ${okIngest ? "met" : "MISSED"} · reads ≥ 1,000/s with p99 < 100 ms: ${okReads ? "met" : "MISSED"}`);
    if (acknowledged !== health.counts.articles) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
