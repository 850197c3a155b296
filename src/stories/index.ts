/**
 * Story separation: which articles of a pile report the same real-world event or development.
 *
 * Each article becomes a sparse tf-idf vector of unit length (content-word stems, names weighing
 * double, two-word names as extra features; its `maxTerms` heaviest terms) and a time interval (its
 * publication date, else an estimate from its content, with a confidence). Two stories are as
 * similar as the average cosine between their articles (group-average link: the dot product of
 * their summed vectors over the product of their sizes), discounted by the days between their
 * time spans (see `timeFactor`). The threshold rises from `threshold` for a lone article towards
 * `groupThreshold` for two large stories (an average over many pairs is less noisy).
 *
 * The batch run merges the most similar pair of stories until none reaches its threshold
 * (group-average agglomerative clustering). Candidate pairs come from an inverted index over
 * articles: each article keeps its 30 nearest earlier articles whose cosine reaches half the
 * threshold, and stories' cross sums are kept over those pairs only, so the cost grows about
 * linearly with the pile.
 *
 * `StoryIndex` is the incremental form: `add()` joins an article to the story it is most similar to
 * (the same measure, exact), or starts a story, then merges that story with any other one it now
 * reaches the threshold with; it never revisits other articles, except that word weights are
 * recomputed whenever the pile doubles. While the pile is small its decisions are stricter.
 *
 * Thresholds and time windows were chosen on the dev mixtures of `npm run bench:stories`, which
 * also reports held-out sets and batch-versus-incremental agreement.
 */
import { extractFeatures, timeOf, Vocabulary, type RawFeatures, type TimeInfo } from "./features.js";
import { labelFrom } from "./label.js";

export type Granularity = "event" | "topic";

export interface StoryOptions {
  /** `event` (default): one story per real-world event or development; `topic`: one per subject, across time. */
  granularity?: Granularity;
  /** Least group-average cosine (after the time discount) for two stories to merge. */
  threshold?: number;
  /** Days between two stories' time spans before the time discount starts. */
  windowDays?: number;
  /** Days over which the discount halves the similarity, past the window. */
  halfLifeDays?: number;
  /** Terms kept per article vector. */
  maxTerms?: number;
  /** Estimated dates below this confidence are not used for grouping (given dates count 1). */
  minConfidence?: number;
  /** Pseudo-documents added to the document count in idf (small piles). */
  idfPrior?: number;
  /** Threshold for two large stories (the average over more pairs is less noisy, so it can be stricter). */
  groupThreshold?: number;
}

type Settings = Required<Omit<StoryOptions, "granularity">> & { granularity: Granularity };

/** Defaults by granularity, chosen on the dev mixtures of the stories bench. */
export const DEFAULTS: Record<Granularity, Required<Omit<StoryOptions, "granularity">>> = {
  event: { threshold: 0.04, groupThreshold: 0.08, windowDays: 30, halfLifeDays: 30, minConfidence: 0.3, maxTerms: 80, idfPrior: 30 },
  topic: { threshold: 0.03, groupThreshold: 0.06, windowDays: 100_000, halfLifeDays: 100_000, minConfidence: 0.5, maxTerms: 80, idfPrior: 30 },
};

/** What grouping needs of an article. */
export interface StoryArticle {
  id: string;
  text: string;
  title?: string;
  published?: string;
}

export interface StoryGroup {
  id: string;
  articleIds: string[];
  label: string;
}

interface Member {
  index: number;
  id: string;
  raw: RawFeatures;
  vector: Vec;
  time?: TimeInfo;
  surfaces: Map<number, string>;
  cluster: number;
}

interface Vec {
  ids: Int32Array;
  w: Float32Array;
}

interface Cluster {
  members: number[];
  /** Sum of the members' unit vectors. */
  sum: Map<number, number>;
  lo: number;
  hi: number;
  conf: number;
  alive: boolean;
  /** Bumped on every change, to spot stale heap entries. */
  version: number;
}

function resolveOptions(options: StoryOptions): Settings {
  const granularity = options.granularity ?? "event";
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...DEFAULTS[granularity], ...given, granularity } as Settings;
}

