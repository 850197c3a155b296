/**
 * `npm run bench:stories`: how well story grouping separates mixed piles, how fast it is, how
 * closely the incremental index agrees with the batch run, and how well dates are estimated.
 *
 * Mixtures: 2–20 clusters of one evaluation set (each cluster = one story), about half of them
 * picked as the nearest neighbours of clusters already in (related topics), articles shuffled;
 * seeded. Neighbours come from the bench's own word-set similarity (`mixture-neighbours.ts`), not
 * from the grouping's features, so the mixtures depend only on the data and the seed. Event granularity is scored on event-like sets (DUC 2003 task 2, DUC 2007 update,
 * MultiLing 2011, Multi-News), topic granularity on DUC topic sets (DUC 2003 task 3, DUC 2006,
 * DUC 2007 main). "dev" sets were used to choose thresholds; "held-out" sets were not.
 * DUC articles keep their dates except a random 30%, whose dates are estimated from content.
 * DUC 2007 update stages A/B/C of one topic count as one story (a continuing development cut at
 * arbitrary dates); the "stages apart" row scores them as three, for reference.
 * "F1 w/o junk" scores the same groupings over the articles only: crawl junk (`isCrawlJunk`) cannot
 * be told apart by story from its text (one cluster's cookie wall is another's), so it shows how
 * much of the gap is reachable.
 * Speed is CPU time of this process (the machine may be shared), wall time beside it.
 *
 * Options: `--mixtures N` (default 100 per set), `--seed N`, `--threshold X`, `--quick`.
 */
import { existsSync } from "node:fs";
import { benchArgs } from "./args.js";
import { StoryIndexAssigner } from "../store/assigner.js";
import { isCrawlJunk } from "../stories/boilerplate.js";
import { groupStories, StoryIndex, type Granularity, type StoryArticle, type StoryOptions } from "../stories/index.js";
import { assignment, bcubed, bcubedOver, DATA, loadSet, mixtures, rng, shuffle, type Cluster, type Mixture } from "./story-data.js";
import { dayNumber, estimateFromMentions, estimateFromStory, estimatePublished, findDates, fromDayNumber, isoOf, parseIsoDate } from "../timeline/dates.js";
import { splitSentences } from "../nlp/sentences.js";
import { DATE_FIXTURES } from "../timeline/fixtures.js";
import { newsbriefResolver, scoreFixtures } from "../timeline/evaluate.js";

/** The service's assigner fed the mixture one article at a time; its stored grouping (moves applied). */
function assignerGrouping(articles: StoryArticle[], options: StoryOptions): Map<string, string> {
  const assigner = new StoryIndexAssigner(options);
  const storyOf = new Map<string, string>();
  for (const a of articles) {
    storyOf.set(a.id, assigner.assign({ ...a, title: a.title ?? "" }));
    for (const m of assigner.takeMoves()) storyOf.set(m.articleId, m.key);
  }
  return storyOf;
}

/**
 * `articleF` and `junk`: F1 over the articles only, crawl junk (`isCrawlJunk`: cookie walls, archive
 * crawl notes) left out of both groupings, and the share of items that are junk. Which story a junk
 * page's cluster was about cannot be read from its text, and the product does not group it.
 */
function scoreSet(mixes: Mixture[], options: StoryOptions): { p: number; r: number; f: number; articleF: number; junk: number; incF: number; agree: number; identical: number; svcF: number; svcAgree: number; svcIdentical: number } {
  let articleF = 0;
  let scoredMixes = 0;
  let junk = 0;
  let items = 0;
  let svcF = 0;
  let svcAgree = 0;
  let svcIdentical = 0;
  let incF = 0;
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
    const junkIds = new Set(mix.articles.filter((a) => isCrawlJunk(a.text)).map((a) => a.id));
    junk += junkIds.size;
    items += mix.articles.length;
    if (junkIds.size < mix.articles.length) {
      articleF += bcubedOver(batch, mix.gold, (id) => !junkIds.has(id)).f;
      scoredMixes++;
    }
    const index = new StoryIndex(options);
    for (const a of mix.articles) index.add(a);
    const inc = assignment(index.stories());
    incF += bcubed(inc, mix.gold).f;
    const a = bcubed(inc, batch);
    agree += a.f;
    if (a.f > 0.9999) identical++;
    const svc = assignerGrouping(mix.articles, options);
    svcF += bcubed(svc, mix.gold).f;
    const sa = bcubed(svc, batch);
    svcAgree += sa.f;
    if (sa.f > 0.9999) svcIdentical++;
  }
  const n = mixes.length || 1;
  return { p: p / n, r: r / n, f: f / n, articleF: articleF / (scoredMixes || 1), junk: junk / (items || 1), incF: incF / n, agree: agree / n, identical: identical / n, svcF: svcF / n, svcAgree: svcAgree / n, svcIdentical: svcIdentical / n };
}

