import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { REPO } from "./fixtures.js";

const SKIP = new Set(["node_modules", "dist", ".git"]);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|js|mjs|json|md|html|css|ya?ml|sh)$|^run$/.test(name)) yield path;
  }
}

test("no file of the project holds a merge's conflict markers (a README once shipped with them)", () => {
  const marked: string[] = [];
  for (const file of files(REPO)) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => /^(?:<{7}|>{7})(?: |$)/.test(line) && marked.push(`${relative(REPO, file)}:${i + 1}`));
  }
  assert.deepEqual(marked, []);
});
