import assert from "node:assert/strict";
import { test } from "node:test";
import { dayNumber } from "../timeline/dates.js";
import { extractFeatures, lowerCased, PHRASE, timeOf, Vocabulary } from "./features.js";

const LOWER = "Washington ( ap ) — a man attacked a bus driver, stole the bus, then struck and killed a pedestrian after the bus jumped a curb at a gas station in northeast washington on tuesday, police said.";
const CASED = "Russian Foreign Minister Sergei Lavrov met President Donald Trump at the White House on Wednesday, a day after Trump fired FBI Director James Comey.";

test("lower-cased text is told by its lack of capitals inside sentences", () => {
  assert.equal(lowerCased(LOWER), true);
  assert.equal(lowerCased(CASED), false);
});

test("lower-cased text gets phrases of adjacent content words; cased text gets name bigrams only", () => {
  const vocab = new Vocabulary();
  const phrases = (text: string): string[] => Array.from(extractFeatures(text, vocab).ids, (id) => vocab.names[id]).filter((n) => n.startsWith(PHRASE));
  assert.ok(phrases(LOWER).includes(`${PHRASE}bus driver`));
  assert.ok(!phrases(LOWER).some((p) => p.includes("stole")), "punctuation or a stopword between breaks a phrase");
  assert.deepEqual(phrases(CASED), []);
});

test("an undated article's guessed year bounds its time from below only; a pinned one keeps its interval", () => {
  const guessed = timeOf(undefined, "The court heard that the bombing of Dec. 21, 1988, killed 270 people. The families met the judges again.");
  assert.ok(guessed && guessed.confidence < 1);
  assert.equal(guessed.lo, dayNumber(1988, 12, 21));
  assert.equal(guessed.hi, Infinity);
  const pinned = timeOf(undefined, "Secretary of State Rex Tillerson met Sergei Lavrov in Moscow on April 12 to discuss Syria.");
  assert.ok(pinned && pinned.hi < Infinity && pinned.estimate && !pinned.estimate.guessed);
});

test("a guessed time starts where the text's own dates end, not at the guessed year: 'in 1996' bounds it from 1 January 1996", () => {
  const t = timeOf(undefined, "The company was founded in 1996 and now employs 300 people across the region.");
  assert.ok(t?.estimate?.guessed);
  assert.equal(t.estimate.date, "1997");
  assert.equal(t.lo, dayNumber(1996, 1, 1));
});
