import type { Budget, Corpus, Selection, Summarizer } from "../types/index.js";
import { candidateSentences, pickInOrder } from "./vectors.js";

/** mulberry32: a small, fast 32-bit PRNG (Tommy Ettinger's), returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The random baseline of the DUC/TAC evaluations (e.g. H. T. Dang (2005), "Overview of DUC
 * 2005"): candidate sentences in a random order (Fisher–Yates with a seeded mulberry32), taken
 * while the budget allows. The same seed and corpus always give the same summary.
 */
export const random: Summarizer = {
  name: "random",
  description: "random candidate sentences (seeded baseline)",
  summarize(corpus: Corpus, budget: Budget, context: { seed: number }): Selection[] {
    const refs = candidateSentences(corpus);
    const next = mulberry32(context.seed);
    const order = refs.map((_, k) => k);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const scores = new Float64Array(refs.length);
    order.forEach((k, rank) => (scores[k] = 1 / (1 + rank)));
    return pickInOrder(refs, order, scores, budget);
  },
};
