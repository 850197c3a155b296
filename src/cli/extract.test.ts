import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Briefing } from "../types/index.js";
import { fakeIo, SHARED, requireShared } from "../testing/fixtures.js";
import { localServer } from "../testing/server.js";
import { main } from "./main.js";

const AEB = `${SHARED}data/extraction/scrapinghub-aeb`;

const STORY = [
  "Firefighters brought a large wildfire near the town of Alder Creek under control on Sunday after three days of work in strong winds.",
  "About 1,200 residents who had left their homes on Friday were allowed to return, although officials warned that some roads stay closed.",
  "The fire burned roughly 4,000 hectares of forest and grassland, and two barns were destroyed, according to the regional fire service.",
  "Investigators have not yet said what started the fire, but dry conditions and a hot summer had raised the risk across the region.",
];
const page = (title: string, date: string, paras = STORY) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Valley Times</title><meta property="og:site_name" content="Valley Times">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}","datePublished":"${date}","author":{"@type":"Person","name":"Sam Rivera"}}</script></head>
<body><header><nav><a href="/">Home</a><a href="/news">News</a></nav></header><main><article><h1>${title}</h1>
<p class="byline">By Sam Rivera</p>${paras.map((p) => `<p>${p}</p>`).join("\n")}<div class="newsletter"><p>Sign up for our daily newsletter to get the latest stories delivered to your inbox.</p></div></article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Another story about something else entirely</a></li></ul></aside></main><footer>Copyright Valley Times</footer></body></html>`;

let server: Awaited<ReturnType<typeof localServer>>;
before(async () => {
  server = await localServer({
    "/fire": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page("Wildfire near Alder Creek under control", "2025-08-10T09:00:00Z"));
    },
    "/fire-2": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page("Alder Creek residents return home after wildfire", "2025-08-11T09:00:00Z", STORY.map((p) => p.replace("Sunday", "Monday"))));
    },
    "/feed.xml": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(feed(server.base));
    },
  });
});
after(() => server.close());

const feed = (base: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Times</title>
<item><title>Wildfire near Alder Creek under control</title><link>${base}/fire</link><pubDate>${new Date(Date.now() - 3600_000).toUTCString()}</pubDate><description>Firefighters brought a wildfire under control…</description></item>
<item><title>Alder Creek residents return home after wildfire</title><link>${base}/fire-2</link><pubDate>${new Date(Date.now() - 7200_000).toUTCString()}</pubDate><description>Residents return…</description></item>
<item><title>Last year's flood</title><link>${base}/flood</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Old.</description></item>
</channel></rss>`;

test("extract a gzipped benchmark page as one JSONL line with the scored field names", async () => {
  requireShared();
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  const gt = JSON.parse(readFileSync(`${AEB}/ground-truth.json`, "utf8")) as Record<string, { articleBody: string }>;
  const id = Object.keys(gt).sort()[0];
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", `${AEB}/html/${id}.html.gz`], io), 0);
  const lines = io.out().trim().split("\n");
  assert.equal(lines.length, 1);
  const r = JSON.parse(lines[0]);
  for (const k of ["file", "title", "author", "published", "text", "messages"]) assert.ok(k in r, k);
  assert.match(r.published, /^\d{4}-\d\d-\d\d$/);
  assert.equal(r.pageType, "article");
  // The extracted text begins where the publisher's article body begins.
  assert.equal(r.text.slice(0, 60), gt[id].articleBody.trim().slice(0, 60));
});

