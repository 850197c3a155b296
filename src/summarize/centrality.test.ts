import assert from "node:assert/strict";
import { test } from "node:test";
import { centrality, type SentenceVectors } from "./centrality.js";
import { cosineMatrix, pageRank, withNorm } from "./vectors.js";

/** Sentences as lists of [dimension, weight], dimensions ascending. */
function vectorsOf(sentences: [number, number][][]): SentenceVectors {
  const from = new Int32Array(sentences.length + 1);
  const flat = sentences.flat();
  sentences.forEach((s, k) => (from[k + 1] = from[k] + s.length));
  return { n: sentences.length, dims: Math.max(...flat.map(([id]) => id)) + 1, from, ids: Int32Array.from(flat, ([id]) => id), vals: Float64Array.from(flat, ([, w]) => w) };
}

const SENTENCES: [number, number][][] = [
  [[0, 1.2], [1, 0.7], [4, 2]],
  [[0, 1.2], [2, 1.5], [4, 1]],
  [[1, 0.7], [2, 1.5], [3, 0.4]],
  [[5, 2.5], [6, 1]],
  [[0, 2.4], [6, 2], [7, 1]],
  [[3, 0.4], [8, 1.1]],
];

test("centrality: the same scores as LexRank's dense power iteration over the thresholded cosine matrix (scaled to mean 1)", () => {
  const n = SENTENCES.length;
  const dense = cosineMatrix(SENTENCES.map((s) => withNorm(Int32Array.from(s, ([id]) => id), Float64Array.from(s, ([, w]) => w))));
  for (let k = 0; k < dense.length; k++) if (dense[k] < 0.1) dense[k] = 0;
  const expected = pageRank(dense, n, 0.85, 1e-12, 1000);
  const got = centrality(vectorsOf(SENTENCES), { threshold: 0.1, damping: 0.85 });
  for (let k = 0; k < n; k++) assert.ok(Math.abs(got[k] - expected[k] * n) < 1e-3, `sentence ${k}: ${got[k]} vs ${expected[k] * n}`);
});

test("centrality: a teleport restarting the walk at one sentence raises it and its neighbours, not the unrelated ones", () => {
  const n = SENTENCES.length;
  const uniform = centrality(vectorsOf(SENTENCES), { threshold: 0.1, damping: 0.85 });
  const teleport = new Float64Array(n).fill(0.5 / n);
  teleport[3] += 0.5;
  const biased = centrality(vectorsOf(SENTENCES), { threshold: 0.1, damping: 0.85, teleport });
  assert.ok(biased[3] > uniform[3]);
  assert.ok(biased[4] > uniform[4], "sentence 4 shares dimension 6 with sentence 3");
  assert.ok(biased[5] < uniform[5]);
});

test("centrality: sentences sharing nothing score alike", () => {
  assert.deepEqual(Array.from(centrality(vectorsOf([[[0, 1]], [[1, 1]], [[2, 3]]]), { threshold: 0.1, damping: 0.85 })), [1, 1, 1]);
});
