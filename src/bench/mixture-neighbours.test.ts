import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { nearestTexts, wordCounts } from "./mixture-neighbours.js";
import { mixtures, type Cluster } from "./story-data.js";

const TEXTS = [
  "The volcano erupted on Sunday, and lava flows forced villagers to flee the volcano's slopes.",
  "Lava from the erupting volcano reached the villagers' homes; the eruption continues.",
  "The central bank raised interest rates to curb inflation, the bank's governor said.",
  "Inflation fell after the bank raised interest rates again, economists said.",
  "The football club signed a striker before the transfer deadline.",
];

test("word counts are lower-cased words without stopwords or short words", () => {
  assert.deepEqual([...wordCounts("The Volcano and the volcano ERUPTED in May")], [["volcano", 2], ["erupted", 1], ["may", 1]]);
});

test("nearest texts pair the texts on the same topic", () => {
  const near = nearestTexts(TEXTS, 2);
  assert.equal(near[0][0], 1);
  assert.equal(near[1][0], 0);
  assert.equal(near[2][0], 3);
  assert.equal(near[3][0], 2);
  assert.ok(near.every((n, i) => !n.includes(i)));
});

test("mixture selection does not depend on the story grouping code", () => {
  for (const file of ["./story-data.js", "./mixture-neighbours.js"]) {
    const js = readFileSync(new URL(file, import.meta.url), "utf8");
    assert.doesNotMatch(js, /from\s+["'][^"']*\/stories\//, `${file} imports src/stories at run time`);
  }
});

test("mixtures are a pure function of the clusters and the seed", () => {
  const clusters: Cluster[] = TEXTS.map((t, i) => ({ set: "tiny", id: `c${i}`, story: `c${i}`, docs: [{ text: t }, { text: `${t} More.` }] }));
  const ids = (seed: number) => mixtures(clusters, 4, seed).map((m) => [...m.gold.values()].sort().join(","));
  assert.deepEqual(ids(7), ids(7));
  assert.ok(ids(7).every((s) => s.split(",").length >= 4));
});