test("extract a directory, a bad file and a missing path: one line each, problems named", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  mkdirSync(path.join(dir, "pages"));
  writeFileSync(path.join(dir, "pages", "a.html"), page("Wildfire near Alder Creek under control", "2025-08-10"));
  writeFileSync(path.join(dir, "pages", "b.html.gz"), gzipSync(page("Second page", "2025-08-11")));
  writeFileSync(path.join(dir, "pages", "c.html"), "");
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", "pages", "nope.html"], io), 0);
  const rows = io.out().trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, 4);
  const byFile = new Map(rows.map((r) => [r.file, r]));
  assert.equal(byFile.get("nope.html").messages[0].ruleId, "missing-path");
  const a = byFile.get(path.join("pages", "a.html"));
  assert.deepEqual([a.title, a.author, a.published, a.siteName], ["Wildfire near Alder Creek under control", "Sam Rivera", "2025-08-10", "Valley Times"]);
  assert.equal(a.text, STORY.join("\n\n"));
  assert.equal(byFile.get(path.join("pages", "b.html.gz")).title, "Second page");
  assert.equal(byFile.get(path.join("pages", "c.html")).messages[0].ruleId, "empty-file");
  assert.match(io.err(), /^newsbrief extract: nope\.html: error no such file or directory \(extract:missing-path\)$/m, "errors also on stderr");
  assert.match(io.err(), /^newsbrief extract: pages\/c\.html: error file is empty \(extract:empty-file\)$/m);

  const none = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", "nope.html", path.join("pages", "c.html")], none), 1, "nothing extracted: exit 1");
  assert.match(none.err(), /nope\.html: error no such file/);
  assert.match(none.err(), /no text extracted from any input/);

  writeFileSync(path.join(dir, "menu.html"), "<html><body><nav><a href='/'>Home</a></nav></body></html>");
  const textless = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", "menu.html"], textless), 1);
  assert.match(textless.err(), /^newsbrief extract: menu\.html: warning .+ \(extract:[a-z-]+\)$/m, "the page that gave no text is named, with why");
});

test("extract reports an undecidable charset and decodes a declared one", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  const body = STORY.map((p) => `<p>${p} Señor Müller’s café.</p>`).join("");
  writeFileSync(path.join(dir, "undeclared.html"), Buffer.from(`<html><body><article><h1>Zürich</h1>${body}</article></body></html>`, "latin1"));
  writeFileSync(path.join(dir, "declared.html"), Buffer.from(`<html><head><meta charset="iso-8859-1"></head><body><article><h1>Zürich news</h1>${body.replace(/’/g, "'")}</article></body></html>`, "latin1"));
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", "undeclared.html", "declared.html", "--format", "json"], io), 0);
  const [undeclared, declared] = JSON.parse(io.out());
  assert.ok(undeclared.messages.some((m: { ruleId: string; reason: string }) => m.ruleId === "charset-undecided" && /cannot tell the page's character encoding/.test(m.reason)));
  assert.equal(declared.title, "Zürich news");
  assert.match(declared.text, /Señor Müller's café/);
  assert.equal(declared.messages.length, 0);
});

test("extract URLs and a feed over HTTP (allow-listed 127.0.0.1); private addresses refused by default", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", `${server.base}/fire`, `${server.base}/feed.xml`, "--since", "2d", "--allow", "127.0.0.1", "--cache-dir", path.join(dir, "cache")], io), 0);
  const rows = io.out().trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => r.url), [`${server.base}/fire`, `${server.base}/fire`, `${server.base}/fire-2`]);
  assert.equal(rows[2].title, "Alder Creek residents return home after wildfire");
  assert.match(rows[2].text, /on Monday after three days/);
  const all = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", `${server.base}/feed.xml`, "--allow", "127.0.0.1", "--no-cache"], all), 0);
  const flood = all.out().trim().split("\n").map((l) => JSON.parse(l)).find((r) => r.url === `${server.base}/flood`);
  assert.deepEqual(flood.messages.map((m: { reason: string }) => m.reason), ["could not fetch the article page (the server answered 404); using the feed's teaser"], "the URL is named once");
  const refused = fakeIo({ cwd: dir });
  await main(["extract", `${server.base}/fire`, "--no-cache"], refused);
  const r = JSON.parse(refused.out());
  assert.equal(r.messages[0].ruleId, "blocked-address");
  assert.match(r.messages[0].reason, /loopback/);
});

