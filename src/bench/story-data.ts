/**
 * Evaluation mixtures for story grouping: clusters of `../shared/data` sets (each cluster is one
 * story), mixed and shuffled with a seed, and BCubed scoring.
 *
 * DUC 2007 update splits each topic into stages A, B and C by date (`prior_cluster_ids`): one
 * continuing development cut at arbitrary days, so by default the stages of a topic form one gold
 * story (`stagesApart` scores them as three).
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { mulberry32 } from "../summarize/random.js";
import { fileURLToPath } from "node:url";
import { cleanDocument } from "../clean/index.js";
import { nearestTexts } from "./mixture-neighbours.js";
import type { StoryArticle } from "../stories/index.js";

export const DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

export interface Cluster {
  set: string;
  id: string;
  /** Gold story: the cluster id, or the DUC 2007 update topic its stages share. */
  story: string;
  docs: Array<{ text: string; date?: string }>;
}

export interface LoadOptions {
  limit?: number;
  skip?: number;
  stagesApart?: boolean;
}

/** A set's clusters with their documents cleaned as `brief` cleans them (documents under 200 characters dropped). */
export function loadSet(name: string, options: LoadOptions = {}): Cluster[] {
  const { limit = Infinity, skip = 0, stagesApart = false } = options;
  const file = name === "multinews" ? `${DATA}multinews/validation.jsonl.gz` : `${DATA}${name}/test.jsonl`;
  if (!existsSync(file)) return [];
  const raw = file.endsWith(".gz") ? gunzipSync(readFileSync(file)).toString("utf8") : readFileSync(file, "utf8");
  const out: Cluster[] = [];
  let seen = 0;
  for (const line of raw.split("\n")) {
    if (!line.trim()) continue;
    if (seen++ < skip) continue;
    const rec = JSON.parse(line) as { id: string; documents: string[]; dates?: Array<string | null>; prior_cluster_ids?: string[] };
    const docs = rec.documents
      .map((text, i) => ({ text: cleanDocument({ file: `${rec.id}#${i}`, raw: text }, `${rec.id}#${i}`).text, ...(rec.dates?.[i] ? { date: rec.dates[i]! } : {}) }))
      .filter((d) => d.text.trim().length > 200);
    const story = !stagesApart && rec.prior_cluster_ids ? (rec.prior_cluster_ids[0] ?? rec.id).replace(/-[A-C]$/, "") : rec.id;
    if (docs.length >= 2) out.push({ set: name, id: rec.id, story, docs });
    if (out.length >= limit) break;
  }
  return out;
}

/** Deterministic PRNG: the random baseline's mulberry32. */
export const rng = mulberry32;

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Nearest clusters by their word content (for "related topic" picks); see `mixture-neighbours.ts`. */
function neighbours(clusters: Cluster[], k = 5): number[][] {
  return nearestTexts(clusters.map((c) => c.docs.map((d) => d.text).join("\n\n")), k);
}

export interface Mixture {
  articles: StoryArticle[];
  gold: Map<string, string>;
}

/**
 * `count` mixtures of 2–20 clusters, about half of each picked among the nearest neighbours of
 * clusters already in (related topics); a share `hideDates` of dated articles lose their date.
 */
export function mixtures(clusters: Cluster[], count: number, seed: number, hideDates = 0.3): Mixture[] {
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
    out.push(mix([...chosen].map((c) => clusters[c]), rand, hideDates));
  }
  return out;
}

/**
 * A fixed pile: the named articles (`clusterId#index`) in this order, dated unless listed in
 * `undated`. For tests about one known pile, which must not move when the mixtures do.
 */
export function pile(clusters: Cluster[], articleIds: string[], undated: string[] = []): Mixture {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const articles: StoryArticle[] = [];
  const gold = new Map<string, string>();
  for (const id of articleIds) {
    const [clusterId, index] = id.split("#");
    const c = byId.get(clusterId);
    const d = c?.docs[Number(index)];
    if (!c || !d) throw new Error(`no article ${id}`);
    articles.push({ id, text: d.text, ...(d.date && !undated.includes(id) ? { published: d.date } : {}) });
    gold.set(id, c.story);
  }
  return { articles, gold };
}

function mix(chosen: Cluster[], rand: () => number, hideDates: number): Mixture {
  const articles: StoryArticle[] = [];
  const gold = new Map<string, string>();
  for (const c of chosen) {
    c.docs.forEach((d, i) => {
      const id = `${c.id}#${i}`;
      articles.push({ id, text: d.text, ...(d.date && rand() >= hideDates ? { published: d.date } : {}) });
      gold.set(id, c.story);
    });
  }
  return { articles: shuffle(articles, rand), gold };
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

/**
 * BCubed over the items `keep` accepts only: both groupings lose the others, so an item left out
 * neither counts itself nor splits or dilutes its cluster (pages that are not articles at all).
 */
export function bcubedOver(predicted: Map<string, string>, gold: Map<string, string>, keep: (item: string) => boolean): { p: number; r: number; f: number } {
  const only = (m: Map<string, string>): Map<string, string> => new Map([...m].filter(([item]) => keep(item)));
  return bcubed(only(predicted), only(gold));
}

function groupBy(m: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [item, g] of m) (out.get(g) ?? out.set(g, []).get(g)!).push(item);
  return out;
}

/** Article id → story id. */
export function assignment(stories: Array<{ id: string; articleIds: string[] }>): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of stories) for (const a of s.articleIds) m.set(a, s.id);
  return m;
}
