import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildApp } from "./app.js";
import { FetchError } from "../fetch/errors.js";
import { FeedPoller } from "./feeds.js";
import { CSP } from "./security.js";
import type { Briefing } from "../types/index.js";
import { render } from "../render/index.js";
import { testService, wikinewsArticles, type TestService } from "../testing/newsroom.js";
import { MIGRATIONS } from "../store/migrations/index.js";
import type { StoryAssigner } from "../store/assigner.js";

const STORM = {
  title: "Storm floods coastal towns",
  source: "Coast Herald",
  published: "2026-11-20",
  url: "https://coast.example/storm-floods",
  text: "A powerful storm flooded three coastal towns on Friday. Emergency crews evacuated more than two thousand residents overnight.\n\nThe regional governor declared a state of emergency and asked for army support.",
};
const STORM_LATER = {
  title: "Storm floods reach the capital",
  source: "Daily Wire",
  published: "2026-11-21",
  text: "The storm that flooded the coast reached the capital on Saturday. Rivers burst their banks and the metro was closed.\n\nOfficials said the damage would take months to repair.",
};
const ELECTION = {
  title: "Mayor wins re-election in landslide",
  source: "City Post",
  published: "2026-11-19",
  text: "The mayor won a third term with sixty percent of the vote. Turnout was the highest in twenty years.\n\nHer opponent conceded before midnight.",
};

async function post(s: TestService, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return s.app.inject({ method: "POST", url, payload: payload as object, headers });
}

async function withService(fn: (s: TestService) => Promise<void>, options: Parameters<typeof testService>[0] = {}): Promise<void> {
  const s = await testService(options);
  try {
    await fn(s);
  } finally {
    await s.close();
  }
}

