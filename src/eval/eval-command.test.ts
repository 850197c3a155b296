import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { main } from "../cli/main.js";
import { buildCorpus } from "../core/corpus.js";
import { SUMMARIZERS } from "../summarize/index.js";
import { fakeIo, SHARED } from "../testing/fixtures.js";
import { readDataset, type ClusterRecord } from "./datasets.js";
import { clusterDocuments } from "./run.js";

/** Every summarisation dataset of ../shared/data with the protocol `eval` picks for it by default. */
const DATASETS: Array<[file: string, protocol: string]> = [
  ["duc2003_task2/test.jsonl", "duc"],
  ["duc2003_task3_viewpoint/test.jsonl", "duc"],
  ["duc2007_update/test.jsonl", "duc"],
  ["duc2006/test.jsonl", "duc-250"],
  ["duc2007_main/test.jsonl", "duc-250"],
  ["multiling2011_en/test.jsonl", "duc-250"],
  ["multinews/validation.jsonl.gz", "multinews"],
];
const present = DATASETS.map(([f, p]) => [path.join(SHARED, "data", f), p] as const).filter(([f]) => existsSync(f));

interface Interval {
  mean: number;
  low: number;
  high: number;
}

interface JsonResult {
  dataset: string;
  protocol: string;
  measure: string;
  words: number;
  clusters: number;
  algorithms: Array<{ algorithm: string; clustersPerSecond: number; meanWords: number; scores: Record<string, { recall: Interval; precision: Interval; f: Interval }> }>;
}

async function firstRecords(file: string, n: number): Promise<ClusterRecord[]> {
  const out: ClusterRecord[] = [];
  for await (const item of readDataset(file)) {
    if ("record" in item) out.push(item.record);
    if (out.length === n) break;
  }
  return out;
}

test("the eval datasets are there (../shared/data)", () => {
  assert.ok(present.length >= 7, `expected the 7 summarisation datasets under ${SHARED}data, found ${present.length}`);
});

for (const [file, protocol] of present) {
  const name = path.relative(path.join(SHARED, "data"), file);
  const protocols = protocol === "multinews" ? ["multinews", "multinews-100"] : [protocol];

  test(`eval --limit 2 --algorithm all on ${name}: JSON shape, default protocol, scores in range`, async () => {
    for (const p of protocols) {
      const io = fakeIo();
      const args = ["eval", file, "--limit", "2", "--algorithm", "all", "--format", "json"];
      if (p !== protocol) args.push("--protocol", p);
      assert.equal(await main(args, io), 0, io.err());
      const { results } = JSON.parse(io.out()) as { results: JsonResult[] };
      assert.equal(results.length, 1);
      const r = results[0];
      assert.equal(r.protocol, p);
      assert.equal(r.measure, p.startsWith("multinews") ? "f" : "recall");
      assert.equal(r.words, p === "duc-250" ? 250 : p === "multinews" ? 300 : 100);
      assert.equal(r.clusters, 2);
      assert.deepEqual(r.algorithms.map((a) => a.algorithm), [...SUMMARIZERS.keys()]);
      for (const a of r.algorithms) {
        for (const m of ["rouge1", "rouge2", "rougeSU4", "rougeL"]) assert.ok(m in a.scores, `${a.algorithm}: ${m} missing`);
        for (const [m, s] of Object.entries(a.scores)) {
          for (const v of [s.recall, s.precision, s.f]) assert.ok(v.low >= 0 && v.low <= v.mean && v.mean <= v.high && v.high <= 1, `${a.algorithm} ${m} ${JSON.stringify(v)} not an interval in [0, 1]`);
        }
        // Every summariser picks something relevant: R-1 recall well above zero on real news.
        assert.ok(a.scores.rouge1.recall.mean > 0.1, `${a.algorithm} R-1 recall ${a.scores.rouge1.recall.mean}`);
        assert.ok(a.scores.rouge1.recall.mean >= a.scores.rouge2.recall.mean);
        assert.ok(a.meanWords >= r.words * 0.8, `${a.algorithm} summaries of ${a.meanWords} words for a ${r.words}-word budget`);
        assert.ok(a.clustersPerSecond > 0);
      }
    }
  });

  test(`eval --summaries-out on ${name}: the documented line format, offsets into the cleaned documents`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-"));
    const io = fakeIo({ cwd: dir });
    assert.equal(await main(["eval", file, "--limit", "2", "--summaries-out", "out.jsonl"], io), 0, io.err());
    assert.match(io.out(), /newsbrief\s+R-1/);
    const lines = readFileSync(path.join(dir, "out.jsonl"), "utf8").split("\n");
    assert.equal(lines.pop(), "", "ends with a newline");
    assert.equal(lines.length, 2);
    const records = await firstRecords(file, 2);
    lines.forEach((line, k) => {
      const out = JSON.parse(line) as { id: string; query?: string; summary: string; sentences: Array<{ text: string; doc: number; start: number; end: number }> };
      assert.deepEqual(Object.keys(out), records[k].query ? ["id", "query", "summary", "sentences"] : ["id", "summary", "sentences"]);
      assert.equal(out.query, records[k].query);
      assert.equal(out.id, records[k].id);
      assert.ok(out.sentences.length > 0);
      const { articles } = buildCorpus(clusterDocuments(records[k], file, k + 1));
      for (const s of out.sentences) {
        assert.deepEqual(Object.keys(s), ["text", "doc", "start", "end"]);
        assert.ok(Number.isInteger(s.doc) && s.doc >= 0 && s.doc < records[k].documents.length);
        assert.equal(articles[s.doc].text.slice(s.start, s.end), s.text);
      }
      assert.equal(out.summary, out.sentences.map((s) => s.text.replace(/\s+/g, " ").trim()).join(" "));
      assert.doesNotMatch(out.summary, /\s{2}|\n/);
    });
  });
}

