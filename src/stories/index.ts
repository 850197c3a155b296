/**
 * Story separation: which articles of a pile report the same real-world event.
 *
 * Each article becomes a sparse tf-idf vector (content-word stems; capitalised names weigh double
 * and two-word names are extra features; top `maxTerms` terms, unit length) plus a time interval
 * (publication date, else an estimate from its content). Articles are taken in date order and each
 * joins the story whose centroid is most similar, when that similarity, discounted for the time
 * between them, reaches the threshold; otherwise it starts a story (single-pass centroid
 * clustering over an inverted index: cost grows with articles × shared postings, about linear).
 * The batch run then moves articles whose own story is no longer their best match and merges
 * stories whose centroids meet the threshold.
 *
 * `StoryIndex` is the incremental form: `add()` places one article without revisiting others.
 * Thresholds were chosen on mixtures of DUC 2003 task 2 / DUC 2007 update / Multi-News clusters
 * (see `src/bench/stories.ts`, which also reports held-out sets and batch-vs-incremental agreement).
 */
import { extractFeatures, timeOf, Vocabulary, type RawFeatures, type TimeInfo } from "./features.js";
import { fromDayNumber, isoOf } from "../timeline/dates.js";

export type Granularity = "event" | "topic";

export interface StoryOptions {
  /** `event` (default): one story per real-world event; `topic`: one per subject, across time. */
  granularity?: Granularity;
  /** Least cosine similarity (after the time discount) for an article to join a story. */
  threshold?: number;
  /** Days two reports may lie apart before the time discount starts. */
  windowDays?: number;
  /** Beyond this many days apart (given dates) two reports never share a story. */
  maxGapDays?: number;
  /** Terms kept per article vector. */
  maxTerms?: number;
}

/** Defaults by granularity, chosen on the dev mixtures of the stories bench. */
export const DEFAULTS: Record<Granularity, Required<Omit<StoryOptions, "granularity">>> = {
  event: { threshold: 0.2, windowDays: 21, maxGapDays: 400, maxTerms: 60 },
  topic: { threshold: 0.16, windowDays: 3650, maxGapDays: 100_000, maxTerms: 60 },
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
  centroid: Map<number, number>;
  norm2: number;
  lo: number;
  hi: number;
  conf: number;
  alive: boolean;
}

