import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseRougeArgs, prfFromCounts, rouge, rougeStem, round5, type Prf } from "./rouge.js";

// Reference data produced by the perl ROUGE-1.5.5 (see /work/shared/eval/README.md).
const SHARED = new URL("../../../shared/eval/", import.meta.url);

function readShared(name: string): string {
  const path = fileURLToPath(new URL(name, SHARED));
  if (!existsSync(path)) {
    assert.fail(`ROUGE reference data missing: ${path} (the shared eval folder must be present next to the project)`);
  }
  return readFileSync(path, "utf8");
}

interface Vector {
  id: string;
  options: string;
  peer: string;
  models: string[];
  rouge_1: Prf;
  rouge_2: Prf;
  rouge_l: Prf;
  rouge_su4: Prf;
}

test("reproduces every ROUGE-1.5.5 reference vector", () => {
  const vectors = readShared("rouge-vectors.jsonl")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Vector);
  assert.ok(vectors.length >= 362, `expected at least 362 vectors, found ${vectors.length}`);
  const failures: string[] = [];
  for (const v of vectors) {
    const got = rouge(v.peer, v.models, parseRougeArgs(v.options));
    const pairs: [string, Prf | undefined, Prf][] = [
      ["rouge1", got.rouge1, v.rouge_1],
      ["rouge2", got.rouge2, v.rouge_2],
      ["rougeL", got.rougeL, v.rouge_l],
      ["rougeSU4", got.rougeSU4, v.rouge_su4],
    ];
    for (const [name, actual, expected] of pairs) {
      for (const k of ["r", "p", "f"] as const) {
        const a = actual === undefined ? NaN : round5(actual[k]);
        if (!(Math.abs(a - expected[k]) <= 1e-4)) failures.push(`${v.id} ${name}.${k}: got ${a}, want ${expected[k]}`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} mismatches`);
});

test("rougeStem (WordNet exceptions, then Porter, tokens > 3 chars) reproduces every stem vector", () => {
  const lines = readShared("stem-vectors.tsv").split("\n").filter((l) => l !== "");
  assert.equal(lines.length, 73160);
  const failures: string[] = [];
  for (const line of lines) {
    const [token, stem] = line.split("\t");
    const got = rougeStem(token);
    if (got !== stem) failures.push(`${token}: got ${got}, want ${stem}`);
  }
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} mismatches`);
});

test("tokenisation and ROUGE quirks", () => {
  // Only [A-Za-z0-9] survive; hyphens split; ASCII-only lower-casing.
  const s = rouge("Don't café pro-democracy", ["don t caf pro democracy"]);
  assert.deepEqual(s.rouge1, { r: 1, p: 1, f: 1 });
  // -u: the last token's unigram is not counted (3 tokens: 2 unigrams + 3 skip-bigrams).
  const su = rouge("a b c", ["a b c"], { skipDistance: 4, unigramsInSkip: true });
  assert.deepEqual(su.rougeSU4, { r: 1, p: 1, f: 1 });
  // Empty peer or model gives zeros, not NaN.
  assert.deepEqual(rouge("", ["some text"]).rouge1, { r: 0, p: 0, f: 0 });
  assert.deepEqual(rouge("text", [""]).rougeL, { r: 0, p: 0, f: 0 });
});

test("-l counts raw whitespace-separated words and applies to the models too", () => {
  const o = { lengthLimit: 3 };
  // "_" counts as a word for the limit, so only "alpha" and "beta" survive in the peer.
  assert.deepEqual(rouge("alpha _ beta gamma", ["alpha beta gamma delta"], o).rouge1, { r: 0.66667, p: 1, f: 0.8 });
});

test("ROUGE-L is summary-level: union LCS of each model sentence over all peer sentences", () => {
  const s = rouge("a b x\nc d y", ["a b c d e"]);
  assert.equal(s.rougeL.r, 0.8); // a b (first peer sentence) + c d (second) of 5 model tokens
  assert.equal(s.rougeL.p, 0.66667); // 4 of 6 peer tokens
});

test("-b: ROUGE-L keeps whole later sentences (perl never advances its byte count there)", () => {
  // Derived from the perl source, not from a reference vector: with -b 12, ROUGE-N sees
  // "aaaa bbbb ccc" but ROUGE-L sees both sentences whole, and its hits are clipped by ROUGE-N's unigrams.
  const text = "aaaa bbbb\ncccc dddd";
  const s = rouge(text, [text], { byteLimit: 12 });
  assert.deepEqual(s.rouge1, { r: 1, p: 1, f: 1 });
  assert.deepEqual(s.rougeL, { r: 0.5, p: 0.66667, f: 0.57143 });
});

test("-f B keeps the first model with the best recall", () => {
  const s = rouge("a b c d", ["a b x y", "a b c y", "q r s t"], { mode: "B" });
  assert.deepEqual(s.rouge1, { r: 0.75, p: 0.75, f: 0.75 });
});

test("round5 rounds like printf (exact ties to even)", () => {
  assert.equal(round5(1 / 64), 0.01562); // 0.015625
  assert.equal(round5(3 / 64), 0.04688); // 0.046875
  assert.equal(round5(2 / 3), 0.66667);
  assert.deepEqual(prfFromCounts({ model: 64, peer: 64, hit: 1 }), { r: 0.01562, p: 0.01562, f: 0.01562 });
});

test("parseRougeArgs", () => {
  assert.deepEqual(parseRougeArgs("-n 2 -m -l 30 -2 4 -u -f B -p 0.5 -t 0 -a"), {
    n: 2, stem: true, unigramsInSkip: true, mode: "B", alpha: 0.5, skipDistance: 4, lengthLimit: 30, average: 0,
  });
  assert.deepEqual(parseRougeArgs("-c 95 -r 1000 -n 4"), {
    n: 4, stem: false, unigramsInSkip: false, mode: "A", alpha: 0.5, confidence: 95, resamples: 1000,
  });
  assert.throws(() => parseRougeArgs("-n 2 -s"), /not supported/);
});