test("eval --offset N --limit M evaluates clusters N+1..N+M, so tuning and confirming can use disjoint slices", async (t) => {
  const file = path.join(SHARED, "data", "duc2003_task2/test.jsonl");
  if (!existsSync(file)) return t.skip("no ../shared/data/duc2003_task2");
  const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-"));
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["eval", file, "--offset", "3", "--limit", "2", "--summaries-out", "out.jsonl", "--jobs", "2"], io), 0, io.err());
  const ids = readFileSync(path.join(dir, "out.jsonl"), "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
  const records = await firstRecords(file, 5);
  assert.deepEqual(ids, [records[3].id, records[4].id]);
  const bad = fakeIo({ cwd: dir });
  assert.notEqual(await main(["eval", file, "--offset", "two"], bad), 0);
  assert.match(bad.err(), /--offset takes a whole number/);
});

test("eval --offset at or past the end of the dataset says how many clusters the file holds", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-offset-"));
  const cluster = (id: string) => JSON.stringify({ id, documents: ["The council met on Monday and approved the budget."], summaries: ["The council approved the budget."] });
  writeFileSync(path.join(dir, "three.jsonl"), `${["c1", "c2", "c3"].map(cluster).join("\n")}\n`);
  for (const offset of ["3", "5"]) {
    const io = fakeIo({ cwd: dir });
    assert.equal(await main(["eval", "three.jsonl", "--offset", offset], io), 1);
    assert.match(io.err(), new RegExp(`^newsbrief eval: three\\.jsonl: error offset ${offset} skips every cluster: the file holds 3 clusters \\(eval:offset-past-end\\)$`, "m"));
  }
  const within = fakeIo({ cwd: dir });
  assert.equal(await main(["eval", "three.jsonl", "--offset", "2"], within), 0);
  assert.doesNotMatch(within.err(), /offset-past-end/);
});

test("eval --split even|odd takes the clusters at even or odd positions after --offset: disjoint halves", async (t) => {
  const file = path.join(SHARED, "data", "duc2003_task2/test.jsonl");
  if (!existsSync(file)) return t.skip("no ../shared/data/duc2003_task2");
  const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-"));
  const records = await firstRecords(file, 6);
  const idsOf = async (half: string, out: string): Promise<string[]> => {
    const io = fakeIo({ cwd: dir });
    assert.equal(await main(["eval", file, "--offset", "1", "--limit", "2", "--split", half, "--summaries-out", out, "--jobs", "2"], io), 0, io.err());
    return readFileSync(path.join(dir, out), "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
  };
  assert.deepEqual(await idsOf("even", "even.jsonl"), [records[1].id, records[3].id]);
  assert.deepEqual(await idsOf("odd", "odd.jsonl"), [records[2].id, records[4].id]);
  const bad = fakeIo({ cwd: dir });
  assert.notEqual(await main(["eval", file, "--split", "half"], bad), 0);
  assert.match(bad.err(), /--split takes even or odd/);
});

test("eval focuses newsbrief on a record's query (title and narrative) unless --no-query; the table says which; baselines ignore it", async (t) => {
  const file = path.join(SHARED, "data", "duc2007_main/test.jsonl");
  if (!existsSync(file)) return t.skip("no ../shared/data/duc2007_main");
  const [record] = await firstRecords(file, 1);
  assert.equal(record.query, "Southern Poverty Law Center. Describe the activities of Morris Dees and the Southern Poverty Law Center.");
  const runs = [];
  for (const flags of [[], ["--no-query"]]) {
    const io = fakeIo();
    assert.equal(await main(["eval", file, "--limit", "2", "--algorithm", "newsbrief,lexrank", ...flags], io), 0, io.err());
    runs.push(io.out());
  }
  assert.match(runs[0], /query: used as the focus in 2 of 2 clusters/);
  assert.match(runs[1], /query: not used \(--no-query; 2 of the clusters have one\)/);
  const row = (out: string, name: string): string => out.split("\n").find((l) => l.startsWith(name) && l.includes("R-1"))!;
  assert.notEqual(row(runs[0], "newsbrief"), row(runs[1], "newsbrief"));
  assert.equal(row(runs[0], "lexrank"), row(runs[1], "lexrank"));
  const plain = fakeIo();
  assert.equal(await main(["eval", path.join(SHARED, "data", "duc2003_task2/test.jsonl"), "--limit", "1"], plain), 0, plain.err());
  assert.match(plain.out(), /query: none in the dataset/);
});

test("eval --summaries-out into a missing folder: exit 1 with the reason before evaluating, no crash", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-out-"));
  const file = path.join(dir, "tiny.jsonl");
  writeFileSync(file, `${JSON.stringify({ id: "c1", documents: ["A storm closed the harbour bridge on Monday. Repairs will take three weeks."], summaries: ["A storm closed the bridge."] })}\n`);
  for (const algorithm of ["lead", "lead,random"]) {
    const io = fakeIo({ cwd: dir });
    assert.equal(await main(["eval", file, "--algorithm", algorithm, "--summaries-out", "gone/out.jsonl"], io), 1);
    assert.match(io.err(), /^newsbrief eval: cannot write gone\/out(\.lead)?\.jsonl: the folder \S+ does not exist$/m);
    assert.equal(io.out(), "", "nothing evaluated");
  }
});

