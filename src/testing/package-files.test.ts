import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { test } from "node:test";
import { REPO } from "./fixtures.js";

/** The files `npm pack` would put in the package (package.json's "files"), relative to the repository. */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8" });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|new URL\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

test("the package ships the library, the CLI and its data, without tests, benches or source maps of unshipped sources", () => {
  const files = packedFiles();
  for (const needed of ["dist/index.js", "dist/index.d.ts", "dist/cli/bin.js", "data/wordnet-2.0-exceptions.tsv", "README.md"]) assert.ok(files.includes(needed), needed);
  assert.deepEqual(files.filter((f) => /\.test\.|\.map$|^dist\/(?:bench|testing)\//.test(f)), []);
  const shipped = new Set(files);
  const unresolved: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".js"))) {
    if (!existsSync(join(REPO, file))) continue;
    for (const m of readFileSync(join(REPO, file), "utf8").matchAll(RELATIVE_IMPORT)) {
      const target = normalize(join(dirname(file), m[1]));
      if (!shipped.has(target)) unresolved.push(`${file} -> ${m[1]}`);
    }
  }
  assert.deepEqual(unresolved, []);
});
