import { test } from "node:test";
import assert from "node:assert/strict";
import { bcubed, bcubedOver } from "./story-data.js";

test("BCubed over kept items only: a left-out page neither counts nor splits its cluster", () => {
  const gold = new Map([["a1", "A"], ["a2", "A"], ["a3", "A"], ["b1", "B"], ["b2", "B"]]);
  // a3 (a page the grouping could not place) sits alone; everything else is right.
  const predicted = new Map([["a1", "s1"], ["a2", "s1"], ["a3", "s3"], ["b1", "s2"], ["b2", "s2"]]);
  assert.ok(bcubed(predicted, gold).r < 1);
  assert.deepEqual(bcubedOver(predicted, gold, (id) => id !== "a3"), { p: 1, r: 1, f: 1 });
});
