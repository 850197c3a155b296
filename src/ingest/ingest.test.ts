import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync, chmodSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { decodeBytes } from "./decode.js";
import { ingestPaths } from "./index.js";
import { dateLine, normalizeDate } from "./dates.js";
import { SEEDS, requireShared } from "../testing/fixtures.js";

function tmp(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ingest-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const ARTICLE = "A headline about the event\n\nThe council approved the budget on Monday after a long debate about schools and roads.\n";

test("decodes UTF-8 with and without BOM, UTF-16 with BOM, and Windows-1252", () => {
  const text = "Café “quoted” — done";
  assert.deepEqual(decodeBytes(Buffer.from(text)), { text, encoding: "utf-8" });
  assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { text, encoding: "utf-8" });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  assert.deepEqual(decodeBytes(le), { text, encoding: "utf-16le" });
  const be = Buffer.from(le);
  be[0] = 0xfe;
  be[1] = 0xff;
  for (let i = 2; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
  assert.deepEqual(decodeBytes(be), { text, encoding: "utf-16be" });
  const cp1252 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x97, 0x20, 0x80]);
  assert.deepEqual(decodeBytes(cp1252), { text: "Café “q” — €", encoding: "windows-1252" });
  assert.equal(decodeBytes(Buffer.alloc(0)), "empty");
  assert.equal(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), "binary");
});

test("normalises ISO-like and RFC 2822 dates, rejects non-dates", () => {
  assert.equal(normalizeDate("2019-12-06"), "2019-12-06");
  assert.equal(normalizeDate("2019-12-06T23:30:00-05:00"), "2019-12-06");
  assert.equal(normalizeDate("Fri, 06 Dec 2019 10:00:00 GMT"), "2019-12-06");
  assert.equal(normalizeDate("2019/12/6"), "2019-12-06");
  assert.equal(normalizeDate("2019-02-30"), undefined);
  assert.equal(normalizeDate("yesterday-ish"), undefined);
});

test("a line that is only a date reads as that day; text that merely mentions one does not", () => {
  assert.equal(dateLine("Saturday, January 8, 2005"), "2005-01-08");
  assert.equal(dateLine("Sat. Jan. 8, 2005 10:42 a.m. EST"), "2005-01-08");
  assert.equal(dateLine("8 January 2005"), "2005-01-08");
  assert.equal(dateLine("Tuesday 14th May 2019"), "2019-05-14");
  assert.equal(dateLine("2019-12-06T10:00:00Z"), "2019-12-06");
  assert.equal(dateLine("February 30, 2005"), undefined);
  assert.equal(dateLine("May 2"), undefined);
  assert.equal(dateLine("January 2005 budget talks"), undefined);
  assert.equal(dateLine("Talks resumed on January 8, 2005."), undefined);
});

test("reads the seeds: a leading date marker becomes the publication date", async () => {
  requireShared();
  const { docs, messages } = await ingestPaths([SEEDS]);
  assert.equal(docs.length, 5);
  assert.deepEqual(messages, []);
  const first = docs.find((d) => d.file.endsWith("000_9002722f45dd2c8d.txt"))!;
  assert.equal(first.published, "2019-12-06");
  assert.ok(first.raw.slice(first.bodyOffset).startsWith("It is unclear"));
});

