import { test } from "node:test";
import assert from "node:assert/strict";
import { porterStem } from "./porter.js";

// The full 73k-word check against ROUGE-1.5.5's own output lives in src/eval/rouge.test.ts.

const cases: Record<string, string> = {
  // step 1a/1b/1c (examples from Porter's 1980 paper)
  caresses: "caress", ponies: "poni", ties: "ti", caress: "caress", cats: "cat",
  feed: "feed", agreed: "agre", plastered: "plaster", bled: "bled", motoring: "motor", sing: "sing",
  conflated: "conflat", troubled: "troubl", sized: "size", hopping: "hop", tanned: "tan",
  falling: "fall", hissing: "hiss", fizzed: "fizz", failing: "fail", filing: "file", happy: "happi", sky: "sky",
  // steps 2-5
  relational: "relat", conditional: "condit", rational: "ration", digitizer: "digit",
  vietnamization: "vietnam", operator: "oper", decisiveness: "decis", hopefulness: "hope",
  sensibiliti: "sensibl", triplicate: "triplic", formative: "form", electrical: "electr", goodness: "good",
  revival: "reviv", allowance: "allow", adjustable: "adjust", irritant: "irrit", replacement: "replac",
  adoption: "adopt", communism: "commun", effective: "effect", probate: "probat", rate: "rate",
  cease: "ceas", controll: "control", roll: "roll",
  // ROUGE-1.5.5 quirks: step 4 retries -ment and -ent; a leading y is a consonant; short words kept
  agreement: "agreem", government: "govern", yelling: "yell", youth: "youth", by: "by", a: "a",
};

test("porterStem matches ROUGE-1.5.5's perl Porter stemmer", () => {
  for (const [word, stem] of Object.entries(cases)) assert.equal(porterStem(word), stem, word);
});

test("porterStem lower-cases ASCII input and is stable on repeated calls", () => {
  assert.equal(porterStem("Running"), "run");
  assert.equal(porterStem("running"), "run");
  assert.equal(porterStem("running"), "run");
});
