import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO } from "./fixtures.js";

/** Reads the briefing the README's example makes as the README's schema says it: every story has a timeline. */
const SCHEMA_WALK = `
const story = briefing.stories[0];
const cited: string[] = [story.headline, ...story.summary, ...story.timeline].map((s) => briefing.articles.find((a) => a.id === s.articleId)!.text.slice(s.start, s.end));
const dates: string[] = story.timeline.map((t) => t.date);
console.log(cited.length, dates.length, story.entities.map((e) => e.type), story.quotes.map((q) => q.speaker), briefing.messages.map((m) => m.ruleId));
`;

test("the README's library example compiles as a user compiles it (tsc --strict --module nodenext), reading the briefing as its schema says", () => {
  const example = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(REPO, "README.md"), "utf8"))![1];
  assert.match(example, /import \{ brief, render, type Briefing \} from "newsbrief";/);
  const dir = join(REPO, ".tmp-readme-example");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "example.ts"), example + SCHEMA_WALK);
  const tsc = join(REPO, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "--strict", "--module", "nodenext", "--noEmit", join(dir, "example.ts")], { cwd: REPO, encoding: "utf8" });
  } catch (error) {
    assert.fail((error as { stdout?: string }).stdout || String(error));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