test("brief URL... feed.xml and brief --feed URL --since 2d", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  writeFileSync(path.join(dir, "feed.xml"), feed(server.base));
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", `${server.base}/fire`, "feed.xml", "--since", "2d", "--allow", "127.0.0.1", "--no-cache", "--format", "json"], io), 0);
  const b = JSON.parse(io.out()) as Briefing;
  assert.equal(b.articles.length, 3);
  assert.ok(b.articles.some((a) => a.title === "Alder Creek residents return home after wildfire" && a.published === "2025-08-11"));
  assert.match(b.stories[0].headline.text, /Alder Creek|wildfire|fire/i);
  const viaFeed = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", "--feed", `${server.base}/feed.xml`, "--since", "2d", "--allow", "127.0.0.1", "--no-cache", "--format", "json"], viaFeed), 0);
  const f = JSON.parse(viaFeed.out()) as Briefing;
  assert.deepEqual(f.articles.map((a) => a.url).sort(), [`${server.base}/fire`, `${server.base}/fire-2`]);
  assert.match(viaFeed.err(), /feed\.xml: info 1 of 3 feed items are older than --since \(\S+\) and were left out \(fetch:older-than-since\)/, "what --since dropped is said");
  const unreachable = fakeIo({ cwd: dir });
  assert.equal(await main(["brief", `${server.base}/fire`, "--no-cache", "--format", "json"], unreachable), 1);
  assert.match(unreachable.err(), /fire: error refused to connect to 127\.0\.0\.1: it is a loopback address/);
});

test("a reader that stops early (extract … | head -1) ends the run quietly, without an EPIPE stack trace", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, `p${i}.html`), page(`Page ${i}`, "2025-08-12"));
  const child = spawn(process.execPath, [fileURLToPath(new URL("./bin.js", import.meta.url)), "extract", dir, "--format", "jsonl"], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  await new Promise((resolve) => child.stdout.once("data", resolve));
  child.stdout.destroy();
  const code = await new Promise((resolve) => child.on("close", resolve));
  assert.doesNotMatch(err, /EPIPE|Unhandled|at /);
  assert.equal(code, 0);
});

test("stories reads URLs and feeds as brief does: --feed, --since and --allow", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["stories", "--feed", `${server.base}/feed.xml`, "--since", "2d", "--allow", "127.0.0.1", "--no-cache", "--format", "json"], io), 0);
  const grouping = JSON.parse(io.out()) as { articles: Array<{ file: string }>; stories: unknown[] };
  assert.deepEqual(grouping.articles.map((a) => a.file).sort(), [`${server.base}/fire`, `${server.base}/fire-2`]);
  assert.match(io.err(), /older than --since/);
  const refused = fakeIo({ cwd: dir });
  assert.equal(await main(["stories", `${server.base}/fire`, "--no-cache"], refused), 1);
  assert.match(refused.err(), /refused to connect to 127\.0\.0\.1: it is a loopback address/);
});

test("extract names a binary file as binary, as brief does, and still reads a UTF-16 page", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-ex-"));
  writeFileSync(path.join(dir, "blob.txt"), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)));
  writeFileSync(path.join(dir, "wide.html"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page("Wide page", "2025-08-12"), "utf16le")]));
  const io = fakeIo({ cwd: dir });
  assert.equal(await main(["extract", "blob.txt", "wide.html", "--format", "json"], io), 0);
  const [blob, wide] = JSON.parse(io.out());
  assert.deepEqual(blob.messages.map((m: { ruleId: string }) => m.ruleId), ["binary-file"]);
  assert.match(io.err(), /^newsbrief extract: blob\.txt: error file is binary, not an HTML page or a feed \(extract:binary-file\)$/m);
  assert.equal(wide.title, "Wide page");
});
