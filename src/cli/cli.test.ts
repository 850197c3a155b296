import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { Briefing } from "../types/index.js";
import { fakeIo, REPO, SEEDS, requireShared } from "../testing/fixtures.js";
import { main } from "./main.js";

test("brief on the seeds prints a cited text briefing on a terminal", async () => {
  requireShared();
  const io = fakeIo({ tty: true });
  assert.equal(await main(["brief", SEEDS], io), 0);
  const out = io.out();
  assert.match(out, /^newsbrief: 5 articles, 3 stories\n/);
  assert.match(out, /\[\d\]/);
  assert.match(out, /Sources\n  \[1\] /);
  assert.match(out, /Mr\. Lavrov Comes to Washington/);
  assert.equal(io.err(), "");
});

test("a terminal that reports 0 columns (script, docker exec -t) gets lines of the default width, not one word per line", async () => {
  requireShared();
  const io = fakeIo({ tty: true });
  Object.assign(io.stdout, { columns: 0 });
  assert.equal(await main(["brief", SEEDS], io), 0);
  const lines = io.out().split("\n");
  assert.ok(Math.max(...lines.map((l) => l.length)) > 60, "some lines are long");
  assert.ok(lines.filter((l) => /^\s*\S+$/.test(l)).length < 20, "few lines hold a single word");
});

test("the built bin runs as a program, as npx starts it (executable, with its shebang)", () => {
  const out = execFileSync(path.join(REPO, "dist/cli/bin.js"), ["--version"], { encoding: "utf8" });
  assert.match(out, /^\d+\.\d+\.\d+/);
});

test("bundled example briefs (the README's first command)", async () => {
  const io = fakeIo();
  assert.equal(await main(["brief", path.join(REPO, "examples/air-france-447"), "--format", "json"], io), 0);
  const b = JSON.parse(io.out()) as Briefing;
  assert.equal(b.articles.length, 10);
  assert.equal(b.stories.length, 1, "the crash and the search a year later are one story");
  assert.match(b.stories[0].headline.text, /Air France|A330|228/);
});

test("stories prints the grouping only: seeds in three stories, JSON field names kept", async () => {
  requireShared();
  const io = fakeIo();
  assert.equal(await main(["stories", SEEDS, "--format", "json"], io), 0);
  const g = JSON.parse(io.out()) as { articles: Array<{ id: string; file?: string; title: string }>; stories: Array<{ id: string; articleIds: string[]; label: string }> };
  assert.deepEqual(Object.keys(g), ["articles", "stories"]);
  assert.equal(g.articles.length, 5);
  const file = new Map(g.articles.map((a) => [a.id, path.basename(a.file!).slice(0, 3)]));
  const groups = g.stories.map((s) => s.articleIds.map((id) => file.get(id)).sort().join(","));
  assert.deepEqual(groups[0], "001,002,004");
  assert.deepEqual(groups.slice(1).sort(), ["000", "003"]);
  for (const s of g.stories) assert.ok(s.label.length > 0);
  const text = fakeIo({ tty: true });
  assert.equal(await main(["stories", SEEDS, "--granularity", "topic"], text), 0);
  assert.match(text.out(), /^newsbrief: 5 articles, \d stor(?:y|ies)\n/);
  assert.match(text.out(), /\ns1  /);
  const bad = fakeIo();
  assert.equal(await main(["stories", SEEDS, "--granularity", "week"], bad), 2);
  assert.match(bad.err(), /unknown granularity "week"/);
});

test("brief --granularity and the text format show each story", async () => {
  requireShared();
  const io = fakeIo({ tty: true });
  assert.equal(await main(["brief", SEEDS, "--granularity", "event", "--sentences", "1"], io), 0);
  const stories = io.out().match(/^== Story s\d: /gm) ?? [];
  assert.equal(stories.length, 3);
});

