import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { localServer } from "../testing/server.js";
import { Fetcher, fetchArticle, fetchFeed, FetchError, feedReader, parseSince, retryAfterMs } from "./index.js";
import { parseFeed } from "./feed.js";

const PARAS = [
  "The city council voted on Tuesday to approve a new budget for public transport, ending months of debate over fares and routes.",
  "Supporters said the plan would add bus lines in neighbourhoods that have waited years for service, while critics warned about the cost.",
  "The mayor said the first new routes would open next spring, and that fares would stay at their current level until at least 2027.",
  "Residents who spoke at the meeting were divided, with several asking for more frequent night buses and better access for wheelchairs.",
];

const article = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2025-09-04T10:00:00Z">
<meta name="author" content="Jane Doe"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${PARAS.map((p) => `<p>${p}</p>`).join("")}</article><footer>© Example News</footer></body></html>`;

let server: Awaited<ReturnType<typeof localServer>>;
let flaky = 0;

const rss = (base: string, full: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example RSS</title><link>${base}/</link>
<item><title>Council approves transport budget</title><link>${base}/a</link><pubDate>${new Date(Date.now() - 3600_000).toUTCString()}</pubDate><dc:creator>Jane Doe</dc:creator>
<description>The council voted on a budget…</description>${full ? `<content:encoded><![CDATA[${PARAS.map((p) => `<p>${p}</p>`).join("")}${PARAS.map((p) => `<p>${p}</p>`).join("")}]]></content:encoded>` : ""}</item>
<item><title>Old story</title><link>${base}/old</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Old teaser.</description></item>
</channel></rss>`;

before(async () => {
  server = await localServer({
    "/a": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(article("Council approves transport budget"));
    },
    "/gz": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipSync(article("Gzipped page")));
    },
    "/br": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "br" });
      res.end(brotliCompressSync(article("Brotli page")));
    },
    "/latin1": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(Buffer.from(article("Café crème à Genève"), "latin1"));
    },
    "/redirect": (_req, res) => {
      res.writeHead(301, { location: "/a" });
      res.end();
    },
    "/loop": (_req, res) => {
      res.writeHead(302, { location: "/loop" });
      res.end();
    },
    "/to-private": (_req, res) => {
      res.writeHead(302, { location: "http://10.1.2.3/secret" });
      res.end();
    },
    "/flaky": (_req, res) => {
      if (flaky++ < 2) {
        res.writeHead(flaky === 1 ? 429 : 503, { "retry-after": "0", "content-type": "text/plain" });
        res.end("slow down");
        return;
      }
      res.writeHead(200, { "content-type": "text/html" });
      res.end(article("Third time lucky"));
    },
    "/always-503": (_req, res) => {
      res.writeHead(503, { "retry-after": "3600" });
      res.end();
    },
    "/big": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<p>" + "x".repeat(200_000) + "</p>");
    },
    "/bomb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipSync(Buffer.alloc(5_000_000, 32)));
    },
    "/slow": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>start");
      setTimeout(() => res.end("</p>"), 3000).unref();
    },
    "/ua": (req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(String(req.headers["user-agent"]));
    },
    "/pdf": (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.4");
    },
    "/rss": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(rss(server.base, false));
    },
    "/rss-full": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(rss(server.base, true));
    },
    "/old": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(article("Old story"));
    },
  });
});

after(() => server.close());

const fetcher = (extra: ConstructorParameters<typeof Fetcher>[0] = {}) => new Fetcher({ allowList: ["127.0.0.1"], retryBaseMs: 5, cacheDir: false, ...extra });

test("fetches, decompresses gzip and br, and extracts the article", async () => {
  const f = fetcher();
  const a = await fetchArticle(`${server.base}/a`, { fetcher: f });
  assert.equal(a.title, "Council approves transport budget");
  assert.equal(a.author, "Jane Doe");
  assert.equal(a.published, "2025-09-04");
  assert.match(a.text, /^The city council voted/);
  assert.doesNotMatch(a.text, /Home|World|©/);
  assert.equal((await fetchArticle(`${server.base}/gz`, { fetcher: f })).title, "Gzipped page");
  assert.equal((await fetchArticle(`${server.base}/br`, { fetcher: f })).title, "Brotli page");
  assert.equal((await fetchArticle(`${server.base}/latin1`, { fetcher: f })).title, "Café crème à Genève");
  f.close();
});