describe("API", () => {
  test("when the assigner finds two stories to be one, the store merges them and the old story's links redirect", async () => {
    // One story per title's first word, until an article titled "Bridge …" shows that "Storm" and "Rivers" are one story.
    const pending: Array<{ from: string; into: string }> = [];
    const assigner: StoryAssigner = {
      name: "scripted",
      assign: (a) => {
        const word = a.title.split(" ")[0];
        if (word === "Bridge") pending.push({ from: "Rivers", into: "Storm" });
        return word === "Bridge" ? "Storm" : word;
      },
      takeMerges: () => pending.splice(0),
      load: () => {},
    };
    await withService(async (s) => {
      const first = (await post(s, "/api/articles", STORM)).json();
      const second = (await post(s, "/api/articles", { ...STORM_LATER, title: "Rivers burst their banks in the capital" })).json();
      assert.notEqual(first.storyId, second.storyId);
      const beforeMerge = await s.app.inject(`/stories/${second.storyId}`);
      assert.equal(beforeMerge.statusCode, 200);
      const third = (await post(s, "/api/articles", { ...ELECTION, title: "Bridge closed as the storm and rivers rise", text: "The storm and the rivers closed the bridge on Sunday." })).json();
      assert.equal(third.storyId, first.storyId);
      const page = await s.app.inject(`/stories/${second.storyId}`);
      assert.equal(page.statusCode, 301);
      assert.equal(page.headers.location, `/stories/${first.storyId}`);
      const api = await s.app.inject(`/api/stories/${second.storyId}`);
      assert.equal(api.statusCode, 301);
      assert.equal(api.headers.location, `/api/stories/${first.storyId}`);
      const list = (await s.app.inject("/api/stories")).json().stories as Array<{ id: string; articleCount: number }>;
      assert.deepEqual(list.map((x) => [x.id, x.articleCount]), [[first.storyId, 3]]);
      const briefing = (await s.app.inject(`/api/stories/${first.storyId}?fresh=1`)).json() as Briefing;
      assert.equal(briefing.articles.length, 3, "the survivor's briefing covers the merged story's articles");
      // The briefing in the CLI's other formats, rendered from the same JSON; a merged story's link keeps the format.
      const md = await s.app.inject(`/api/stories/${first.storyId}?format=md`);
      assert.equal(md.statusCode, 200);
      assert.match(md.headers["content-type"] as string, /^text\/markdown; charset=utf-8/);
      assert.equal(md.body, render(briefing, "md"));
      const report = await s.app.inject(`/api/stories/${first.storyId}?format=html`);
      assert.match(report.body, /^<!DOCTYPE html>/i);
      assert.match(report.headers["content-security-policy"] as string, /script-src 'none'; style-src 'unsafe-inline'/, "the report's inline style applies; still no script");
      assert.equal((await s.app.inject(`/api/stories/${second.storyId}?format=text`)).headers.location, `/api/stories/${first.storyId}?format=text`);
      const bad = await s.app.inject(`/api/stories/${first.storyId}?format=pdf`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error, /invalid format: "pdf"; use one of text, md, html, json/);
    }, { assigner });
  });

  test("when the assigner moves a stored article, both its old and its new story are refreshed in the background", async () => {
    // One story per title's first word; a "Flood …" article shows the second "Storm" article belongs with it.
    const ids = new Map<string, string>();
    const pending: Array<{ articleId: string; key: string }> = [];
    const firstWord = (a: { id: string; title: string }): string => {
      ids.set(a.title, a.id);
      if (a.title.startsWith("Flood ")) pending.push({ articleId: ids.get("Storm surge floods the river towns")!, key: "Flood" });
      return a.title.split(" ")[0];
    };
    const assigner: StoryAssigner = { name: "scripted", assign: firstWord, takeMoves: () => pending.splice(0), load: () => {} };
    await withService(async (s) => {
      const first = (await post(s, "/api/articles", STORM)).json();
      const second = (await post(s, "/api/articles", { ...STORM_LATER, title: "Storm surge floods the river towns" })).json();
      assert.equal(first.storyId, second.storyId);
      await s.newsroom.settle();
      const changesBefore = s.newsroom.changeCount(first.storyId);
      const third = (await post(s, "/api/articles", { ...ELECTION, title: "Flood waters reach the capital", text: "The flood waters reached the capital on Sunday." })).json();
      assert.notEqual(third.storyId, first.storyId);
      assert.deepEqual((await s.store.storyArticles(third.storyId)).map((a) => a.title), ["Storm surge floods the river towns", "Flood waters reach the capital"]);
      assert.ok(s.newsroom.changeCount(first.storyId) > changesBefore, "pages of the story that lost an article are no longer current");
      assert.equal(s.newsroom.pendingRefreshes, 2, "the story that lost an article is queued for a new briefing, as the one that gained it");
      await s.newsroom.settle();
      assert.deepEqual(await s.store.staleStories(), []);
      const briefing = JSON.parse((await s.store.getBriefing(first.storyId))!.json) as Briefing;
      assert.equal(briefing.articles.length, 1);
    }, { assigner });
  });

  test("the story list (100 a page) and search (50 a page) page through every result, keeping the filter; the API takes an offset", async () => {
    const ownStory: StoryAssigner = { name: "own", assign: (a) => a.title, takeMerges: () => [], load: () => {} };
    await withService(async (s) => {
      const articles = Array.from({ length: 130 }, (_, i) => ({ title: `Harbour report ${i}`, text: `The harbour office published its report number ${i} on shipping traffic this week.` }));
      assert.equal((await post(s, "/api/articles", { articles })).statusCode, 201);
      const seen = new Set<string>();
      const follow = async (first: string, item: RegExp): Promise<number[]> => {
        const pageSizes: number[] = [];
        for (let url: string | undefined = first; url; ) {
          const body: string = (await s.app.inject(url)).body;
          const ids = [...body.matchAll(item)].map((m) => m[1]);
          pageSizes.push(ids.length);
          ids.forEach((id) => seen.add(id));
          url = /<a href="([^"]+)" rel="next">/.exec(body)?.[1]?.replaceAll("&amp;", "&");
        }
        return pageSizes;
      };
      assert.deepEqual(await follow("/", /<li class="story-item"><a href="\/stories\/(s\d+)"/g), [100, 30]);
      assert.equal(seen.size, 130, "every story is reachable from the list");
      seen.clear();
      assert.deepEqual(await follow("/search?q=harbour", /<li><a href="\/articles\/(a\d+)/g), [50, 50, 30]);
      assert.equal(seen.size, 130, "every matching article is reachable from the search");
      assert.match((await s.app.inject("/search?q=harbour&offset=50")).body, /Matches 51–100 <a href="\/search\?q=harbour" rel="prev">/);
      assert.equal((await s.app.inject("/api/search?q=harbour&limit=100&offset=100")).json().hits.length, 30);
      const second = (await s.app.inject("/?offset=100")).body;
      assert.match(second, /Stories 101–130/);
      assert.match(second, /<a href="\/" rel="prev">/);
      const filtered = (await s.app.inject("/?q=harbour")).body;
      assert.match(filtered, /<a href="\/\?q=harbour&amp;offset=100" rel="next">/);
      const api = (await s.app.inject("/api/stories?limit=100&offset=100")).json().stories as unknown[];
      assert.equal(api.length, 30);
      assert.equal((await s.app.inject("/api/stories?offset=-1")).statusCode, 400);
    }, { assigner: ownStory });
  });

  test("the story list sorts by size on request (order=size: most articles first), in the API and on the page, keeping the order across pages", async () => {
    const ownStory: StoryAssigner = { name: "own", assign: (a) => a.title.split(" ")[0], takeMerges: () => [], load: () => {} };
    await withService(async (s) => {
      // Story "Big" gets 3 articles first; "Mid" 2, then "Small" 1 last: most recently updated is Small, largest Big.
      const titles = ["Big one", "Big two", "Big three", "Mid one", "Mid two", "Small one"];
      const articles = titles.map((title, i) => ({ title, text: `The harbour office published report ${i} on ${title.toLowerCase()} shipping traffic this week.` }));
      assert.equal((await post(s, "/api/articles", { articles })).statusCode, 201);
      const counts = (url: string) => (s.app.inject(url).then((r) => (r.json().stories as Array<{ articleCount: number }>).map((x) => x.articleCount)));
      assert.deepEqual(await counts("/api/stories?order=size"), [3, 2, 1]);
      assert.deepEqual(await counts("/api/stories"), [1, 2, 3], "by default the most recently updated first");
      assert.deepEqual(await counts("/api/stories?order=size&limit=1&offset=1"), [2]);
      const bad = await s.app.inject("/api/stories?order=biggest");
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error, 'invalid order: must be "updated" (most recently updated first) or "size" (most articles first)');
      const page = (await s.app.inject("/?order=size")).body;
      assert.match(page, /<option value="size" selected>most articles<\/option>/);
      const listed = [...page.matchAll(/<li class="story-item"><a href="\/stories\/(s\d+)">([^<]+)</g)].map((m) => m[2]);
      assert.match(listed[0], /^Big/);
      assert.match(listed[2], /^Small/);
    }, { assigner: ownStory });
  });

  test("health answers with version, schema version and counts", () =>
    withService(async (s) => {
      const r = await s.app.inject("/api/health");
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.equal(body.status, "ok");
      assert.equal(body.schemaVersion, MIGRATIONS.length);
      assert.deepEqual(body.counts, { inputs: 0, articles: 0, stories: 0, messages: 0, feeds: 0 });
    }));

  test("while the story index loads after a restart, health says so and the add forms say why an add waits", async () => {
    let state: "loading" | "ready" | "failed" = "loading";
    await withService(
      async (s) => {
        assert.equal((await s.app.inject("/api/health")).json().storyIndex, "loading");
        assert.match((await s.app.inject("/add")).body, /still loading its story index/);
        assert.match((await s.app.inject("/")).body, /still loading its story index/);
        state = "ready";
        assert.equal((await s.app.inject("/api/health")).json().storyIndex, "ready");
        assert.doesNotMatch((await s.app.inject("/add")).body, /story index/);
        assert.doesNotMatch((await s.app.inject("/")).body, /story index/);
        state = "failed";
        assert.match((await s.app.inject("/add")).body, /could not be loaded/);
      },
      { storyIndex: () => state },
    );
  });

  test("OpenAPI document lists every endpoint and the request schemas", () =>
    withService(async (s) => {
      const r = await s.app.inject("/api/openapi.json");
      assert.equal(r.statusCode, 200);
      const doc = r.json();
      assert.equal(doc.openapi, "3.1.0");
      assert.deepEqual(Object.keys(doc.paths).sort(), ["/api/articles", "/api/articles/{id}", "/api/feeds", "/api/feeds/{id}", "/api/health", "/api/search", "/api/stories", "/api/stories/{id}"]);
      assert.ok(doc.paths["/api/feeds"].get && doc.paths["/api/feeds"].post && doc.paths["/api/feeds/{id}"].delete);
      assert.ok(doc.components.schemas.Article.properties.text, "Article schema comes from zod");
      assert.ok(doc.components.schemas.Feed.properties.every);
    }));

  test("POST /api/articles takes one article, an array, or {articles}; GET /api/articles/:id returns it", () =>
    withService(async (s) => {
      const one = await post(s, "/api/articles", STORM);
      assert.equal(one.statusCode, 201);
      const created = one.json();
      assert.equal(created.status, "created");
      const got = await s.app.inject(`/api/articles/${created.id}`);
      assert.equal(got.statusCode, 200);
      const article = got.json();
      assert.equal(article.title, STORM.title);
      assert.match(article.text, /powerful storm flooded three coastal towns/);
      assert.equal(article.storyId, created.storyId);

      const arr = await post(s, "/api/articles", [STORM_LATER, ELECTION]);
      assert.equal(arr.statusCode, 201);
      assert.equal(arr.json().created, 2);
      const wrapped = await post(s, "/api/articles", { articles: [{ ...ELECTION, text: ELECTION.text + " Celebrations lasted until dawn.", title: "Mayor celebrates" }] });
      assert.equal(wrapped.statusCode, 201);
      assert.equal(wrapped.json().results.length, 1);
      assert.equal((await s.store.counts()).articles, 4);
      assert.equal((await s.app.inject("/api/articles/a999")).statusCode, 404);
    }));

  test("invalid bodies get a 400 naming the field", () =>
    withService(async (s) => {
      const cases: Array<[unknown, string]> = [
        [{ text: "Some text here.", title: 5 }, "title"],
        [{ title: "No text at all" }, "text"],
        [{ url: "ftp://example.org/x" }, "url"],
        [[{ text: "fine text here" }, { text: 7 }], "[1].text"],
        [{ articles: [{ text: "ok" }, { text: "ok", published: ["x"] }] }, "articles[1].published"],
        [{ articles: [] }, "articles"],
        [[], "(body)"],
      ];
      for (const [payload, field] of cases) {
        const r = await post(s, "/api/articles", payload);
        assert.equal(r.statusCode, 400, JSON.stringify(payload));
        const body = r.json();
        assert.equal(body.issues[0].field, field, JSON.stringify(body));
        assert.ok(body.error.includes(field), body.error);
      }
      const feed = await post(s, "/api/feeds", { url: "https://example.org/rss", every: "5s" });
      assert.equal(feed.statusCode, 400);
      assert.equal(feed.json().issues[0].field, "every");
      const noUrl = await post(s, "/api/feeds", { every: "1h" });
      assert.equal(noUrl.json().issues[0].field, "url");
      const search = await s.app.inject("/api/search");
      assert.equal(search.statusCode, 400);
      assert.equal(search.json().issues[0].field, "q");
      const since = await s.app.inject("/api/stories?since=yesterday");
      assert.equal(since.statusCode, 400);
      assert.equal(since.json().issues[0].field, "since");
      const broken = await s.app.inject({ method: "POST", url: "/api/articles", payload: "{not json", headers: { "content-type": "application/json" } });
      assert.equal(broken.statusCode, 400);
      assert.doesNotMatch(broken.body, /\bat .*\.js:\d+/);
      const wrongType = await s.app.inject({ method: "POST", url: "/api/articles", payload: "text", headers: { "content-type": "text/csv" } });
      assert.equal(wrongType.statusCode, 415);
      assert.match(wrongType.json().error, /application\/json/);
    }));

  test("a request the server cannot read is answered in the error shape, naming the problem and what to send instead", () =>
    withService(async (s) => {
      const send = (url: string, payload: string, type?: string) => s.app.inject({ method: "POST", url, payload, headers: type ? { "content-type": type } : {} });
      const cases: Array<[Promise<{ statusCode: number; json(): { error: string } }>, number, RegExp]> = [
        [send("/api/articles", '{"title": "x",}', "application/json"), 400, /not valid JSON \(.*position 14\): send one article as JSON/],
        [send("/api/feeds", "{url", "application/json"), 400, /not valid JSON \(.*\): send JSON: \{"url": "https:\/\/…\/rss", "every": "1h"\}/],
        [send("/api/articles", "", "application/json"), 400, /request body is empty: send one article as JSON/],
        [send("/api/articles", '{"__proto__": {"admin": true}, "text": "a b c"}', "application/json"), 400, /holds a "__proto__" key, which is not accepted/],
        [send("/api/articles", "Storm floods the coast", "text/plain"), 415, /content-type text\/plain is not accepted here: send application\/json/],
        [send("/api/articles", "<a/>", "application/xml"), 415, /content-type application\/xml is not accepted here: send application\/json/],
        [s.app.inject({ method: "PUT", url: "/api/articles" }), 404, /no such endpoint: PUT \/api\/articles; the endpoints and their methods are listed at \/api\/openapi.json/],
        [s.app.inject("/api/articles/%zz"), 400, /the address \/api\/articles\/%zz is not valid \(a % in it is not followed by two hex digits\)/],
        [s.app.inject("/api/stories?limit=ten"), 400, /invalid limit: must be a whole number from 1 to 500/],
      ];
      for (const [request, status, message] of cases) {
        const r = await request;
        assert.equal(r.statusCode, status, r.json().error);
        assert.match(r.json().error, message);
      }
      const form = await send("/articles", "<a/>", "application/xml");
      assert.equal(form.statusCode, 415);
      assert.match(form.body, /content-type application\/xml is not accepted here: send application\/x-www-form-urlencoded \(the add form\)/);
    }));

  test("an HTML page is accepted: the article is extracted from it and its markup never stored as text", () =>
    withService(async (s) => {
      const html = `<html><head><title>${STORM.title} | Coast Herald</title><meta property="og:site_name" content="Coast Herald"></head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>${STORM.title}</h1>${STORM.text.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article><footer>© Coast Herald</footer></body></html>`;
      const r = await post(s, "/api/articles", { html, url: "https://coast.example/html" });
      assert.equal(r.statusCode, 201, r.body);
      const a = (await s.app.inject(`/api/articles/${r.json().id}`)).json();
      assert.match(a.text, /powerful storm flooded three coastal towns/);
      assert.doesNotMatch(a.text, /<p>|<article>|Sport/);
    }));

  test("a URL alone is fetched through the injected fetcher; without one the 422 names the url", async () => {
    await withService(async (s) => {
      const r = await post(s, "/api/articles", { url: "https://news.example/a" });
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().issues[0].field, "url");
    });
    const asked: string[] = [];
    await withService(
      async (s) => {
        const r = await post(s, "/api/articles", { url: "https://news.example/storm", source: "News Example" });
        assert.equal(r.statusCode, 201, r.body);
        assert.deepEqual(asked, ["https://news.example/storm"]);
        const a = (await s.app.inject(`/api/articles/${r.json().id}`)).json();
        assert.equal(a.title, STORM.title);
        assert.equal(a.source, "News Example");
        assert.equal(a.url, "https://news.example/storm");
        const gone = await post(s, "/api/articles", { url: "https://news.example/gone" });
        assert.equal(gone.statusCode, 422);
        assert.equal(gone.json().error, "could not fetch https://news.example/gone: the server answered 404", "the URL is named once");
        const empty = await post(s, "/api/articles", { url: "https://news.example/empty" });
        assert.equal(empty.statusCode, 422);
        assert.deepEqual(empty.json(), {
          error: "no article text found at https://news.example/empty: the page holds no article (send its text along with the url)",
          issues: [{ field: "url", message: "holds no article text" }],
        });
      },
      {
        fetchArticle: async (url) => {
          if (url.endsWith("/gone")) throw new FetchError("http-status", `${url}: the server answered 404`, url, { status: 404 });
          if (url.endsWith("/empty")) return { url, text: "" };
          asked.push(url);
          return { html: `<html><head><title>${STORM.title}</title></head><body><article><h1>${STORM.title}</h1>${STORM.text.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article></body></html>` };
        },
      },
    );
  });

  test("duplicates by URL or by content are recognised, and every source that carried them is kept", () =>
    withService(async (s) => {
      const first = (await post(s, "/api/articles", STORM)).json();
      const sameUrl = await post(s, "/api/articles", { ...STORM, url: "https://www.coast.example/storm-floods?utm_source=feed", source: "Coast Herald (feed)", text: `  ${STORM.text}\n` });
      assert.equal(sameUrl.statusCode, 200);
      assert.equal(sameUrl.json().status, "duplicate");
      assert.equal(sameUrl.json().matchedBy, "url");
      assert.equal(sameUrl.json().id, first.id);
      const sameText = (await post(s, "/api/articles", { title: "STORM FLOODS COAST", source: "Wire Service", url: "https://wire.example/1", text: STORM.text.toUpperCase() })).json();
      assert.equal(sameText.status, "duplicate");
      assert.equal(sameText.matchedBy, "content");
      const article = (await s.app.inject(`/api/articles/${first.id}`)).json();
      assert.deepEqual(
        article.sources.map((x: { source: string }) => x.source),
        ["Coast Herald", "Coast Herald (feed)", "Wire Service"],
      );
      assert.equal((await s.store.counts()).articles, 1);
      const [story] = (await s.app.inject("/api/stories")).json().stories;
      assert.deepEqual(story.sources, ["Coast Herald", "Coast Herald (feed)", "Wire Service"]);
    }));

  test("a URL already stored with different text is a 409 naming the stored article, until sent with replace: true", () =>
    withService(async (s) => {
      const first = (await post(s, "/api/articles", STORM)).json();
      await s.app.inject(`/api/stories/${first.storyId}?fresh=1`);
      const updated = { ...STORM, text: `${STORM.text}\n\nThe army sent four helicopters on Saturday.` };
      const refused = await post(s, "/api/articles", updated);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().status, "conflict");
      assert.equal(refused.json().id, first.id);
      assert.match(refused.json().error, new RegExp(`stored as article ${first.id} with different text.*"replace": true`));
      assert.doesNotMatch((await s.app.inject(`/api/articles/${first.id}`)).json().text, /helicopters/, "nothing changed");
      const batch = (await post(s, "/api/articles", { articles: [updated, ELECTION] })).json();
      assert.deepEqual([batch.created, batch.conflicts, batch.results[0].status], [1, 1, "conflict"]);
      assert.equal(batch.results[0].messages[0].ruleId, "url-text-differs");

      const replaced = await post(s, "/api/articles", { ...updated, replace: true });
      assert.equal(replaced.statusCode, 200);
      assert.deepEqual([replaced.json().status, replaced.json().id, replaced.json().storyId], ["replaced", first.id, first.storyId]);
      assert.match((await s.app.inject(`/api/articles/${first.id}`)).json().text, /helicopters/);
      assert.equal((await s.app.inject("/api/search?q=helicopters")).json().hits[0].articleId, first.id);
      const briefing = await s.app.inject(`/api/stories/${first.storyId}?fresh=1`);
      assert.equal(briefing.headers["x-briefing-stale"], "false");
      assert.equal(s.briefer.calls.length, 2, "the story is briefed again with the new text");
      assert.equal((await s.store.counts()).articles, 2);

      const form = await post(s, "/articles", new URLSearchParams({ url: STORM.url, text: STORM.text }).toString(), { "content-type": "application/x-www-form-urlencoded" });
      assert.equal(form.statusCode, 409);
      assert.match(form.body, /stored as article a1 with different text, which was kept\. To store this version instead, tick &quot;Replace the stored version/);
    }));

  test("search uses FTS5 (stems, prefixes) and returns snippets with the matched ranges", () =>
    withService(async (s) => {
      await post(s, "/api/articles", [STORM, STORM_LATER, ELECTION]);
      const r = await s.app.inject("/api/search?q=evacuate");
      assert.equal(r.statusCode, 200);
      const { hits } = r.json();
      assert.equal(hits.length, 1);
      assert.equal(hits[0].title, STORM.title);
      const [start, end] = hits[0].ranges[0];
      assert.match(hits[0].snippet.slice(start, end), /^evacuated$/i);
      const none = (await s.app.inject("/api/search?q=" + encodeURIComponent('") OR 1=1 --'))).json();
      assert.deepEqual(none.hits, []);
      const stories = (await s.app.inject("/api/stories?q=turnout")).json().stories;
      assert.equal(stories.length, 1);
      assert.equal(stories[0].articleCount, 1);
      const page = await s.app.inject("/search?q=metro");
      assert.match(page.body, /<mark>metro<\/mark>/);
    }));

  test("stories: listed with counts and dates, filtered by since; a story's briefing is the brief JSON with exact offsets", () =>
    withService(async (s) => {
      await post(s, "/api/articles", [STORM, STORM_LATER, ELECTION]);
      const { stories } = (await s.app.inject("/api/stories")).json();
      assert.equal(stories.length, 2);
      const storm = stories.find((x: { articleCount: number }) => x.articleCount === 2);
      assert.equal(storm.firstPublished, "2026-11-20");
      assert.equal(storm.lastPublished, "2026-11-21");
      assert.deepEqual((await s.app.inject("/api/stories?since=2999-01-01")).json().stories, []);
      const r = await s.app.inject(`/api/stories/${storm.id}`);
      assert.equal(r.statusCode, 200);
      const briefing = r.json() as Briefing;
      assert.deepEqual(Object.keys(briefing).sort(), ["articles", "messages", "stories", "version"]);
      assert.equal(briefing.articles.length, 2);
      const texts = new Map(briefing.articles.map((a) => [a.id, a.text]));
      for (const st of briefing.stories) {
        for (const sentence of [st.headline, ...st.summary]) assert.equal(texts.get(sentence.articleId)!.slice(sentence.start, sentence.end), sentence.text);
      }
      const stored = new Set((await s.store.storyArticles(storm.id)).map((a) => a.id));
      assert.deepEqual(new Set(texts.keys()), stored, "citations use the stored article ids");
      assert.equal((await s.app.inject("/api/stories/s999")).statusCode, 404);
    }));

  test("a briefing is recomputed only when its story changed", () =>
    withService(async (s) => {
      const a = (await post(s, "/api/articles", STORM)).json();
      const story = a.storyId;
      await s.app.inject(`/api/stories/${story}`);
      await s.app.inject(`/api/stories/${story}`);
      await s.app.inject(`/stories/${story}`);
      assert.equal(s.briefer.calls.length, 1, "computed once, then served from the store");

      await post(s, "/api/articles", { ...STORM, source: "Another outlet" }); // duplicate: a new source, same content
      await s.app.inject(`/api/stories/${story}`);
      await s.newsroom.settle();
      assert.equal(s.briefer.calls.length, 1, "a new source of a known article does not change the briefing");

      const later = (await post(s, "/api/articles", STORM_LATER)).json();
      assert.equal(later.storyId, story);
      const stale = await s.app.inject(`/api/stories/${story}`);
      assert.equal(stale.headers["x-briefing-stale"], "true");
      assert.equal(s.briefer.calls.length, 1, "a stale briefing answers at once; the recompute runs in the background");
      await s.newsroom.settle();
      assert.equal(s.briefer.calls.length, 2);
      assert.deepEqual(s.briefer.calls[1], [a.id, later.id]);
      const fresh = await s.app.inject(`/api/stories/${story}`);
      assert.equal(fresh.headers["x-briefing-stale"], "false");
      const page = await s.app.inject(`/stories/${story}`);
      assert.match(page.body, /Daily Wire/);
      const etag = page.headers.etag as string;
      const lookups = countCalls(s.store, "storyRevision");
      assert.equal((await s.app.inject({ url: `/stories/${story}`, headers: { "if-none-match": etag } })).statusCode, 304, "an unchanged page revalidates");
      assert.equal((await s.app.inject(`/stories/${story}`)).body, page.body);
      assert.equal(lookups.count, 0, "a page no write touched since it was rendered is answered without asking the store");

      const other = (await post(s, "/api/articles", ELECTION)).json();
      assert.notEqual(other.storyId, story);
      await s.newsroom.settle();
      assert.deepEqual(s.briefer.calls.slice(2), [[other.id]], "only the story that changed is recomputed");
      await post(s, "/api/articles", { ...STORM_LATER, source: "Third outlet" });
      const changed = await s.app.inject({ url: `/stories/${story}`, headers: { "if-none-match": etag } });
      assert.equal(changed.statusCode, 200, "a new source changes the page");
      assert.ok(lookups.count > 0);
      assert.match(changed.body, /Third outlet/);
    }));

  test("feeds: added with a schedule, listed with last error and backoff, polled, deleted", () =>
    withService(async (s) => {
      const r = await post(s, "/api/feeds", { url: "https://feeds.example/rss", every: "15m" });
      assert.equal(r.statusCode, 201);
      const feed = r.json();
      assert.equal(feed.everySeconds, 900);
      assert.equal((await post(s, "/api/feeds", { url: "https://feeds.example/rss", every: "1h" })).statusCode, 200, "re-adding reschedules");

      let now = new Date(Date.now() + 1000);
      let fail = true;
      const poller = new FeedPoller({
        newsroom: s.newsroom,
        now: () => now,
        fetchFeed: async () => {
          if (fail) throw new Error("connection refused");
          return [STORM, ELECTION];
        },
      });
      assert.equal(await poller.tick(), 1);
      let [listed] = (await s.app.inject("/api/feeds")).json().feeds;
      assert.equal(listed.lastError, "connection refused");
      assert.equal(listed.failures, 1);
      assert.equal(Date.parse(listed.nextAt) - now.getTime(), 2 * 3600 * 1000, "backs off: every × 2");
      assert.equal(await poller.tick(), 0, "not due during the backoff");
      now = new Date(now.getTime() + 2 * 3600 * 1000);
      await poller.tick();
      listed = (await s.app.inject("/api/feeds")).json().feeds[0];
      assert.equal(listed.failures, 2);
      assert.equal(Date.parse(listed.nextAt) - now.getTime(), 4 * 3600 * 1000, "backs off: every × 4");
      const page = await s.app.inject("/feeds");
      assert.match(page.body, /Last error \(2 in a row\): connection refused/);

      fail = false;
      now = new Date(now.getTime() + 4 * 3600 * 1000);
      await poller.tick();
      listed = (await s.app.inject("/api/feeds")).json().feeds[0];
      assert.equal(listed.failures, 0);
      assert.equal(listed.lastError, undefined);
      assert.equal(listed.articlesAdded, 2);
      assert.equal(Date.parse(listed.nextAt) - now.getTime(), 3600 * 1000, "back on its schedule");
      assert.equal((await s.store.counts()).articles, 2);

      assert.equal((await s.app.inject({ method: "DELETE", url: `/api/feeds/${feed.id}` })).statusCode, 204);
      assert.equal((await s.app.inject({ method: "DELETE", url: `/api/feeds/${feed.id}` })).statusCode, 404);
      assert.deepEqual((await s.app.inject("/api/feeds")).json().feeds, []);
    }));

  test("beyond loopback a token is required, and writes must present it", async () => {
    await withService(async (s) => {
      assert.throws(() => buildApp({ newsroom: s.newsroom, host: "0.0.0.0" }), /without a token/);
    });
    const token = "s3cret-token-of-some-length";
    await withService(
      async (s) => {
        const none = await post(s, "/api/articles", STORM);
        assert.equal(none.statusCode, 401);
        assert.equal(none.headers["www-authenticate"], 'Bearer realm="newsbrief"');
        assert.equal((await post(s, "/api/articles", STORM, { authorization: "Bearer wrong" })).statusCode, 401);
        assert.equal((await post(s, "/api/feeds", { url: "https://x.example/rss" })).statusCode, 401);
        assert.equal((await s.app.inject({ method: "DELETE", url: "/api/feeds/1" })).statusCode, 401);
        assert.equal((await post(s, "/api/articles", STORM, { authorization: `Bearer ${token}` })).statusCode, 201);
        assert.equal((await s.app.inject("/api/stories")).statusCode, 200, "reads stay open");
        const form = await s.app.inject({ method: "POST", url: "/articles", payload: new URLSearchParams({ title: ELECTION.title, text: ELECTION.text }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
        assert.equal(form.statusCode, 401);
        const formOk = await s.app.inject({ method: "POST", url: "/articles", payload: new URLSearchParams({ title: ELECTION.title, text: ELECTION.text, token }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
        assert.equal(formOk.statusCode, 303);
        assert.match((await s.app.inject("/add")).body, /name="token"/, "forms ask for the token");
      },
      { host: "0.0.0.0", token },
    );
  });

  test("request bodies over the limit get a 413 in JSON", () =>
    withService(
      async (s) => {
        const r = await post(s, "/api/articles", { title: "Big", text: "word ".repeat(2000) });
        assert.equal(r.statusCode, 413);
        assert.match(r.json().error, /too large \(limit 4096 bytes\)/);
        assert.equal((await s.store.counts()).inputs, 0);
      },
      { bodyLimit: 4096 },
    ));

  test("writes are rate-limited per client, with Retry-After; reads are not", () =>
    withService(
      async (s) => {
        const from = (ip: string, i: number) => s.app.inject({ method: "POST", url: "/api/articles", payload: { title: `Note ${i} from ${ip}`, text: `Unique note number ${i} sent by client ${ip}.` }, remoteAddress: ip });
        const codes = [];
        for (let i = 0; i < 4; i++) codes.push((await from("10.0.0.1", i)).statusCode);
        assert.deepEqual(codes, [201, 201, 201, 429]);
        const limited = await from("10.0.0.1", 9);
        assert.equal(limited.headers["retry-after"], "2");
        assert.match(limited.json().error, /too many writes/);
        assert.equal((await from("10.0.0.2", 0)).statusCode, 201, "another client has its own budget");
        for (let i = 0; i < 10; i++) assert.equal((await s.app.inject({ url: "/api/stories", remoteAddress: "10.0.0.1" })).statusCode, 200);
      },
      { rateLimit: { perSecond: 0.5, burst: 3 } },
    ));

  test("cross-site form posts are refused", () =>
    withService(async (s) => {
      const r = await s.app.inject({ method: "POST", url: "/articles", payload: "title=x&text=y", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", host: "127.0.0.1:8750" } });
      assert.equal(r.statusCode, 403);
    }));

  test("pages send a strict CSP, and hostile article text is escaped everywhere it is shown", () =>
    withService(async (s) => {
      const hostile = {
        title: `Storm <script>alert("t")</script> floods <img src=x onerror=alert(1)>`,
        source: `<b onmouseover=alert(2)>Evil</b>`,
        url: "https://evil.example/a",
        text: `The storm flooded the coast <script>document.title="pwned"</script> on Friday. Residents said <img src=x onerror="alert(3)"> the water rose fast.\n\nA link: <a href="javascript:alert(4)">click</a> was posted.`,
      };
      const a = (await post(s, "/api/articles", hostile)).json();
      assert.equal(a.status, "created");
      const urls = ["/", `/stories/${a.storyId}`, `/articles/${a.id}`, "/search?q=storm", "/search?q=%3Cscript%3E", `/?q=${encodeURIComponent("<script>")}`];
      for (const url of urls) {
        const r = await s.app.inject(url);
        assert.equal(r.statusCode, 200, url);
        assert.equal(r.headers["content-security-policy"], CSP);
        assert.match(CSP, /script-src 'none'/);
        assert.doesNotMatch(r.body, /<script|<img|<b |href="javascript:/i, url);
      }
      const article = await s.app.inject(`/articles/${a.id}`);
      assert.match(article.body, /&lt;script&gt;document\.title=&quot;pwned&quot;&lt;\/script&gt;/);
      assert.equal((await s.app.inject("/api/health")).headers["x-content-type-options"], "nosniff");
    }));

  test("since: an impossible date is refused with a 400 naming it, and a date-time with a space filters by its time", () =>
    withService(async (s) => {
      await post(s, "/api/articles", [STORM, ELECTION]);
      for (const since of ["2026-02-30", "2026-13-45", "2026-12-07T25:00"]) {
        const r = await s.app.inject(`/api/stories?since=${since}`);
        assert.equal(r.statusCode, 400, since);
        assert.deepEqual(r.json().issues, [{ field: "since", message: "is not a real date or time, e.g. 2026-11-21 or 2026-11-21T09:30" }]);
      }
      const today = new Date().toISOString().slice(0, 10);
      assert.equal((await s.app.inject(`/api/stories?since=${today}`)).json().stories.length, 2);
      assert.deepEqual((await s.app.inject(`/api/stories?since=${encodeURIComponent(`${today} 23:59:59`)}`)).json().stories, []);
    }));

  test("a query parameter given twice is read once (the first), on pages and in the API, not answered with a 500", () =>
    withService(async (s) => {
      await post(s, "/api/articles", [STORM, ELECTION]);
      for (const url of ["/?q=storm&q=vote", "/?since=2020-01-01&since=x", "/search?q=storm&q=vote"]) {
        const r = await s.app.inject(url);
        assert.equal(r.statusCode, 200, url);
      }
      const hits = (await s.app.inject("/api/search?q=evacuate&q=zzz")).json().hits;
      assert.deepEqual(hits.map((h: { title: string }) => h.title), [STORM.title]);
      assert.equal((await s.app.inject("/api/stories?limit=1&limit=x")).json().stories.length, 1);
    }));

  test("errors never leak stack traces to clients; they are logged on the server", () =>
    withService(async (s) => {
      s.store.counts = async () => {
        throw new Error("disk on fire at /secret/path");
      };
      const r = await s.app.inject("/api/health");
      assert.equal(r.statusCode, 500);
      assert.deepEqual(r.json(), { error: "internal error (logged on the server)" });
      assert.match(s.logged.join("\n"), /disk on fire[\s\S]*at /);
      s.store.storyRevision = async () => {
        throw new TypeError("boom");
      };
      const page = await s.app.inject("/stories/s1");
      assert.equal(page.statusCode, 500);
      assert.doesNotMatch(page.body, /boom|TypeError|\.js:\d+/);
    }));

  test("the add form, sent an article already stored, says so on the story page it leads to", () =>
    withService(async (s) => {
      const form = { method: "POST" as const, url: "/articles", payload: new URLSearchParams({ title: STORM.title, source: "Another outlet", text: STORM.text }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
      const first = await s.app.inject(form);
      const again = await s.app.inject(form);
      assert.equal(again.statusCode, 303);
      const page = await s.app.inject(again.headers.location as string);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<main>\n<p class="note" role="status">That article was already here \(the same URL or the same text\): nothing new was added, and what you sent is kept as one more source of <a href="\/articles\/a1">the stored article<\/a>/);
      const plain = await s.app.inject(first.headers.location as string);
      assert.doesNotMatch(plain.body, /already here/, "the shared page carries no notice");
    }));

  test("the add form, sent an article with a problem it kept, names the problem on the story page it leads to", () =>
    withService(async (s) => {
      const payload = new URLSearchParams({ title: STORM.title, published: "31/12/2026", text: STORM.text }).toString();
      const r = await s.app.inject({ method: "POST", url: "/articles", payload, headers: { "content-type": "application/x-www-form-urlencoded" } });
      assert.equal(r.statusCode, 303);
      const page = await s.app.inject(r.headers.location as string);
      assert.match(page.body, /<main>\n<p class="note" role="status">Added, with a warning: published date &quot;31\/12\/2026&quot; is not a date; ignored \(<a href="\/articles\/a1">the article<\/a>\)\.<\/p>/);
      const clean = await s.app.inject({ method: "POST", url: "/articles", payload: new URLSearchParams({ title: ELECTION.title, text: ELECTION.text }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
      assert.doesNotMatch(clean.headers.location as string, /\?/, "no notice when there is nothing to say");
    }));

  test("an add form that meets an error comes back filled with what was sent, beside the error", () =>
    withService(async (s) => {
      const form = (url: string, fields: Record<string, string>) => s.app.inject({ method: "POST", url, payload: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
      const text = "\nLine one of a long <b>pasted</b> text.\nLine two.";
      const r = await form("/articles", { title: 'A "quoted" title', source: "Wire", url: "not a url", text });
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /role="alert">invalid url: must be an http\(s\) URL</);
      assert.match(r.body, /<input name="title" maxlength="1000" value="A &quot;quoted&quot; title">/);
      assert.match(r.body, /placeholder="e.g. Reuters" value="Wire">/);
      assert.ok(r.body.includes(`<textarea name="text" rows="8" required>\n\nLine one of a long &lt;b&gt;pasted&lt;/b&gt; text.\nLine two.</textarea>`));
      const feed = await form("/feeds", { url: "https://news.example/rss", every: "5s" });
      assert.equal(feed.statusCode, 400);
      assert.match(feed.body, /<input type="url" name="url" required maxlength="2048" value="https:\/\/news.example\/rss"><\/label>\n<label>Every <input name="every" value="5s"/);
    }));

  test("the add form stores an article and redirects to its story page", () =>
    withService(async (s) => {
      const r = await s.app.inject({ method: "POST", url: "/articles", payload: new URLSearchParams({ title: STORM.title, source: STORM.source, text: STORM.text }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
      assert.equal(r.statusCode, 303);
      const page = await s.app.inject(r.headers.location as string);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Coast Herald/);
      assert.match(page.body, /class="cite" href="\/articles\/a1#s-\d+"/);
      const empty = await s.app.inject({ method: "POST", url: "/articles", payload: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /role="alert"/);
    }));

  test("real articles: a WikiNews cluster posted in one batch becomes one story whose page cites them", () =>
    withService(async (s) => {
      const cluster = wikinewsArticles().filter((a) => a.cluster === "M006");
      const r = await post(s, "/api/articles", { articles: cluster });
      assert.equal(r.statusCode, 201);
      assert.equal(r.json().created, cluster.length);
      const { stories } = (await s.app.inject("/api/stories")).json();
      const biggest = stories.reduce((x: { articleCount: number }, y: { articleCount: number }) => (y.articleCount > x.articleCount ? y : x));
      assert.ok(biggest.articleCount >= 2, `Haiti earthquake articles share a story (largest has ${biggest.articleCount})`);
      const page = await s.app.inject(`/stories/${biggest.id}`);
      assert.match(page.body, /Haiti/);
      assert.ok((page.body.match(/class="cite"/g) ?? []).length >= 3);
    }));
});

describe("web fetcher adapters", () => {
  test("the fetch module's articles and feed items become API articles, and the abort signal is passed on", async () => {
    const { articleFetcherFrom, feedFetcherFrom } = await import("./web.js");
    const signal = new AbortController().signal;
    const seen: Array<AbortSignal | undefined> = [];
    const page = { url: "https://news.example/final", title: "T", text: "Body.", source: "News", published: "2026-01-02", page: { huge: true }, messages: [] };
    const article = await articleFetcherFrom(async (_url, o) => (seen.push(o.signal), page))("https://news.example/a", signal);
    assert.deepEqual(article, { url: "https://news.example/final", text: "Body.", title: "T", published: "2026-01-02", source: "News" });
    const items = await feedFetcherFrom(async (_url, o) => (seen.push(o.signal), { articles: [page, { url: "https://news.example/b", text: "Two." }] }))("https://news.example/rss", signal);
    assert.deepEqual(items[1], { url: "https://news.example/b", text: "Two." });
    assert.deepEqual(seen, [signal, signal]);
  });
});

/** Counts calls of one method of an object from now on (the method still runs). */
function countCalls<T extends object>(target: T, method: keyof T & string): { count: number } {
  const counter = { count: 0 };
  const original = (target[method] as (...args: unknown[]) => unknown).bind(target);
  (target as Record<string, unknown>)[method] = (...args: unknown[]) => {
    counter.count++;
    return original(...args);
  };
  return counter;
}