/** Incremental story assignment: `add()` places each article as it arrives. */
export class StoryIndex {
  readonly options: Settings;
  protected readonly vocab = new Vocabulary();
  protected readonly members: Member[] = [];
  protected readonly clusters: Cluster[] = [];
  /** Term → clusters whose summed vector holds it (may list dead or moved clusters; checked on use). */
  private readonly postings: number[][] = [];
  private readonly byId = new Map<string, number>();
  private acc = new Float64Array(64);
  private nextRefresh = 16;

  constructor(options: StoryOptions = {}) {
    this.options = resolveOptions(options);
  }

  get size(): number {
    return this.members.length;
  }

  /** Adds an article and returns the key of the story it is in (not the s1… ids). */
  add(article: StoryArticle): number {
    const raw = this.features(article);
    this.vocab.addDocument(raw.ids);
    if (this.vocab.docs >= this.nextRefresh) this.refresh();
    const member = this.member(article, raw);
    const best = this.bestFor(member);
    const c = best.cluster >= 0 && best.score >= this.options.threshold * this.caution() ? best.cluster : this.newCluster();
    this.join(member, c);
    // Only stories sharing words with the new article can have come closer to its story.
    this.mergeAround(c, best.near);
    return member.cluster;
  }

  /**
   * Word weights drift as articles arrive: whenever the pile has doubled, every article's vector is
   * recomputed with the current document frequencies, story sums are rebuilt, and stories that now
   * reach the threshold merge. Stories are never split; the cost is linear over all doublings.
   */
  private refresh(): void {
    this.nextRefresh *= 2;
    this.postings.length = 0;
    for (const cl of this.clusters) cl.sum = new Map();
    for (const m of this.members) {
      m.vector = this.vectorize(m.raw);
      const cl = this.clusters[m.cluster];
      const { ids, w } = m.vector;
      for (let k = 0; k < ids.length; k++) {
        const prev = cl.sum.get(ids[k]);
        if (prev === undefined) (this.postings[ids[k]] ??= []).push(m.cluster);
        cl.sum.set(ids[k], (prev ?? 0) + w[k]);
      }
    }
    for (const cl of this.clusters) cl.version++;
    for (let c = 0; c < this.clusters.length; c++) if (this.clusters[c].alive) this.mergeAround(c);
  }

  /** Story key of an added article. */
  storyOf(articleId: string): number | undefined {
    const i = this.byId.get(articleId);
    return i === undefined ? undefined : this.members[i].cluster;
  }

  /** The current stories, numbered s1, s2… by size, then most recent first. */
  stories(): StoryGroup[] {
    return orderStories(
      this.clusters.filter((c) => c.alive && c.members.length),
      (c) => c.members.map((m) => this.members[m]),
      (c) => labelFrom(c.sum, c.members.map((m) => this.members[m].surfaces), c.members.map((m) => this.members[m].time)),
    );
  }

  /** Time information (given or estimated) of an added article. */
  timeOf(articleId: string): TimeInfo | undefined {
    const i = this.byId.get(articleId);
    return i === undefined ? undefined : this.members[i].time;
  }

  protected features(article: StoryArticle): RawFeatures {
    return extractFeatures(article.title ? `${article.title}.\n${article.text}` : article.text, this.vocab);
  }

  protected member(article: StoryArticle, raw: RawFeatures): Member {
    const member: Member = {
      index: this.members.length,
      id: article.id,
      raw,
      vector: this.vectorize(raw),
      time: timeOf(article.published, article.text),
      surfaces: raw.surfaces,
      cluster: -1,
    };
    this.byId.set(article.id, member.index);
    this.members.push(member);
    return member;
  }

  protected vectorize(raw: RawFeatures): Vec {
    const n = raw.ids.length;
    const w = new Float32Array(n);
    for (let k = 0; k < n; k++) w[k] = (1 + Math.log(raw.counts[k])) * this.vocab.idf(raw.ids[k], this.options.idfPrior);
    let order = Array.from({ length: n }, (_, k) => k);
    if (n > this.options.maxTerms) order = order.sort((a, b) => w[b] - w[a]).slice(0, this.options.maxTerms);
    let norm = 0;
    for (const k of order) norm += w[k] * w[k];
    norm = Math.sqrt(norm) || 1;
    return { ids: Int32Array.from(order, (k) => raw.ids[k]), w: Float32Array.from(order, (k) => w[k] / norm) };
  }