function resolveOptions(options: StoryOptions): Required<StoryOptions> {
  const granularity = options.granularity ?? "event";
  return { granularity, ...DEFAULTS[granularity], ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<StoryOptions>;
}

/** Incremental story assignment: `add()` places each article as it arrives. */
export class StoryIndex {
  readonly options: Required<StoryOptions>;
  protected readonly vocab = new Vocabulary();
  protected readonly members: Member[] = [];
  protected readonly clusters: Cluster[] = [];
  private readonly postings: number[][] = [];
  private readonly byId = new Map<string, number>();
  private acc = new Float64Array(64);

  constructor(options: StoryOptions = {}) {
    this.options = resolveOptions(options);
  }

  get size(): number {
    return this.members.length;
  }

  /** Adds an article and returns the key of the story it joined (keys are stable; not the s1… ids). */
  add(article: StoryArticle): number {
    const raw = this.features(article);
    this.vocab.addDocument(raw.ids);
    const member = this.member(article, raw);
    this.place(member);
    return member.cluster;
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
      (c) => this.label(c),
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
    for (let k = 0; k < n; k++) w[k] = (1 + Math.log(raw.counts[k])) * this.vocab.idf(raw.ids[k]);
    let order = Array.from({ length: n }, (_, k) => k);
    if (n > this.options.maxTerms) order = order.sort((a, b) => w[b] - w[a]).slice(0, this.options.maxTerms);
    let norm = 0;
    for (const k of order) norm += w[k] * w[k];
    norm = Math.sqrt(norm) || 1;
    return { ids: Int32Array.from(order, (k) => raw.ids[k]), w: Float32Array.from(order, (k) => w[k] / norm) };
  }

  /** Joins the best story or starts one. */
  protected place(member: Member): void {
    const best = this.best(member, -1);
    if (best.cluster >= 0 && best.score >= this.options.threshold) this.join(member, best.cluster);
    else this.join(member, this.newCluster());
  }

  /** The most similar live story (time-discounted), leaving `exclude`'s own contribution out. */
  protected best(member: Member, exclude: number): { cluster: number; score: number } {
    const { ids, w } = member.vector;
    if (this.acc.length < this.clusters.length) this.acc = new Float64Array(this.clusters.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const list = this.postings[ids[k]];
      if (!list) continue;
      for (const c of list) {
        const cw = this.clusters[c].centroid.get(ids[k]);
        if (!cw) continue;
        if (acc[c] === 0) touched.push(c);
        acc[c] += w[k] * cw;
      }
    }
    let cluster = -1;
    let score = 0;
    for (const c of touched) {
      const cl = this.clusters[c];
      let dot = acc[c];
      acc[c] = 0;
      if (!cl.alive) continue;
      let norm2 = cl.norm2;
      if (c === exclude) {
        // Similarity to the story without this article in it.
        if (cl.members.length === 1) continue;
        let self = 0;
        for (let k = 0; k < ids.length; k++) self += w[k] * w[k];
        norm2 = norm2 - 2 * dot + self;
        dot -= self;
        if (norm2 <= 1e-9) continue;
      }
      const s = (dot / Math.sqrt(norm2)) * this.timeFactor(member.time, cl);
      if (s > score) {
        score = s;
        cluster = c;
      }
    }
    return { cluster, score };
  }

  protected timeFactor(t: TimeInfo | undefined, c: Cluster): number {
    if (!t || c.conf === 0) return 1;
    const gap = Math.max(0, t.lo - c.hi, c.lo - t.hi) * Math.min(t.confidence, c.conf);
    const { windowDays, maxGapDays } = this.options;
    if (gap <= windowDays) return 1;
    if (gap > maxGapDays) return 0;
    return Math.exp(-(gap - windowDays) / (windowDays * 4));
  }

  protected newCluster(): number {
    this.clusters.push({ members: [], centroid: new Map(), norm2: 0, lo: Infinity, hi: -Infinity, conf: 0, alive: true });
    return this.clusters.length - 1;
  }

  protected join(member: Member, c: number): void {
    const cl = this.clusters[c];
    const { ids, w } = member.vector;
    let dot = 0;
    let self = 0;
    for (let k = 0; k < ids.length; k++) {
      const prev = cl.centroid.get(ids[k]);
      if (prev === undefined) {
        (this.postings[ids[k]] ??= []).push(c);
        cl.centroid.set(ids[k], w[k]);
      } else {
        dot += prev * w[k];
        cl.centroid.set(ids[k], prev + w[k]);
      }
      self += w[k] * w[k];
    }
    cl.norm2 += 2 * dot + self;
    cl.members.push(member.index);
    member.cluster = c;
    this.retime(cl);
  }

  protected leave(member: Member): void {
    const cl = this.clusters[member.cluster];
    const { ids, w } = member.vector;
    let dot = 0;
    let self = 0;
    for (let k = 0; k < ids.length; k++) {
      const prev = cl.centroid.get(ids[k]) ?? 0;
      dot += prev * w[k];
      self += w[k] * w[k];
      const next = prev - w[k];
      if (Math.abs(next) < 1e-7) cl.centroid.delete(ids[k]);
      else cl.centroid.set(ids[k], next);
    }
    cl.norm2 = Math.max(0, cl.norm2 - 2 * dot + self);
    cl.members.splice(cl.members.indexOf(member.index), 1);
    if (!cl.members.length) cl.alive = false;
    member.cluster = -1;
    this.retime(cl);
  }

  /** A story's time span: from its dated (or confidently estimated) members. */
  private retime(cl: Cluster): void {
    let lo = Infinity;
    let hi = -Infinity;
    let conf = 0;
    for (const pass of [0.5, 0]) {
      for (const m of cl.members) {
        const t = this.members[m].time;
        if (!t || t.confidence < pass) continue;
        lo = Math.min(lo, t.lo);
        hi = Math.max(hi, t.hi);
        conf = Math.max(conf, t.confidence);
      }
      if (conf > 0) break;
    }
    cl.lo = lo;
    cl.hi = hi;
    cl.conf = conf;
  }

  protected label(c: Cluster): string {
    return storyLabel(c.centroid, c.members.map((m) => this.members[m]), this.vocab);
  }
}

/** Batch grouping: the incremental pass over articles in date order, then moves and merges. */
export class StoryBatch extends StoryIndex {
  run(articles: StoryArticle[]): StoryGroup[] {
    const raws = articles.map((a) => this.features(a));
    for (const r of raws) this.vocab.addDocument(r.ids);
    const members = articles.map((a, i) => this.member(a, raws[i]));
    const order = members.map((m) => m.index).sort((a, b) => {
      const ta = members[a].time;
      const tb = members[b].time;
      return (ta ? ta.day : Infinity) - (tb ? tb.day : Infinity) || a - b;
    });
    for (const i of order) this.place(members[i]);
    this.refine(order);
    return this.stories();
  }

  /** Moves articles to a better-matching story; merges stories whose centroids meet the threshold. */
  private refine(order: number[]): void {
    for (let round = 0; round < 2; round++) {
      let moved = 0;
      for (const i of order) {
        const m = this.members[i];
        const own = this.best(m, m.cluster);
        const here = this.selfScore(m);
        if (own.cluster >= 0 && own.cluster !== m.cluster && own.score >= this.options.threshold && own.score > here + 0.02) {
          this.leave(m);
          this.join(m, own.cluster);
          moved++;
        }
      }
      if (!moved) break;
    }
    // Merge: each small story's members vote for the best other story.
    for (;;) {
      let merged = 0;
      const live = this.clusters.map((c, k) => k).filter((k) => this.clusters[k].alive).sort((a, b) => this.clusters[a].members.length - this.clusters[b].members.length);
      for (const c of live) {
        const cl = this.clusters[c];
        if (!cl.alive) continue;
        const vec = centroidVec(cl);
        const probe: Member = { index: -1, id: "", vector: vec, time: cl.conf ? { lo: cl.lo, hi: cl.hi, day: cl.lo, confidence: cl.conf } : undefined, surfaces: new Map(), cluster: c };
        const best = this.best(probe, -1);
        if (best.cluster >= 0 && best.cluster !== c && best.score >= this.options.threshold * 2.5) {
          for (const m of [...cl.members]) {
            const member = this.members[m];
            this.leave(member);
            this.join(member, best.cluster);
          }
          merged++;
        }
      }
      if (!merged) break;
    }
  }

  /** Similarity of an article to its own story without it (singletons: 0). */
  private selfScore(m: Member): number {
    const cl = this.clusters[m.cluster];
    if (cl.members.length <= 1) return 0;
    let dot = 0;
    let self = 0;
    for (let k = 0; k < m.vector.ids.length; k++) {
      const cw = cl.centroid.get(m.vector.ids[k]) ?? 0;
      dot += m.vector.w[k] * cw;
      self += m.vector.w[k] ** 2;
    }
    const norm2 = cl.norm2 - 2 * dot + self;
    return norm2 > 1e-9 ? (dot - self) / Math.sqrt(norm2) : 0;
  }
}

function centroidVec(cl: Cluster): Vec {
  const entries = [...cl.centroid.entries()].sort((a, b) => b[1] - a[1]).slice(0, 200);
  const norm = Math.sqrt(entries.reduce((n, [, v]) => n + v * v, 0)) || 1;
  return { ids: Int32Array.from(entries, (e) => e[0]), w: Float32Array.from(entries, (e) => e[1] / norm) };
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

/** A short label: the story's most weighty names, and when it happened. */
function storyLabel(centroid: Map<number, number>, members: Member[], vocab: Vocabulary): string {
  const surface = new Map<number, string>();
  for (const m of members) for (const [id, s] of m.surfaces) if (!surface.has(id)) surface.set(id, s);
  const ranked = [...centroid.entries()].filter(([id]) => vocab.names[id].startsWith("b:") || vocab.names[id].startsWith("n:")).sort((a, b) => b[1] - a[1]);
  const picked: string[] = [];
  const words = new Set<string>();
  for (const [id] of ranked) {
    const name = vocab.names[id];
    if (name.startsWith("b:")) {
      const parts = name.slice(2).split(" ");
      if (parts.some((p) => words.has(p))) continue;
      const display = parts.map((p) => capitalise(p, surface, vocab)).join(" ");
      parts.forEach((p) => words.add(p));
      picked.push(display);
    } else {
      const w = name.slice(2);
      if (words.has(w)) continue;
      words.add(w);
      picked.push(surface.get(id) ?? w);
    }
    if (picked.length >= 3) break;
  }
  const days = members.map((m) => m.time).filter((t): t is TimeInfo => !!t && t.confidence >= 0.3).map((t) => t.day).sort((a, b) => a - b);
  let when = "";
  if (days.length) {
    const p = fromDayNumber(days[days.length >> 1]);
    const precise = members.some((m) => m.time && m.time.confidence === 1);
    when = precise ? isoOf({ y: p.y, m: p.m }) : String(p.y);
  }
  const text = picked.length ? picked.join(", ") : "untitled";
  return when ? `${text} (${when})` : text;
}

function capitalise(lower: string, surface: Map<number, string>, vocab: Vocabulary): string {
  const id = vocab.id("n:" + lower);
  return surface.get(id) ?? lower.charAt(0).toUpperCase() + lower.slice(1);
}
