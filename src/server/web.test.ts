import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { wikinewsArticles, type WikinewsArticle } from "../testing/newsroom.js";
import { InlineBriefer } from "./briefer.js";
import { InlinePreparer } from "./preparer.js";
import { startServer, type RunningServer } from "./start.js";
import { urlProblem } from "./web.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function page(a: WikinewsArticle): string {
  const paragraphs = a.text.split(/\n+/).filter((p) => p.trim()).map((p) => `<p>${esc(p)}</p>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.title)} - Wikinews</title>
<meta property="og:site_name" content="Wikinews"><meta property="article:published_time" content="${a.published ?? ""}"></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h1>${esc(a.title)}</h1>${paragraphs}</article>
<footer>Text from Wikinews, CC BY 2.5</footer></body></html>`;
}

/** A local news site: article pages from one WikiNews cluster (multiling2011_en, CC BY) and an RSS feed of teasers linking to them. */
function newsSite(articles: WikinewsArticle[]): { server: http.Server; hits: string[] } {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    const base = `http://${req.headers.host}`;
    const m = /^\/a(\d+)\.html$/.exec(req.url ?? "");
    if (m && articles[Number(m[1])]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(articles[Number(m[1])]));
    } else if (req.url === "/rss.xml") {
      const items = articles
        .map((a, i) => `<item><title>${esc(a.title)}</title><link>${base}/a${i}.html</link><description>${esc(a.text.slice(0, 80))}…</description>${a.published ? `<pubDate>${new Date(a.published).toUTCString()}</pubDate>` : ""}</item>`)
        .join("\n");
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wikinews</title><link>${base}/</link><description>test</description>${items}</channel></rss>`);
    } else res.writeHead(404).end("not found");
  });
  return { server, hits };
}

describe("serve fetches the web through the SSRF-safe fetcher", () => {
  const cluster = wikinewsArticles().filter((a, _i, all) => a.cluster === all[0].cluster);
  const site = newsSite(cluster);
  let siteUrl = "";
  let dir = "";

  before(async () => {
    await new Promise<void>((resolve) => site.server.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(tmpdir(), "nb-web-"));
  });
  after(async () => {
    await new Promise((resolve) => site.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  async function serve(name: string, allowHosts?: string[]): Promise<RunningServer> {
    return startServer({ dbPath: path.join(dir, `${name}.db`), port: 0, web: { allowHosts, cacheDir: false }, briefer: new InlineBriefer(), preparer: new InlinePreparer(), rateLimit: false, log: () => {} });
  }
  const postJson = (s: RunningServer, url: string, body: unknown) => fetch(`${s.url}${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  test("with the allow-list, a posted URL is fetched, extracted and stored", async () => {
    const s = await serve("allowed", ["127.0.0.1"]);
    try {
      const r = await postJson(s, "/api/articles", { url: `${siteUrl}/a0.html` });
      const body = await r.json();
      assert.equal(r.status, 201, JSON.stringify(body));
      const stored = await (await fetch(`${s.url}/api/articles/${body.id}`)).json();
      assert.equal(stored.title, cluster[0].title);
      assert.equal(stored.url, `${siteUrl}/a0.html`);
      // The extracted text is the article's, without the page's navigation or footer.
      const longest = cluster[0].text.split(/\n+/).sort((x, y) => y.length - x.length)[0].trim();
      assert.ok(stored.text.includes(longest), stored.text.slice(0, 200));
      assert.ok(!stored.text.includes("CC BY 2.5") && !stored.text.includes("About"), stored.text.slice(0, 300) + " … " + stored.text.slice(-300));
    } finally {
      await s.close();
    }
  });

  test("a batch whose URL cannot be fetched stores the rest, and that item as received, rejected with the reason", async () => {
    const s = await serve("batch", ["127.0.0.1"]);
    try {
      const r = await postJson(s, "/api/articles", [{ url: `${siteUrl}/a0.html` }, { url: `${siteUrl}/gone.html` }, { url: `${siteUrl}/a1.html` }]);
      const body = await r.json();
      assert.equal(r.status, 201, JSON.stringify(body));
      assert.deepEqual([body.created, body.rejected], [2, 1]);
      assert.deepEqual(body.results.map((x: { status: string }) => x.status), ["created", "rejected", "created"]);
      assert.equal(body.results[1].messages[0].ruleId, "url-not-fetched");
      assert.match(body.results[1].messages[0].reason, /could not fetch .*gone\.html.*404/);
      const health = await (await fetch(`${s.url}/api/health`)).json();
      assert.deepEqual([health.counts.inputs, health.counts.articles], [3, 2], "the rejected item is kept as it was sent");
      const alone = await postJson(s, "/api/articles", { url: `${siteUrl}/gone.html` });
      assert.equal(alone.status, 422, "a lone article that cannot be fetched is still refused");
    } finally {
      await s.close();
    }
  });

  test("with the allow-list, a posted feed is polled into articles (teasers replaced by their pages)", async () => {
    const s = await serve("feed", ["127.0.0.1"]);
    try {
      const r = await postJson(s, "/api/feeds", { url: `${siteUrl}/rss.xml`, every: "1h" });
      assert.equal(r.status, 201);
      assert.equal(await s.poller.tick(), 1);
      const { feeds } = await (await fetch(`${s.url}/api/feeds`)).json();
      assert.equal(feeds[0].lastError, undefined, feeds[0].lastError);
      assert.equal(feeds[0].articlesAdded, cluster.length);
      const health = await (await fetch(`${s.url}/api/health`)).json();
      assert.equal(health.counts.articles, cluster.length);
      for (let i = 0; i < cluster.length; i++) assert.ok(site.hits.includes(`/a${i}.html`), `page ${i} fetched`);
      const hits = await (await fetch(`${s.url}/api/search?q=${encodeURIComponent(cluster[1].title.split(" ").slice(0, 2).join(" "))}`)).json();
      assert.ok(hits.hits.length > 0);
    } finally {
      await s.close();
    }
  });

  test("without the allow-list, loopback URLs are refused with a 4xx naming the problem, and never requested", async () => {
    const s = await serve("refused");
    const before = site.hits.length;
    try {
      for (const url of [`${siteUrl}/a0.html`, `http://localhost:${new URL(siteUrl).port}/a0.html`, `http://[::ffff:127.0.0.1]:${new URL(siteUrl).port}/a0.html`]) {
        const r = await postJson(s, "/api/articles", { url });
        const body = await r.json();
        assert.equal(r.status, 422, url);
        assert.match(body.error, /loopback/);
        assert.match(body.error, /allow-listed/);
        assert.deepEqual(body.issues, [{ field: "url", message: "names a private or loopback address" }]);
      }
      const f = await postJson(s, "/api/feeds", { url: `${siteUrl}/rss.xml` });
      assert.equal(f.status, 422);
      assert.match((await f.json()).error, /loopback/);
      const batch = await postJson(s, "/api/articles", [{ text: "fine", title: "x" }, { url: "http://10.1.2.3/x" }]);
      assert.equal(batch.status, 422);
      assert.equal((await batch.json()).issues[0].field, "[1].url");
      assert.equal(site.hits.length, before);
      const health = await (await fetch(`${s.url}/api/health`)).json();
      assert.equal(health.counts.feeds, 0);
    } finally {
      await s.close();
    }
  });

  test("urlProblem names private, link-local and localhost URLs, and lets allow-listed and public ones through", () => {
    assert.match(urlProblem("http://169.254.169.254/latest/meta-data", [])!, /link-local/);
    assert.match(urlProblem("http://192.168.1.10/", [])!, /private-network/);
    assert.match(urlProblem("http://api.localhost/", [])!, /loopback/);
    assert.equal(urlProblem("http://127.0.0.1:8080/", ["127.0.0.1"]), undefined);
    assert.equal(urlProblem("http://localhost:8080/", ["127.0.0.1"]), undefined, "localhost is left to the fetcher's check once loopback is allow-listed");
    assert.equal(urlProblem("http://localhost:8080/", ["127.0.0.0/8"]), undefined);
    assert.match(urlProblem("http://localhost:8080/", ["10.0.0.0/8"])!, /loopback/);
    assert.equal(urlProblem("http://10.0.0.7/", ["10.0.0.0/8"]), undefined);
    assert.equal(urlProblem("https://en.wikinews.org/wiki/Main_Page", []), undefined);
  });
});