  /** The story an article is most similar to (group-average cosine, time-discounted). */
  private bestFor(member: Member): { cluster: number; score: number; near: number[] } {
    const { ids, w } = member.vector;
    if (this.acc.length < this.clusters.length) this.acc = new Float64Array(this.clusters.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const list = this.postings[ids[k]];
      if (!list) continue;
      for (const c of list) {
        const cw = this.clusters[c].sum.get(ids[k]);
        if (!cw) continue;
        if (acc[c] === 0) touched.push(c);
        acc[c] += w[k] * cw;
      }
    }
    let cluster = -1;
    let score = 0;
    const near: number[] = [];
    for (const c of touched) {
      const cl = this.clusters[c];
      const dot = acc[c];
      acc[c] = 0;
      if (!cl.alive) continue;
      near.push(c);
      const s = (dot / cl.members.length) * this.timeFactor(member.time && member.time.confidence >= this.options.minConfidence ? span(member.time) : undefined, cl);
      if (s > score) {
        score = s;
        cluster = c;
      }
    }
    return { cluster, score, near };
  }

  /**
   * How much stricter incremental decisions are while the pile is small: word weights from a few
   * articles make unrelated reports look alike, and a wrong merge is never undone (a missed one is,
   * at the next refresh). 1 + idfPrior / articles seen.
   */
  private caution(): number {
    return 1 + this.options.idfPrior / Math.max(1, this.vocab.docs);
  }

  /** Merges story `c` with every other story it reaches the threshold with, best first. */
  private mergeAround(c: number, candidates?: number[]): void {
    for (;;) {
      const best = this.bestClusterFor(c, candidates);
      if (best.cluster < 0) return;
      c = this.merge(c, best.cluster);
    }
  }

  /** The best story to merge `c` with: among `candidates`, or all stories sharing a word with it. */
  private bestClusterFor(c: number, candidates?: number[]): { cluster: number; score: number } {
    const cl = this.clusters[c];
    const seen = new Set<number>([c]);
    let cluster = -1;
    let score = 0;
    const pool = candidates ?? [...cl.sum.keys()].flatMap((term) => this.postings[term] ?? []);
    {
      for (const o of pool) {
        if (seen.has(o) || !this.clusters[o].alive) continue;
        seen.add(o);
        const s = this.pairScore(c, o);
        if (s > score && s >= this.thresholdFor(c, o) * this.caution()) {
          score = s;
          cluster = o;
        }
      }
    }
    return { cluster, score };
  }

  /**
   * Least score for stories of these sizes to merge: `threshold` when one is a single article,
   * rising towards `groupThreshold` as the smaller one grows.
   */
  protected thresholdFor(a: number, b: number): number {
    const m = Math.min(this.clusters[a].members.length, this.clusters[b].members.length);
    const { threshold, groupThreshold } = this.options;
    return groupThreshold - (groupThreshold - threshold) / m;
  }

  /** Group-average cosine of two stories, time-discounted. */
  protected pairScore(a: number, b: number): number {
    const A = this.clusters[a];
    const B = this.clusters[b];
    const [small, large] = A.sum.size <= B.sum.size ? [A.sum, B.sum] : [B.sum, A.sum];
    let dot = 0;
    for (const [t, v] of small) {
      const o = large.get(t);
      if (o !== undefined) dot += v * o;
    }
    return this.scoreOf(a, b, dot);
  }

  /** Score of two stories whose articles' cosines sum to `dot`. */
  protected scoreOf(a: number, b: number, dot: number): number {
    if (dot <= 0) return 0;
    const A = this.clusters[a];
    const B = this.clusters[b];
    const avg = dot / (A.members.length * B.members.length);
    return avg * this.timeFactor(A.conf ? { lo: A.lo, hi: A.hi, conf: A.conf, size: A.members.length } : undefined, B);
  }

  /**
   * 1 within `windowDays`, then halving every `halfLifeDays` × the larger story's size: a lone
   * report months from another is usually a different event; an established story runs on.
   * Gaps shrink with the dates' confidence, counted in full from 0.5 up: the date estimator
   * (src/timeline/dates.ts) gives a well-evidenced month estimate about 0.35, and its interval
   * already carries the uncertainty (chosen with `npm run bench:stories`: dev F1 0.866 → 0.864,
   * held-out 0.786 → 0.783, and the seeds' Sochi and December 2019 stories stay apart).
   */
  protected timeFactor(t: { lo: number; hi: number; conf: number; size: number } | undefined, c: Cluster): number {
    if (!t || c.conf === 0) return 1;
    const gap = Math.max(0, t.lo - c.hi, c.lo - t.hi) * Math.min(1, 2 * Math.min(t.conf, c.conf));
    const { windowDays, halfLifeDays } = this.options;
    if (gap <= windowDays) return 1;
    return Math.pow(0.5, (gap - windowDays) / (halfLifeDays * Math.max(t.size, c.members.length)));
  }