test("reads JSON objects and arrays, JSONL, HTML and Markdown; directories recursively", async () => {
  const dir = tmp({
    "a.json": JSON.stringify({ title: "T1", body: "Body one is here. It has words.", published: "2020-01-02T10:00:00Z", url: "https://www.example.org/x" }),
    "nested/b.json": JSON.stringify([{ text: "Second article text." }, { content: "Third article text." }]),
    "nested/deeper/c.jsonl": `${JSON.stringify({ text: "Line one article." })}\n\n${JSON.stringify({ text: "Line three article." })}\n`,
    "d.md": "# A Markdown title\n\nSome markdown body text.\n",
    "e.html": "<html><head><title>Page</title></head><body><article><h1>Page title here</h1><p>The article paragraph has enough words to be the main text of this page, clearly.</p><p>Another paragraph with more words about the same event follows it here.</p></article></body></html>",
    "image.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  });
  const { docs, messages } = await ingestPaths([dir]);
  assert.equal(docs.length, 7, JSON.stringify(messages));
  const a = docs.find((d) => d.title === "T1")!;
  assert.equal(a.published, "2020-01-02");
  assert.equal(a.source, "example.org");
  const jsonl = docs.filter((d) => d.file.endsWith("c.jsonl"));
  assert.deepEqual(jsonl.map((d) => d.line), [1, 3]);
  assert.ok(docs.some((d) => d.file.endsWith("e.html") && d.raw.includes("The article paragraph")));
  assert.deepEqual(messages.map((m) => m.ruleId), ["skipped-files"]);
  assert.match(messages[0].reason, /skipped 1 file\(s\) that are not articles \(by extension\): image\.png$/, "the skipped file is named");
});

test("bad inputs: each is reported once, naming the file (and line), and the rest is still read", async () => {
  const dir = tmp({
    "good.txt": ARTICLE,
    "empty.txt": "",
    "blank.txt": "  \n\n ",
    "binary.txt": Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff]),
    "big.txt": "x".repeat(2048),
    "broken.jsonl": `${JSON.stringify({ text: "Fine line." })}\n{"text": oops}\n${JSON.stringify({ title: "no text" })}\n`,
    "broken.json": "{not json",
  });
  const { docs, messages } = await ingestPaths(
    ["good.txt", "empty.txt", "blank.txt", "binary.txt", "big.txt", "broken.jsonl", "broken.json", "missing.txt", "*.nothing"],
    { cwd: dir, maxFileBytes: 1024 },
  );
  assert.deepEqual(docs.map((d) => `${d.file}${d.line ? `:${d.line}` : ""}`), ["good.txt", "broken.jsonl:1"]);
  const got = messages.map((m) => `${m.file}${m.line ? `:${m.line}` : ""} ${m.ruleId}`);
  assert.deepEqual(got.sort(), [
    "*.nothing no-match",
    "big.txt too-large",
    "binary.txt binary-file",
    "blank.txt empty-file",
    "broken.json json-parse",
    "broken.jsonl:2 json-parse",
    "broken.jsonl:3 no-text",
    "empty.txt empty-file",
    "missing.txt missing-path",
  ]);
  for (const m of messages) assert.ok(m.reason.length > 8, `reason too terse: ${m.reason}`);
  assert.match(messages.find((m) => m.ruleId === "too-large")!.reason, /over the 1 KB limit/);
});

test("unreadable files are reported, not fatal", async () => {
  const dir = tmp({ "locked.txt": ARTICLE, "ok.txt": ARTICLE });
  // Root reads any file whatever its mode, so a symlink loop stands in for the unreadable file there.
  if (process.getuid?.() === 0) {
    unlinkSync(path.join(dir, "locked.txt"));
    symlinkSync("locked.txt", path.join(dir, "locked.txt"));
  } else chmodSync(path.join(dir, "locked.txt"), 0);
  const { docs, messages } = await ingestPaths([dir]);
  assert.equal(docs.length, 1);
  assert.deepEqual(messages.map((m) => [m.file.endsWith("locked.txt"), m.ruleId]), [[true, "unreadable"]]);
});

