import { test } from "node:test";
import assert from "node:assert/strict";
import { bootstrap, bootstrapCounts } from "./bootstrap.js";

// Expected values from ROUGE-1.5.5's own resampling code run under perl 5.36 (-c 95 -r 1000).
test("bootstrap reproduces ROUGE-1.5.5's resampled average and 95% interval", () => {
  const scores = [
    { r: 0.41, p: 0.38, f: 0.39446 },
    { r: 0.52, p: 0.47, f: 0.49374 },
    { r: 0.33, p: 0.36, f: 0.34435 },
    { r: 0.61, p: 0.55, f: 0.57845 },
    { r: 0.45, p: 0.4, f: 0.42353 },
  ];
  const b = bootstrap(scores, { resamples: 1000, confidence: 0.95 });
  assert.deepEqual(b.r, { mean: 0.46315, low: 0.386, high: 0.552 });
  assert.deepEqual(b.p, { mean: 0.43132, low: 0.376, high: 0.5 });
  assert.deepEqual(b.f, { mean: 0.44614, low: 0.38023, high: 0.52471 });
  assert.deepEqual(b.plain, { r: 0.464, p: 0.432, f: 0.44691 });
  assert.equal(b.n, 5);
});

test("bootstrap of a single peer is that peer's score; empty input gives zeros", () => {
  const one = bootstrap([{ r: 0.5, p: 0.25, f: 0.33333 }]);
  assert.deepEqual(one.f, { mean: 0.33333, low: 0.33333, high: 0.33333 });
  assert.deepEqual(bootstrap([]).r, { mean: 0, low: 0, high: 0 });
});

test("bootstrapCounts pools counts (-t 1)", () => {
  const b = bootstrapCounts([{ model: 10, peer: 20, hit: 5 }, { model: 30, peer: 20, hit: 15 }]);
  assert.deepEqual(b.plain, { r: 0.5, p: 0.5, f: 0.5 });
  assert.ok(b.r.low <= b.r.mean && b.r.mean <= b.r.high);
});