const fmt = (x: number): string => x.toFixed(3);

/** User + system CPU milliseconds since `start` (the machine may be shared: wall time misleads). */
function cpuMs(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ")).join("\n");
}

function main(): void {
  const values = benchArgs(
    { mixtures: { type: "string" }, seed: { type: "string" }, threshold: { type: "string" }, quick: { type: "boolean" }, only: { type: "string" }, split: { type: "string" } },
    "node dist/bench/stories.js [--mixtures N] [--seed N] [--threshold X] [--quick] [--only groups|speed|dates] [--split even|odd]",
  );
  const count = values.mixtures ? Number(values.mixtures) : values.quick ? 30 : 100;
  const seed = values.seed ? Number(values.seed) : 7;
  const threshold = values.threshold ? Number(values.threshold) : undefined;
  const only = values.only;
  const split = values.split ?? "all";
  if (!existsSync(DATA)) {
    console.log(`no evaluation data at ${DATA}`);
    return;
  }
  const sets: Array<{ name: string; clusters: Cluster[]; granularity: Granularity; role: string }> = [
    { name: "duc2003_task2", clusters: loadSet("duc2003_task2"), granularity: "event", role: "dev" },
    { name: "multinews[0:1000]", clusters: loadSet("multinews", { limit: 1000 }), granularity: "event", role: "dev" },
    { name: "duc2007_update", clusters: loadSet("duc2007_update"), granularity: "event", role: "held-out" },
    { name: "multiling2011_en", clusters: loadSet("multiling2011_en"), granularity: "event", role: "held-out" },
    { name: "multinews[1000:2000]", clusters: loadSet("multinews", { skip: 1000, limit: 1000 }), granularity: "event", role: "held-out" },
    { name: "duc2006", clusters: loadSet("duc2006"), granularity: "topic", role: "dev" },
    { name: "duc2003_task3", clusters: loadSet("duc2003_task3_viewpoint"), granularity: "topic", role: "held-out" },
    { name: "duc2007_main", clusters: loadSet("duc2007_main"), granularity: "topic", role: "held-out" },
  ];
  const reference = [{ name: "duc2007_update (stages apart)", clusters: loadSet("duc2007_update", { stagesApart: true }), granularity: "event" as const, role: "reference" }];
  if (!only || only === "groups") {
    console.log(`Story grouping: BCubed over ${count} mixtures per set (2-20 clusters, ~half related), seed ${seed}\n`);
    if (split !== "all") console.log(`${split} mixtures only\n`);
    const rows = [["set", "role", "granularity", "P", "R", "F1", "junk", "F1 w/o junk", "index F1", "index agree", "identical", "service F1", "service agree", "identical"]];
    const avg: Record<string, Array<[f: number, articleF: number]>> = {};
    [...sets, ...reference].forEach((set, k) => {
      const mixes = mixtures(set.clusters, count, seed + k).filter((_, i) => split === "all" || i % 2 === (split === "even" ? 0 : 1));
      const s = scoreSet(mixes, { granularity: set.granularity, ...(threshold ? { threshold } : {}) });
      rows.push([set.name, set.role, set.granularity, fmt(s.p), fmt(s.r), fmt(s.f), `${(s.junk * 100).toFixed(1)}%`, fmt(s.articleF), fmt(s.incF), fmt(s.agree), `${(s.identical * 100).toFixed(0)}%`, fmt(s.svcF), fmt(s.svcAgree), `${(s.svcIdentical * 100).toFixed(0)}%`]);
      if (set.role !== "reference") (avg[`${set.granularity} ${set.role}`] ??= []).push([s.f, s.articleF]);
    });
    console.log(table(rows));
    const mean = (xs: number[]): string => fmt(xs.reduce((a, b) => a + b, 0) / xs.length);
    for (const [k, fs] of Object.entries(avg)) console.log(`mean F1 ${k}: ${mean(fs.map((x) => x[0]))} (w/o junk ${mean(fs.map((x) => x[1]))})`);
  }
  if (!only || only === "speed") {
    console.log("\nSpeed (grouping cleaned articles, one core): batch run, and the same articles added one by one");
    const pool: StoryArticle[] = [];
    const gold = new Map<string, string>();
    const all = [...sets.flatMap((s) => s.clusters), ...loadSet("multinews", { skip: 2000, limit: 3000 })];
    for (const c of all) {
      c.docs.forEach((d, i) => {
        pool.push({ id: `${c.set}/${c.id}#${i}`, text: d.text, ...(d.date ? { published: d.date } : {}) });
        gold.set(`${c.set}/${c.id}#${i}`, `${c.set}/${c.story}`);
      });
    }
    shuffle(pool, rng(seed));
    const rows = [["articles", "batch cpu ms", "batch wall ms", "cpu us/article", "stories", "P", "R", "F1", "add() cpu ms", "cpu us/add"]];
    for (const n of [1000, 3000, 10000]) {
      const slice = pool.slice(0, n);
      if (slice.length < n) break;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const stories = groupStories(slice);
      const ms = performance.now() - t0;
      const cpu = cpuMs(c0);
      // Scored against the source clusters (every cluster of the pool is a story of its own).
      const s = bcubed(assignment(stories), new Map(slice.map((a) => [a.id, gold.get(a.id)!])));
      const c1 = process.cpuUsage();
      const index = new StoryIndex();
      for (const a of slice) index.add(a);
      const inc = cpuMs(c1);
      rows.push([String(n), cpu.toFixed(0), ms.toFixed(0), ((cpu * 1000) / n).toFixed(0), String(stories.length), fmt(s.p), fmt(s.r), fmt(s.f), inc.toFixed(0), ((inc * 1000) / n).toFixed(0)]);
    }
    console.log(table(rows));
  }
  if (!only || only === "dates") dateBench(sets.filter((s) => s.name.startsWith("duc") || s.name.startsWith("multiling")));
}