test("a PDF renamed .html is called binary, and an XML file that is not a feed (a sitemap) is refused, not briefed as markup", async () => {
  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nstream\n"), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256))]);
  const sitemap = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/news/1</loc></url></urlset>\n`;
  const dir = tmp({ "report.html": pdf, "sitemap.xml": sitemap, "ok.txt": ARTICLE });
  const { docs, messages } = await ingestPaths(["report.html", "sitemap.xml", "ok.txt"].map((name) => path.join(dir, name)));
  assert.equal(docs.length, 1);
  const byFile = Object.fromEntries(messages.map((m) => [path.basename(m.file), [m.ruleId, m.reason]]));
  assert.deepEqual(byFile, {
    "report.html": ["binary-file", "file is binary, not text, JSON or HTML"],
    "sitemap.xml": ["not-a-feed", "XML with a <urlset> root, not an article or an RSS, Atom or RDF feed (a sitemap lists pages: give their URLs)"],
  });
});

test("a .gz that is not gzip is called that, and the other files are still read", async () => {
  const dir = tmp({ "notes.txt.gz": ARTICLE, "ok.txt": ARTICLE });
  const { docs, messages } = await ingestPaths([dir]);
  assert.equal(docs.length, 1);
  assert.deepEqual(messages.map((m) => [m.file.endsWith("notes.txt.gz"), m.ruleId]), [[true, "unreadable"]]);
  assert.match(messages[0].reason, /^not a valid gzip file \(/);
});

test("globs and stdin", async () => {
  const dir = tmp({ "x1.txt": ARTICLE, "x2.txt": ARTICLE, "y.txt": ARTICLE });
  const globbed = await ingestPaths(["x*.txt"], { cwd: dir });
  assert.deepEqual(globbed.docs.map((d) => d.file), ["x1.txt", "x2.txt"]);
  const stdin = new PassThrough();
  stdin.end(`${JSON.stringify({ text: "From stdin one." })}\n${JSON.stringify({ text: "From stdin two." })}\n`);
  const piped = await ingestPaths(["-"], { stdin });
  assert.deepEqual(piped.docs.map((d) => d.raw), ["From stdin one.", "From stdin two."]);
});

test("a folder's files and a glob's matches are read in the order a person reads names: t2 before t10, Zeta before alpha as ls lists them", async () => {
  const dir = tmp({ "t10.txt": ARTICLE, "t2.txt": ARTICLE, "t1.txt": ARTICLE, "t02b.txt": ARTICLE, "alpha.txt": ARTICLE, "Zeta.txt": ARTICLE, "sub9/a.txt": ARTICLE, "sub10/a.txt": ARTICLE });
  const folder = await ingestPaths(["."], { cwd: dir });
  assert.deepEqual(folder.docs.map((d) => d.file), ["Zeta.txt", "alpha.txt", "sub9/a.txt", "sub10/a.txt", "t1.txt", "t2.txt", "t02b.txt", "t10.txt"]);
  const globbed = await ingestPaths(["t*.txt"], { cwd: dir });
  assert.deepEqual(globbed.docs.map((d) => d.file), ["t1.txt", "t2.txt", "t02b.txt", "t10.txt"]);
});

test("files found in a directory are named under the path the user gave, and read once, the repeat reported", async () => {
  const dir = tmp({ "a.txt": ARTICLE, "sub/b.txt": ARTICLE, "empty.txt": "" });
  const elsewhere = mkdtempSync(path.join(tmpdir(), "nb-cwd-"));
  const absolute = await ingestPaths([dir, path.join(dir, "a.txt")], { cwd: elsewhere });
  assert.deepEqual(absolute.docs.map((d) => d.file).sort(), [path.join(dir, "a.txt"), path.join(dir, "sub", "b.txt")]);
  assert.deepEqual(absolute.messages.map((m) => [m.ruleId, m.file, m.severity]).sort(), [
    ["empty-file", path.join(dir, "empty.txt"), "error"],
    ["named-twice", path.join(dir, "a.txt"), "info"],
  ]);
  const relative = await ingestPaths([`./${path.basename(dir)}`], { cwd: path.dirname(dir) });
  assert.deepEqual(relative.docs.map((d) => d.file).sort(), [path.join(path.basename(dir), "a.txt"), path.join(path.basename(dir), "sub", "b.txt")]);
});