test("eval on a damaged .gz says it is not a valid gzip file, and on a truncated one that it is cut short", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-gz-"));
  const whole = gzipSync(Buffer.from(`${JSON.stringify({ id: "c1", documents: ["The council met on Monday."], summaries: ["The council met."] })}\n`.repeat(50)));
  writeFileSync(path.join(dir, "cut.jsonl.gz"), whole.subarray(0, whole.length - 12));
  const damaged = Buffer.from(whole);
  damaged[3] = 0xff;
  writeFileSync(path.join(dir, "damaged.jsonl.gz"), damaged);
  const cut = fakeIo({ cwd: dir });
  assert.equal(await main(["eval", "cut.jsonl.gz"], cut), 1);
  assert.match(cut.err(), /^newsbrief eval: cut\.jsonl\.gz: a gzip file cut short \(unexpected end of file\): truncated, an incomplete download or copy\?$/m);
  const bad = fakeIo({ cwd: dir });
  assert.equal(await main(["eval", "damaged.jsonl.gz"], bad), 1);
  assert.match(bad.err(), /^newsbrief eval: damaged\.jsonl\.gz: not a valid gzip file \(.+\)$/m);
});

test("eval --summaries-out leaves no file behind when the dataset could not be evaluated (cut short, or every cluster skipped)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-partial-"));
  const line = `${JSON.stringify({ id: "c1", documents: ["The council met on Monday and approved the budget for the schools."], summaries: ["The council approved the budget."] })}\n`;
  const whole = gzipSync(Buffer.from(line.repeat(400)));
  writeFileSync(path.join(dir, "cut.jsonl.gz"), whole.subarray(0, whole.length - 12));
  writeFileSync(path.join(dir, "one.jsonl"), line);
  for (const args of [["cut.jsonl.gz"], ["one.jsonl", "--offset", "1"]]) {
    const io = fakeIo({ cwd: dir });
    assert.equal(await main(["eval", ...args, "--summaries-out", "out.jsonl"], io), 1);
    assert.match(io.err(), /^newsbrief eval: out\.jsonl not kept: nothing was evaluated$/m);
    assert.equal(existsSync(path.join(dir, "out.jsonl")), false, args.join(" "));
  }
});

test("eval on bytes that are neither gzip nor JSONL says so once; among clusters, bad lines past three are counted", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-eval-noise-"));
  writeFileSync(path.join(dir, "noise.jsonl.gz"), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 53 + 7) % 256)));
  const noise = fakeIo({ cwd: dir });
  assert.equal(await main(["eval", "noise.jsonl.gz"], noise), 1);
  assert.match(noise.err(), /^newsbrief eval: noise\.jsonl\.gz: error not a gzip file \(no gzip header\) nor a JSONL dataset: none of its \d+ lines is a cluster \(line 1: not valid JSON\) \(eval:not-a-dataset\)$/m);
  assert.doesNotMatch(noise.err(), /bad-cluster-line/);

  const cluster = JSON.stringify({ id: "c1", documents: ["The council closed the harbour bridge on Monday after a storm damaged two of its cables. Repairs will take a month."], summaries: ["A storm closed the harbour bridge."] });
  writeFileSync(path.join(dir, "mixed.jsonl"), [cluster, ...Array.from({ length: 5 }, (_, i) => `broken ${i}`)].join("\n"));
  const mixed = fakeIo({ cwd: dir });
  assert.equal(await main(["eval", "mixed.jsonl", "--algorithm", "lead"], mixed), 0, mixed.err());
  assert.equal(mixed.err().match(/error not valid JSON/g)?.length, 3);
  assert.match(mixed.err(), /^newsbrief eval: mixed\.jsonl: error 2 more bad lines not shown \(eval:bad-cluster-line\)$/m);
});