test("--format md|html|json and --out", async () => {
  requireShared();
  const dir = mkdtempSync(path.join(tmpdir(), "nb-cli-"));
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", SEEDS, "--format", "md", "--words", "150", "--out", "brief.md"], io), 0);
  const md = readFileSync(path.join(dir, "brief.md"), "utf8");
  assert.match(md, /^# Briefing/);
  assert.match(md, /## Sources/);
  assert.match(io.err(), /wrote brief.md/);
  const html = fakeIo();
  assert.equal(await main(["brief", SEEDS, "--format", "html"], html), 0);
  assert.match(html.out(), /^<!doctype html>/);
  assert.match(html.out(), /<mark id="s-/);
  const json = fakeIo();
  assert.equal(await main(["brief", SEEDS], json), 0, "json when not on a terminal");
  const b = JSON.parse(json.out()) as Briefing;
  assert.equal(b.version.split(".").length, 3);
  assert.ok(b.articles.every((a) => typeof a.text === "string" && a.removed));
});

test("JSONL on stdin, with a bad line reported by file and line", async () => {
  requireShared();
  const seed = readFileSync(path.join(SEEDS, "004_42700eb0427a7a4c.txt"), "utf8");
  const other = readFileSync(path.join(SEEDS, "002_4f883dfa2d95b40a.txt"), "utf8");
  const stdin = `${JSON.stringify({ text: seed, source: "TRT" })}\nnot json\n${JSON.stringify({ body: other, published: "2017-05-10" })}\n`;
  const io = fakeIo({ stdin });
  assert.equal(await main(["brief", "-", "--format", "json"], io), 0);
  const b = JSON.parse(io.out()) as Briefing;
  assert.equal(b.articles.length, 2);
  assert.equal(b.articles[1].published, "2017-05-10");
  assert.match(io.err(), /^newsbrief: -:2: error not valid JSON/m);
});

test("bad inputs among good ones: reported, the rest briefed; none usable: exit 1 with advice", async () => {
  requireShared();
  const dir = mkdtempSync(path.join(tmpdir(), "nb-cli-"));
  writeFileSync(path.join(dir, "empty.txt"), "");
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", SEEDS, "empty.txt", "nope.txt", "--format", "json"], io), 0);
  assert.match(io.err(), /empty\.txt: error file is empty/);
  assert.match(io.err(), /nope\.txt: error no such file or directory/);
  assert.equal((JSON.parse(io.out()) as Briefing).messages.length, 2);

  const none = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", "empty.txt", "nope.txt"], none), 1);
  assert.match(none.err(), /nothing to brief/);
  assert.equal(none.out(), "");
});

test("usage errors exit 2 with a hint", async () => {
  for (const argv of [["brief"], ["brief", "x", "--words", "many"], ["brief", "x", "--format", "pdf"], ["brief", "x", "--algorithm", "lexrnk"], ["frobnicate"]]) {
    const io = fakeIo();
    assert.equal(await main(argv, io), 2, argv.join(" "));
    assert.ok(io.err().length > 10);
  }
});

test("--out to a missing folder or a directory: exit 1 before any work, naming the file and why", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-out-"));
  writeFileSync(path.join(dir, "a.txt"), "The council closed the harbour bridge on Monday after a storm damaged two of its cables.\n");
  const missing = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", "a.txt", "--out", "no/such/folder/brief.md"], missing), 1);
  assert.match(missing.err(), /^newsbrief brief: cannot write no\/such\/folder\/brief\.md: the folder \S+ does not exist$/m);
  assert.doesNotMatch(missing.err(), /ENOENT|brief:no-usable/);
  const directory = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", "a.txt", "--out", "."], directory), 1);
  assert.match(directory.err(), /cannot write \.: it is a directory; name a file/);
});

test("--words with --sentences is refused with both named, not one silently ignored", async () => {
  const io = fakeIo();
  assert.equal(await main(["brief", "x.txt", "--words", "80", "--sentences", "3"], io), 2);
  assert.match(io.err(), /^newsbrief brief: give --words or --sentences, not both/);
});

test("a --focus that cannot steer the summary is said so, on stderr and in the briefing's messages (as the library returns them), and the briefing still printed", async () => {
  const example = path.join(REPO, "examples/air-france-447");
  const cases: Array<[string[], RegExp]> = [
    [["--focus", "the of and a to"], /^newsbrief: \(options\): warning the focus "the of and a to" holds no content words \(only stop words\), so the summaries are not focused \(brief:focus-ignored\)\n/],
    [["--focus", "flight recorders", "--algorithm", "lexrank"], /^newsbrief: \(options\): warning the focus is used by the newsbrief summariser only; lexrank ignores it \(brief:focus-ignored\)\n/],
  ];
  for (const [options, said] of cases) {
    const io = fakeIo();
    assert.equal(await main(["brief", example, "--format", "json", ...options], io), 0);
    assert.match(io.err(), said);
    const briefing = JSON.parse(io.out()) as Briefing;
    assert.equal(briefing.stories.length, 1);
    assert.deepEqual(briefing.messages.filter((m) => m.ruleId === "focus-ignored").map((m) => m.severity), ["warning"]);
  }
  const focused = fakeIo();
  assert.equal(await main(["brief", example, "--format", "json", "--focus", "flight recorders search"], focused), 0);
  assert.equal(focused.err(), "");
});

test("a --words budget no whole sentence fits is said so, and the summary still holds one whole sentence", async () => {
  const example = path.join(REPO, "examples/air-france-447");
  const io = fakeIo();
  assert.equal(await main(["brief", example, "--format", "json", "--words", "5"], io), 0);
  assert.match(io.err(), /^newsbrief: \(options\): info a summary holds at least one whole sentence, so the summary runs past the 5-word budget \(up to \d+ words\) \(brief:words-exceeded\)\n/);
  const briefing = JSON.parse(io.out()) as Briefing;
  assert.equal(briefing.stories[0].summary.length, 1);
  const usual = fakeIo();
  assert.equal(await main(["brief", example, "--format", "json", "--words", "60"], usual), 0);
  assert.equal(usual.err(), "", "a summary ending within the usual overrun says nothing");
});

test("a text briefing on the terminal lists its messages at its end, so stderr on the same screen names only errors and says where the rest are", async () => {
  requireShared();
  const dir = mkdtempSync(path.join(tmpdir(), "nb-screen-"));
  cpSync(SEEDS, dir, { recursive: true });
  writeFileSync(path.join(dir, "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  const screen = fakeIo({ tty: true });
  Object.assign(screen.stderr, { isTTY: true });
  assert.equal(await main(["brief", dir, "--words", "5"], screen), 0);
  assert.match(screen.err(), /photo\.txt: error file is binary/);
  assert.doesNotMatch(screen.err(), /words-exceeded/, "the info is in the briefing, not twice on the screen");
  assert.match(screen.err(), /newsbrief: \d+ messages? \(warnings, notes\) listed under Messages at the end of the briefing\n/);
  assert.match(screen.out(), /\nMessages\n[\s\S]*words-exceeded/);
  const piped = fakeIo({ tty: true });
  assert.equal(await main(["brief", dir, "--words", "5"], piped), 0);
  assert.match(piped.err(), /words-exceeded/, "stderr not on a terminal (a log) keeps every message");
});

test("a negative number after an option gets our range message, spaced or with =", async () => {
  for (const argv of [["brief", "x.txt", "--sentences", "-1"], ["brief", "x.txt", "--sentences=-1"], ["eval", "x.jsonl", "--words", "-5"]]) {
    const io = fakeIo();
    assert.equal(await main(argv, io), 2, argv.join(" "));
    assert.match(io.err(), /takes a whole number above 0, not "-\d"/, argv.join(" "));
    assert.doesNotMatch(io.err(), /ambiguous/);
  }
  const afterEnd = fakeIo();
  assert.equal(await main(["brief", "--sentences", "2", "--", "-1"], afterEnd), 1, "after -- a dash-number is a file name");
  assert.match(afterEnd.err(), /-1: error no such file/);
});