/** `period`: the estimate's day, month or year (at its precision) is the right one. */
type Tally = { n: number; est: number; day: number; week: number; year: number; wrong: number; period: number };
const tally = (): Tally => ({ n: 0, est: 0, day: 0, week: 0, year: 0, wrong: 0, period: 0 });
const addTally = (into: Tally, t: Tally): void => {
  for (const k of Object.keys(into) as Array<keyof Tally>) into[k] += t[k];
};
/** The two halves the estimator is checked on separately. */
const HALVES: Array<[string, (set: string) => boolean]> = [
  ["half A: DUC 2003+2007", (s) => s.startsWith("duc2003") || s.startsWith("duc2007")],
  ["half B: DUC 2006+MultiLing", (s) => s.startsWith("duc2006") || s.startsWith("multiling")],
];
const BANDS = [0, 0.3, 0.4, 0.45, 0.5, 0.7];

/**
 * Publication dates estimated with the date hidden, against the DUC `dates` field: from the
 * article's content alone, and as a brief does it (`storyDates`), with the story's other articles
 * (the cluster's; each hidden too with probability 0.3, seeded) dated or estimated.
 */
function dateBench(sets: Array<{ name: string; clusters: Cluster[] }>): void {
  console.log("\nPublication date estimated with the date hidden, DUC/MultiLing `dates` field (% of docs; last column % of estimates)");
  const rows = [["set", "from", "docs", "estimated", "exact day", "<=7 days", "year", "wrong year", "wrong/est."]];
  const halves = HALVES.map(() => ({ content: tally(), story: tally() }));
  const bands = BANDS.map(() => tally());
  const full = tally();
  const rand = rng(7);
  for (const set of sets) {
    const content = tally();
    const story = tally();
    for (const c of set.clusters) {
      const truths = c.docs.map((d) => parseIsoDate(d.date));
      const own = c.docs.map((d) => estimatePublished(d.text));
      c.docs.forEach((d, i) => {
        const truth = truths[i];
        if (!truth) return;
        content.n++;
        story.n++;
        count(content, own[i], truth);
        const anchors: number[] = [];
        truths.forEach((t, k) => {
          if (k === i) return;
          if (t && rand() >= 0.3) anchors.push(dayNumber(t.y, t.m, t.d));
          else if (own[k] && own[k]!.precision !== "year") anchors.push(own[k]!.day);
        });
        const e = own[i] && own[i]!.precision !== "year" ? own[i] : (estimateFromStory(anchors, own[i]) ?? own[i]);
        count(story, e, truth);
        if (e) count(bands[BANDS.findLastIndex((b) => e.confidence >= b)], e, truth, true);
        // The chrono-based estimate used for timelines, on the first 60 documents of each set.
        if (full.n < 400 && content.n <= 60) {
          full.n++;
          const spans: number[] = [];
          splitSentences(d.text, 0, d.text.length, spans);
          const sents = [];
          for (let k = 0; k < spans.length; k += 2) sents.push({ start: spans[k], end: spans[k + 1] });
          count(full, estimateFromMentions(findDates(d.text, sents)), truth);
        }
      });
    }
    rows.push(dateRow(set.name, "content", content), dateRow("", "+ story", story));
    HALVES.forEach(([, has], h) => {
      if (!has(set.name)) return;
      addTally(halves[h].content, content);
      addTally(halves[h].story, story);
    });
  }
  HALVES.forEach(([name], h) => rows.push(dateRow(name, "content", halves[h].content), dateRow("", "+ story", halves[h].story)));
  rows.push(dateRow("sample (chrono)", "content", full));
  console.log(table(rows));
  console.log("\nBy confidence (content + story estimates, all sets): share of the estimates in the band right");
  const bandRows = [["confidence", "estimates", "<=7 days", "year right", "period right (day/month/year as stated)"]];
  bands.forEach((t, b) => {
    const pct = (x: number): string => `${((x / (t.est || 1)) * 100).toFixed(1)}%`;
    bandRows.push([`${BANDS[b].toFixed(2)}-${(BANDS[b + 1] ?? 1).toFixed(2)}`, String(t.est), pct(t.week), pct(t.year), pct(t.period)]);
  });
  console.log(table(bandRows));
  const fixtures = scoreFixtures(newsbriefResolver);
  const ok = fixtures.sentencesRight;
  const misses = fixtures.misses.map((m) => `  ${JSON.stringify(m.text)} @${m.published}: got ${JSON.stringify(m.got)}, want ${JSON.stringify(m.expect)}`);
  console.log(`\nHand-checked date expressions (src/timeline/fixtures.ts): ${ok}/${DATE_FIXTURES.length} sentences fully right (${((ok / DATE_FIXTURES.length) * 100).toFixed(0)}%); more in npm run bench:dates`);
  if (misses.length) console.log(misses.join("\n"));
}

function count(t: Tally, e: { date: string; day: number; precision: string } | undefined, truth: { y: number; m?: number; d?: number }, alsoDocs = false): void {
  if (alsoDocs) t.n++;
  if (!e) return;
  t.est++;
  const td = dayNumber(truth.y, truth.m, truth.d);
  const ey = new Date(e.day * 86_400_000).getUTCFullYear();
  if (e.day === td && e.precision === "day") t.day++;
  if (Math.abs(e.day - td) <= 7) t.week++;
  if (ey === truth.y) t.year++;
  else t.wrong++;
  if (isoOf(fromDayNumber(td)).startsWith(e.date)) t.period++;
}

function dateRow(name: string, from: string, t: Tally): string[] {
  const pct = (x: number, of = t.n): string => `${((x / (of || 1)) * 100).toFixed(1)}%`;
  return [name, from, String(t.n), pct(t.est), pct(t.day), pct(t.week), pct(t.year), pct(t.wrong), pct(t.wrong, t.est)];
}

main();