  protected newCluster(): number {
    this.clusters.push({ members: [], sum: new Map(), lo: Infinity, hi: -Infinity, conf: 0, alive: true, version: 0 });
    return this.clusters.length - 1;
  }

  protected join(member: Member, c: number): void {
    const cl = this.clusters[c];
    const { ids, w } = member.vector;
    for (let k = 0; k < ids.length; k++) {
      const prev = cl.sum.get(ids[k]);
      if (prev === undefined) (this.postings[ids[k]] ??= []).push(c);
      cl.sum.set(ids[k], (prev ?? 0) + w[k]);
    }
    cl.members.push(member.index);
    cl.version++;
    member.cluster = c;
    retime(cl, this.members, this.options.minConfidence);
  }

  /** Moves the smaller story into the larger one; returns the surviving key. */
  protected merge(a: number, b: number): number {
    if (this.clusters[a].members.length < this.clusters[b].members.length) [a, b] = [b, a];
    const into = this.clusters[a];
    const from = this.clusters[b];
    for (const [t, v] of from.sum) {
      const prev = into.sum.get(t);
      if (prev === undefined) (this.postings[t] ??= []).push(a);
      into.sum.set(t, (prev ?? 0) + v);
    }
    for (const m of from.members) {
      into.members.push(m);
      this.members[m].cluster = a;
    }
    from.members = [];
    from.sum = new Map();
    from.alive = false;
    into.version++;
    from.version++;
    retime(into, this.members, this.options.minConfidence);
    return a;
  }
}

/** Batch grouping: group-average agglomerative clustering over the whole pile. */
export class StoryBatch extends StoryIndex {
  run(articles: StoryArticle[]): StoryGroup[] {
    const raws = articles.map((a) => this.features(a));
    for (const r of raws) this.vocab.addDocument(r.ids);
    const members = articles.map((a, i) => this.member(a, raws[i]));
    for (const m of members) this.join(m, this.newCluster());
    // Cross sums of cosines between neighbouring stories, kept up to date on merges (the exact
    // group average would need every pair; pairs under a fraction of the threshold are left out).
    const heap = new PairHeap();
    const neighbours: Array<Map<number, number>> = members.map(() => new Map());
    for (const [a, b, dot] of candidatePairs(members.map((m) => m.vector), this.options.threshold * EDGE_SHARE)) {
      neighbours[a].set(b, dot);
      neighbours[b].set(a, dot);
    }
    neighbours.forEach((near, a) => {
      for (const [b, sum] of near) {
        if (b < a) continue;
        const s = this.scoreOf(a, b, sum);
        if (s >= this.thresholdFor(a, b)) heap.push(s, a, b, this.clusters[a].version, this.clusters[b].version);
      }
    });
    for (let top = heap.pop(); top; top = heap.pop()) {
      const A = this.clusters[top.a];
      const B = this.clusters[top.b];
      if (!A.alive || !B.alive || A.version !== top.va || B.version !== top.vb) continue;
      const kept = this.merge(top.a, top.b);
      const gone = kept === top.a ? top.b : top.a;
      const near = neighbours[kept];
      for (const [x, sum] of neighbours[gone]) {
        if (x === kept) continue;
        const total = (near.get(x) ?? 0) + sum;
        near.set(x, total);
        neighbours[x].delete(gone);
        neighbours[x].set(kept, total);
      }
      near.delete(gone);
      neighbours[gone] = new Map();
      for (const [x, sum] of near) {
        const s = this.scoreOf(kept, x, sum);
        if (s >= this.thresholdFor(kept, x)) heap.push(s, kept, x, this.clusters[kept].version, this.clusters[x].version);
      }
    }
    return this.stories();
  }
}

/** Share of the threshold an article pair's cosine needs to count in the batch's story sums. */
const EDGE_SHARE = 0.5;
/** Nearest earlier articles each article keeps as candidates. */
const MAX_NEIGHBOURS = 30;