test("follows redirects, stops redirect loops, and re-checks each hop's address", async () => {
  const f = fetcher({ maxRedirects: 3 });
  const a = await fetchArticle(`${server.base}/redirect`, { fetcher: f });
  assert.equal(a.url, `${server.base}/a`);
  await assert.rejects(f.get(`${server.base}/loop`), (e: FetchError) => e.code === "too-many-redirects" && /more than 3 redirects/.test(e.message));
  await assert.rejects(f.get(`${server.base}/to-private`), (e: FetchError) => e.code === "blocked-address" && /10\.1\.2\.3.*private/.test(e.message));
  f.close();
});

test("refuses private, loopback and link-local addresses unless allow-listed, after DNS resolution", async () => {
  const strict = new Fetcher({ cacheDir: false, retries: 0 });
  await assert.rejects(strict.get(`${server.base}/a`), (e: FetchError) => e.code === "blocked-address" && /loopback/.test(e.message));
  await assert.rejects(strict.get("http://169.254.169.254/latest/meta-data/"), (e: FetchError) => e.code === "blocked-address" && /link-local/.test(e.message));
  await assert.rejects(strict.get("http://[::1]/"), (e: FetchError) => e.code === "blocked-address");
  await assert.rejects(strict.get("file:///etc/passwd"), (e: FetchError) => e.code === "bad-scheme");
  await assert.rejects(strict.get("ftp://example.org/"), (e: FetchError) => e.code === "bad-scheme");
  // A host name is judged by what it resolves to, and the socket connects to that checked address.
  const port = new URL(server.base).port;
  const rebinding = new Fetcher({ cacheDir: false, retries: 0, resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
  await assert.rejects(rebinding.get(`http://news.example.com:${port}/a`), (e: FetchError) => e.code === "blocked-address" && /news\.example\.com \(127\.0\.0\.1\)/.test(e.message));
  const allowed = new Fetcher({ cacheDir: false, allowList: ["127.0.0.0/8"], resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
  const r = await allowed.get(`http://news.example.com:${port}/a`);
  assert.equal(r.status, 200);
  allowed.close();
});

test("retries 429 and 503 honouring Retry-After, and gives up on a too-long Retry-After", async () => {
  flaky = 0;
  const f = fetcher({ retries: 3 });
  const r = await f.get(`${server.base}/flaky`);
  assert.equal(r.status, 200);
  assert.equal(server.hits.get("/flaky"), 3);
  await assert.rejects(f.get(`${server.base}/always-503`), (e: FetchError) => e.code === "http-status" && e.status === 503 && /asks to wait 3600 s/.test(e.message));
  await assert.rejects(fetcher({ retries: 0 }).get(`${server.base}/nope`), (e: FetchError) => e.status === 404);
  f.close();
});

test("caps the body size (also after decompression) and times out", async () => {
  const f = fetcher({ maxBytes: 100_000, retries: 0 });
  await assert.rejects(f.get(`${server.base}/big`), (e: FetchError) => e.code === "too-large");
  await assert.rejects(f.get(`${server.base}/bomb`), (e: FetchError) => e.code === "too-large");
  // The slow route sends half a page and then waits 3 s.
  const impatient = fetcher({ timeoutMs: 300, retries: 0 });
  await assert.rejects(impatient.get(`${server.base}/slow`), (e: FetchError) => e.code === "timeout");
  impatient.close();
  await assert.rejects(fetchArticle(`${server.base}/pdf`, { fetcher: f }), /application\/pdf, not HTML/);
  f.close();
});

test("sends a descriptive, configurable User-Agent", async () => {
  const f = fetcher();
  assert.match(Buffer.from((await f.get(`${server.base}/ua`)).bytes).toString(), /^newsbrief\/\S+ \(\+https?:\/\//);
  const g = fetcher({ userAgent: "my-bot/1.0" });
  assert.equal(Buffer.from((await g.get(`${server.base}/ua`)).bytes).toString(), "my-bot/1.0");
  f.close();
  g.close();
});

test("on-disk cache: a second fetch of the same URL does not reach the server", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-cache-"));
  const before = server.hits.get("/a") ?? 0;
  const one = fetcher({ cacheDir: dir });
  assert.equal((await one.get(`${server.base}/a`)).fromCache, false);
  one.close();
  const two = fetcher({ cacheDir: dir });
  const again = await two.get(`${server.base}/a`);
  assert.equal(again.fromCache, true);
  assert.match(Buffer.from(again.bytes).toString(), /Council approves/);
  assert.equal(server.hits.get("/a"), before + 1);
  two.close();
});

test("on-disk cache: a page fetched through an allow-listed private address is never served to a fetcher without that allow-list", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nb-cache-"));
  const allowed = fetcher({ cacheDir: dir });
  await allowed.get(`${server.base}/a`);
  assert.equal((await allowed.get(`${server.base}/a`)).fromCache, true, "the same allow-list is served from the cache");
  allowed.close();
  const strict = new Fetcher({ cacheDir: dir, retries: 0 });
  await assert.rejects(strict.get(`${server.base}/a`), (e: FetchError) => e.code === "blocked-address");
  strict.close();
});

test("per-host concurrency limit holds requests back", async () => {
  let inFlight = 0;
  let peak = 0;
  const s = await localServer({
    "/x": (_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      }, 20);
    },
  });
  const f = fetcher({ perHostConcurrency: 2 });
  await Promise.all(Array.from({ length: 6 }, (_, i) => f.get(`${s.base}/x?i=${i}`)));
  assert.equal(peak, 2);
  f.close();
  await s.close();
});

test("teaser feed: each item's page is fetched; --since drops old items", async () => {
  const f = fetcher();
  const feed = await fetchFeed(`${server.base}/rss`, { fetcher: f, since: parseSince("2d") });
  assert.equal(feed.format, "rss");
  assert.equal(feed.articles.length, 1);
  assert.equal(feed.skipped, 1);
  const [a] = feed.articles;
  assert.equal(a.from, "page");
  assert.equal(a.title, "Council approves transport budget");
  assert.match(a.text, /^The city council voted/);
  const all = await fetchFeed(`${server.base}/rss`, { fetcher: f });
  assert.equal(all.articles.length, 2);
  const inputs = await feedReader({ fetcher: f })(`${server.base}/rss`, new AbortController().signal);
  assert.deepEqual(Object.keys(inputs[0]).sort(), ["published", "source", "text", "title", "url"]);
  assert.equal(inputs[1].title, "Old story");
  f.close();
});

test("full-content feed: text comes from the feed without fetching the page", async () => {
  const f = fetcher();
  const hits = server.hits.get("/a") ?? 0;
  const feed = await fetchFeed(`${server.base}/rss-full`, { fetcher: f, since: parseSince("1d") });
  assert.equal(feed.articles.length, 1);
  assert.equal(feed.articles[0].from, "feed");
  assert.equal(feed.articles[0].author, "Jane Doe");
  assert.match(feed.articles[0].text, /The city council voted[\s\S]*wheelchairs\./);
  assert.equal(server.hits.get("/a") ?? 0, hits);
  f.close();
});

test("Atom and RDF feeds parse into dated items", () => {
  const atom = parseFeed(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><link href="https://ex.org/"/>
<entry><title type="html">Rates &lt;b&gt;rise&lt;/b&gt;</title><link rel="alternate" href="/2025/rates"/><published>2025-09-03T08:00:00+02:00</published><author><name>Ann Lee</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First paragraph.</p><p>Second paragraph.</p></div></content></entry></feed>`, "https://ex.org/feed");
  assert.equal(atom.format, "atom");
  assert.deepEqual(
    { title: atom.items[0].title, url: atom.items[0].url, author: atom.items[0].author, published: atom.items[0].published, text: atom.items[0].text, teaser: atom.items[0].teaser },
    { title: "Rates rise", url: "https://ex.org/2025/rates", author: "Ann Lee", published: "2025-09-03", text: "First paragraph.\n\nSecond paragraph.", teaser: true },
  );
  const rdf = parseFeed(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://ex.org/"><title>RDF news</title><link>https://ex.org/</link></channel>
<item rdf:about="https://ex.org/b"><title>Item B</title><link>https://ex.org/b</link><dc:date>2025-08-30T12:00:00Z</dc:date><dc:creator>Bo Chen</dc:creator><description>Short.</description></item></rdf:RDF>`);
  assert.equal(rdf.format, "rdf");
  assert.equal(rdf.title, "RDF news");
  assert.deepEqual([rdf.items[0].url, rdf.items[0].published, rdf.items[0].author], ["https://ex.org/b", "2025-08-30", "Bo Chen"]);
  assert.throws(() => parseFeed("<html><body>hi</body></html>"), /not a feed/);
});

test("Retry-After and --since parsing", () => {
  assert.equal(retryAfterMs("120"), 120_000);
  assert.equal(retryAfterMs("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT")), 10_000);
  const now = new Date("2025-09-10T00:00:00Z");
  assert.equal(parseSince("2d", now).toISOString(), "2025-09-08T00:00:00.000Z");
  assert.equal(parseSince("12h", now).toISOString(), "2025-09-09T12:00:00.000Z");
  assert.throws(() => parseSince("soon"), /--since takes a duration/);
});