/** Pairs of articles whose cosine reaches `threshold`, with it. */
function candidatePairs(vectors: Vec[], threshold: number): Array<[number, number, number]> {
  const postings: Array<{ doc: number[]; w: number[] }> = [];
  const acc = new Float64Array(vectors.length);
  const out: Array<[number, number, number]> = [];
  vectors.forEach((v, i) => {
    const touched: number[] = [];
    for (let k = 0; k < v.ids.length; k++) {
      const list = postings[v.ids[k]];
      if (!list) continue;
      const wk = v.w[k];
      for (let j = 0; j < list.doc.length; j++) {
        const d = list.doc[j];
        if (acc[d] === 0) touched.push(d);
        acc[d] += wk * list.w[j];
      }
    }
    const found: Array<[number, number, number]> = [];
    for (const d of touched) {
      if (acc[d] >= threshold) found.push([d, i, acc[d]]);
      acc[d] = 0;
    }
    // Each article keeps its nearest earlier articles only: linear cost on piles where one
    // subject runs through thousands of articles.
    if (found.length > MAX_NEIGHBOURS) found.sort((x, y) => y[2] - x[2]).length = MAX_NEIGHBOURS;
    for (const f of found) out.push(f);
    for (let k = 0; k < v.ids.length; k++) {
      const list = (postings[v.ids[k]] ??= { doc: [], w: [] });
      list.doc.push(i);
      list.w.push(v.w[k]);
    }
  });
  return out;
}

/** A binary max-heap of story pairs by score. */
class PairHeap {
  private readonly items: Array<{ s: number; a: number; b: number; va: number; vb: number }> = [];

  push(s: number, a: number, b: number, va: number, vb: number): void {
    const items = this.items;
    items.push({ s, a, b, va, vb });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (items[p].s >= items[i].s) break;
      [items[p], items[i]] = [items[i], items[p]];
      i = p;
    }
  }

  pop(): { s: number; a: number; b: number; va: number; vb: number } | undefined {
    const items = this.items;
    if (!items.length) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && items[l].s > items[m].s) m = l;
        if (r < items.length && items[r].s > items[m].s) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i], items[m]];
        i = m;
      }
    }
    return top;
  }
}

function span(t: TimeInfo): { lo: number; hi: number; conf: number; size: number } {
  return { lo: t.lo, hi: t.hi, conf: t.confidence, size: 1 };
}

/** A story's time span: from its members' dates and estimates at least `minConfidence` sure. */
function retime(cl: Cluster, members: Member[], minConfidence: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  let conf = 0;
  for (const m of cl.members) {
    const t = members[m].time;
    if (!t || t.confidence < minConfidence) continue;
    lo = Math.min(lo, t.lo);
    hi = Math.max(hi, t.hi);
    conf = Math.max(conf, t.confidence);
  }
  cl.lo = lo;
  cl.hi = hi;
  cl.conf = conf;
}

/** Groups articles into stories in one batch run. */
export function groupStories(articles: StoryArticle[], options: StoryOptions = {}): StoryGroup[] {
  return new StoryBatch(options).run(articles);
}

/** Groups, and also returns each article's time information (given or estimated). */
export function groupStoriesWithTimes(articles: StoryArticle[], options: StoryOptions = {}): { stories: StoryGroup[]; times: Map<string, TimeInfo> } {
  const batch = new StoryBatch(options);
  const stories = batch.run(articles);
  const times = new Map<string, TimeInfo>();
  for (const a of articles) {
    const t = batch.timeOf(a.id);
    if (t) times.set(a.id, t);
  }
  return { stories, times };
}

function orderStories<C>(clusters: C[], membersOf: (c: C) => Member[], labelOf: (c: C) => string): StoryGroup[] {
  const rows = clusters.map((c) => {
    const members = membersOf(c).sort((a, b) => a.index - b.index);
    const days = members.map((m) => m.time?.day).filter((d): d is number => d !== undefined);
    return { c, members, latest: days.length ? Math.max(...days) : -Infinity, first: members[0].index };
  });
  rows.sort((a, b) => b.members.length - a.members.length || b.latest - a.latest || a.first - b.first);
  return rows.map((r, k) => ({ id: `s${k + 1}`, articleIds: r.members.map((m) => m.id), label: labelOf(r.c) }));
}
