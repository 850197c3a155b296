import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { z } from "zod";
import { VERSION } from "../core/version.js";
import { FORMATS, render, type Format } from "../render/index.js";
import { reasonAfterUrl } from "../fetch/errors.js";
import { mapLimit } from "../fetch/limiter.js";
import type { IngestOutcome, InputKind, StorySummary } from "../store/types.js";
import type { ArticleInput, Briefing } from "../types/index.js";
import { renderArticlePage, type ArticlePageRenderer } from "./article-page.js";
import { expectedType, parseJsonBody } from "./request-errors.js";
import type { Newsroom } from "./newsroom.js";
import * as pages from "./pages.js";
import type { PrepareJob } from "./preparer.js";
import { ArticleBatch, ArticleBody, everySeconds, FeedBody, MAX_BATCH, openApiDocument, PageOffset, SearchQuery, StoriesQuery, zodIssues, type Issue } from "./schemas.js";
import { bearerOf, isLoopback, RateLimiter, REPORT_CSP, SECURITY_HEADERS, tokenMatches } from "./security.js";

/** Fetches one article page (HTML or text) for a `url`-only submission. Injected: not built yet. */
export type ArticleFetcher = (url: string, signal: AbortSignal) => Promise<ArticleInput>;

export interface AppOptions {
  newsroom: Newsroom;
  /** The address the server will listen on: beyond loopback, a token is required. */
  host?: string;
  /** Bearer token for writes (required when `host` is not loopback; enforced whenever set). */
  token?: string;
  fetchArticle?: ArticleFetcher;
  /** Why a posted URL (article or feed) will not be fetched, when known up front (see `server/web.ts`). */
  urlProblem?: (url: string) => string | undefined;
  /** Writes per second per client, and the burst allowed; `false` turns the limit off. */
  rateLimit?: { perSecond: number; burst: number } | false;
  /** Largest request body in bytes (default 8 MB). */
  bodyLimit?: number;
  /** Renders an article's page (default: on the calling thread; the service uses `WorkerArticlePages`). */
  articlePage?: ArticlePageRenderer;
  /** Where unexpected errors are reported (never to the client). */
  log?: (line: string) => void;
  now?: () => Date;
  /** Whether the writer has rebuilt its story index since the start (writes wait while it is "loading"); default "ready". */
  storyIndex?: () => "loading" | "ready" | "failed";
}

export const NO_URL_FETCHER = "fetching URLs is not available yet: send the article's text or html along with its url";

interface CachedPage {
  /** `newsroom.changeCount` of the story, read before the page's data was. */
  changes: number;
  revision: number;
  briefingVersion?: number;
  page: Buffer;
  etag: string;
}

/** URL-only articles of one batch fetched at the same time (the fetcher also limits each host). */
const FETCHES_AT_ONCE = 8;

/** The media type of a briefing in each `newsbrief brief --format`. */
const MEDIA_TYPES: Record<Format, string> = { json: "application/json", text: "text/plain", md: "text/markdown", html: "text/html" };

/** An error whose message is safe to show the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: Issue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Builds the HTTP app: JSON API under /api, server-rendered pages elsewhere, one error handler. */
export function buildApp(options: AppOptions): FastifyInstance {
  const host = options.host ?? "127.0.0.1";
  const token = options.token?.trim() || undefined;
  if (!isLoopback(host) && !token) {
    throw new Error(`refusing to listen on ${host} without a token: writes would be open to the network. Give --token-file FILE (or listen on 127.0.0.1).`);
  }
  const { newsroom } = options;
  const store = newsroom.store;
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit?.perSecond ?? 50, options.rateLimit?.burst ?? 200);
  const ctx: pages.PageContext = { tokenRequired: Boolean(token), storyIndex: options.storyIndex };
  // Story pages are cached by what they show: the story's revision (articles, sources) and the
  // briefing's version. A cached read costs one indexed lookup, none of the rendering.
  const pageCache = new Map<string, CachedPage>();
  const rendering = new Map<string, Promise<CachedPage | undefined>>();
  const parsedBriefings = new Map<string, { version: number; briefing: Briefing }>();

  const bodyLimit = options.bodyLimit ?? 8 * 1024 * 1024;
  const app = Fastify({
    logger: false,
    bodyLimit,
    trustProxy: false,
    return503OnClosing: true,
    routerOptions: { querystringParser: firstValues },
    // Errors met before routing (a malformed %-escape in the path), in the project's error shape.
    frameworkErrors: (error, request, reply) =>
      sendError(request, reply, error.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : 400, `the address ${request.url.split("?")[0]} is not valid (${error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "an id in it is too long" : "a % in it is not followed by two hex digits"}): check the link`),
  });

  // Only JSON (the API) and forms (the pages) are read; any other body is a 415 that says what to send.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    try {
      done(null, parseJsonBody(body as string, request.url.split("?")[0]));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  // Writes: same-origin only, rate-limited per client, and token-checked when a token is set.
  app.addHook("preHandler", async (request) => {
    if (request.method !== "POST" && request.method !== "DELETE" && request.method !== "PUT" && request.method !== "PATCH") return;
    const site = request.headers["sec-fetch-site"];
    const origin = request.headers.origin;
    if ((typeof site === "string" && site === "cross-site") || (origin && origin !== "null" && !sameOrigin(origin, request.headers.host))) {
      throw new HttpError(403, "cross-site write refused");
    }
    if (limiter) {
      const wait = limiter.take(request.ip);
      if (wait > 0) throw new HttpError(429, `too many writes from ${request.ip}: retry in ${wait} s (send batches: up to ${MAX_BATCH} articles per request)`, undefined, { "retry-after": String(wait) });
    }
    if (token) {
      const body = request.body as Record<string, unknown> | undefined;
      const presented = bearerOf(request.headers.authorization) ?? (isForm(request) && typeof body?.token === "string" ? body.token : undefined);
      if (!tokenMatches(presented, token)) {
        throw new HttpError(401, presented === undefined ? "this server requires a token for writes: send Authorization: Bearer <token>" : "wrong token", undefined, { "www-authenticate": 'Bearer realm="newsbrief"' });
      }
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; issues?: Issue[]; headers?: Record<string, string> }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    let message = error.message;
    if (status === 500) {
      log(`newsbrief serve: ${request.method} ${request.url}: ${error.stack ?? error.message}`);
      message = "internal error (logged on the server)";
    } else if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") message = `request body is too large (limit ${bodyLimit} bytes): send fewer articles per request`;
    else if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") message = unsupportedType(request);
    if (error instanceof HttpError) reply.headers(error.headers);
    return sendError(request, reply, status, message, error instanceof HttpError ? error.issues : undefined);
  });

  app.setNotFoundHandler((request, reply) => {
    const what = `${request.method} ${request.url.split("?")[0]}`;
    return sendError(request, reply, 404, request.url.startsWith("/api/") ? `no such endpoint: ${what}; the endpoints and their methods are listed at /api/openapi.json` : `no such page: ${what}`);
  });

  function sendError(request: FastifyRequest, reply: FastifyReply, status: number, message: string, issues?: Issue[]) {
    reply.code(status);
    if (request.url.startsWith("/api/")) return reply.type("application/json; charset=utf-8").send({ error: message, ...(issues ? { issues } : {}) });
    const sent = sentForm(request);
    const body = sent || status === 400 || status === 422 ? pages.addPage(ctx, message, sent) : pages.errorPage(status, message);
    return reply.type("text/html; charset=utf-8").send(body);
  }

  function refuseBlockedUrl(url: string, field: string): void {
    const problem = options.urlProblem?.(url);
    if (problem) throw new HttpError(422, problem, [{ field, message: "names a private or loopback address" }]);
  }

  // ---- ingest shared by the API, the form and (through the newsroom) the feed poller ----

  /**
   * Stores the items. A URL-only item is fetched first (up to FETCHES_AT_ONCE at a time); when that
   * fails, a lone item is refused with a 422, while in a batch that one is stored as received and
   * rejected with the reason, and the others go on. A URL no fetch may reach is refused up front.
   */
  async function ingest(items: ArticleBody[], kind: InputKind, client: string, fieldPrefix: (i: number) => string, batch = false): Promise<IngestOutcome[]> {
    const field = (i: number) => `${fieldPrefix(i)}url`;
    // Known before anything is fetched: the whole request is refused, as for an invalid field.
    items.forEach((item, i) => {
      if (!urlOnly(item)) return;
      if (!options.fetchArticle) throw new HttpError(422, NO_URL_FETCHER, [{ field: field(i), message: NO_URL_FETCHER }]);
      refuseBlockedUrl(item.url!, field(i));
    });
    const jobs = await mapLimit(items, FETCHES_AT_ONCE, async (item, i): Promise<PrepareJob> => {
      const input = { kind, client, body: JSON.stringify(item) };
      const replace = item.replace ? { replace: true } : {};
      if (!urlOnly(item)) return { item, input, ...replace };
      try {
        return { item: { ...(await fetchForItem(item.url!, field(i))), ...definedOnly(item), url: item.url }, input, ...replace };
      } catch (error) {
        if (!batch || !(error instanceof HttpError)) throw error;
        return { item, input, problem: { file: kind, severity: "error", ruleId: "url-not-fetched", reason: error.message, source: "fetch" } };
      }
    });
    return newsroom.submit(jobs);
  }

  /** The article at `url`, or an HttpError (422) saying why there is none. */
  async function fetchForItem(url: string, field: string): Promise<ArticleInput> {
    let fetched: ArticleInput;
    try {
      fetched = await options.fetchArticle!(url, AbortSignal.timeout(20_000));
    } catch (error) {
      throw new HttpError(422, `could not fetch ${url}: ${reasonAfterUrl(error, url)}`, [{ field, message: (error as { code?: string }).code === "blocked-address" ? "names a private or loopback address" : "could not be fetched" }]);
    }
    if (!anyText(fetched.text, fetched.html)) {
      throw new HttpError(422, `no article text found at ${url}: the page holds no article (send its text along with the url)`, [{ field, message: "holds no article text" }]);
    }
    return fetched;
  }

  // ---- API ----

  app.get("/api/health", async () => {
    const counts = await store.counts();
    return { status: "ok", version: VERSION, schemaVersion: await store.schemaVersion(), counts, storyIndex: options.storyIndex?.() ?? "ready", pendingBriefings: newsroom.pendingRefreshes, time: now().toISOString() };
  });

  const openapi = JSON.stringify(openApiDocument());
  app.get("/api/openapi.json", async (_req, reply) => reply.type("application/json; charset=utf-8").send(openapi));

  app.post("/api/articles", async (request, reply) => {
    const body = request.body;
    if (body === undefined || body === null || typeof body !== "object") throw new HttpError(400, "send a JSON article object, an array of them, or {\"articles\": [...]}", [{ field: "(body)", message: "expected an object or array" }]);
    let items: ArticleBody[];
    let single = false;
    let prefix: (i: number) => string;
    if (Array.isArray(body)) {
      if (body.length === 0 || body.length > MAX_BATCH) throw new HttpError(400, `invalid (body): a batch holds 1 to ${MAX_BATCH} articles`, [{ field: "(body)", message: `expected 1 to ${MAX_BATCH} items` }]);
      items = body.map((x, i) => validArticle(x, `[${i}]`));
      prefix = (i) => `[${i}].`;
    } else if ("articles" in body) {
      items = validate(ArticleBatch, body).articles;
      items.forEach((x, i) => validArticle(x, `articles[${i}]`));
      prefix = (i) => `articles[${i}].`;
    } else {
      items = [validArticle(body, "")];
      single = true;
      prefix = () => "";
    }
    const outcomes = await ingest(items, "api", request.ip, prefix, !single);
    const results = outcomes.map(outcomeJson);
    if (single) {
      const r = results[0];
      if (r.status === "rejected") return reply.code(422).send({ error: r.messages.map((m) => m.reason).join("; ") || "no usable article text", ...r });
      if (r.status === "conflict") return reply.code(409).send({ error: r.messages.find((m) => m.ruleId === "url-text-differs")!.reason, ...r });
      return reply.code(r.status === "created" ? 201 : 200).send(r);
    }
    const count = (s: string) => results.filter((r) => r.status === s).length;
    return reply.code(201).send({ created: count("created"), duplicates: count("duplicate"), conflicts: count("conflict"), replaced: count("replaced"), rejected: count("rejected"), results });
  });

  app.get<{ Params: { id: string } }>("/api/articles/:id", async (request) => {
    const a = await store.getArticle(request.params.id);
    if (!a) throw new HttpError(404, `no article ${request.params.id}`);
    const messages = await store.messages({ articleId: a.id });
    return {
      id: a.id,
      storyId: a.storyId,
      title: a.title,
      url: a.url,
      source: a.source,
      published: a.published,
      wordCount: a.wordCount,
      text: a.cleanText,
      raw: a.raw,
      createdAt: a.createdAt,
      sources: a.sources,
      messages: messages.map(({ severity, ruleId, reason, source, createdAt }) => ({ severity, ruleId, reason, source, createdAt })),
      links: { story: `/api/stories/${a.storyId}`, page: `/articles/${a.id}` },
    };
  });

  app.get("/api/stories", async (request) => {
    const q = validate(StoriesQuery, request.query);
    return { stories: await store.listStories(q) };
  });

  app.get<{ Params: { id: string }; Querystring: { fresh?: string; format?: string } }>("/api/stories/:id", async (request, reply) => {
    const fresh = ["1", "true", ""].includes(String(request.query.fresh ?? "no"));
    const format = request.query.format ?? "json";
    if (!(FORMATS as readonly string[]).includes(format)) throw new HttpError(400, `invalid format: "${format}"; use one of ${FORMATS.join(", ")}`);
    const merged = (await store.storyRevision(request.params.id))?.mergedInto;
    if (merged) {
      const query = new URLSearchParams({ ...(fresh ? { fresh: "1" } : {}), ...(format !== "json" ? { format } : {}) }).toString();
      return reply.redirect(`/api/stories/${encodeURIComponent(merged)}${query ? `?${query}` : ""}`, 301);
    }
    const result = await newsroom.briefing(request.params.id, { fresh });
    if (!result) throw new HttpError(404, `no story ${request.params.id}`);
    if (format === "html") reply.header("content-security-policy", REPORT_CSP);
    return reply
      .type(`${MEDIA_TYPES[format as Format]}; charset=utf-8`)
      .header("x-briefing-stale", String(result.stale))
      .header("x-story-version", String(result.story.contentVersion))
      .header("x-briefing-version", String(result.storyVersion))
      .send(format === "json" ? result.json : render(JSON.parse(result.json) as Briefing, format as Format));
  });

  app.get("/api/search", async (request) => {
    const q = validate(SearchQuery, request.query);
    return { q: q.q, hits: await store.search(q.q, q.limit, q.offset) };
  });

  app.get("/api/feeds", async () => ({ feeds: await store.listFeeds() }));

  app.post("/api/feeds", async (request, reply) => {
    const body = validate(FeedBody, request.body ?? {});
    const seconds = checkedEvery(body.every);
    refuseBlockedUrl(body.url, "url");
    const { feed, created } = await store.addFeed(body.url, seconds, now());
    return reply.code(created ? 201 : 200).send(feed);
  });

  app.delete<{ Params: { id: string } }>("/api/feeds/:id", async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || !(await store.deleteFeed(id))) throw new HttpError(404, `no feed ${request.params.id}`);
    return reply.code(204).send();
  });

  // ---- pages ----

  app.get("/assets/style.css", async (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(pages.STYLE));

  const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type("text/html; charset=utf-8").send(body);

  app.get<{ Querystring: { q?: string; since?: string; offset?: string; order?: string } }>("/", async (request, reply) => {
    const q = request.query.q?.trim() || undefined;
    const since = request.query.since?.trim() || undefined;
    const filter = validate(StoriesQuery, { q, since, offset: request.query.offset?.trim() || undefined, order: request.query.order?.trim() || undefined });
    const listed = await store.listStories({ ...filter, limit: pages.HOME_PAGE_SIZE + 1 });
    return html(reply, pages.homePage(ctx, listed.slice(0, pages.HOME_PAGE_SIZE), filter, listed.length > pages.HOME_PAGE_SIZE));
  });

  app.get("/add", async (_request, reply) => html(reply, pages.addPage(ctx)));

  async function renderStoryPage(id: string, briefingVersion: number | undefined, changes: number): Promise<CachedPage | undefined> {
    // The parsed briefing is kept by version: most page changes are new articles, not a new briefing.
    let parsed = parsedBriefings.get(id);
    let story: StorySummary | undefined;
    if (parsed && parsed.version === briefingVersion) {
      story = await store.getStory(id);
    } else {
      const result = await newsroom.briefing(id);
      if (!result) return undefined;
      parsed = { version: result.storyVersion, briefing: JSON.parse(result.json) as Briefing };
      parsedBriefings.delete(id);
      if (parsedBriefings.size >= 50) parsedBriefings.delete(parsedBriefings.keys().next().value!);
      parsedBriefings.set(id, parsed);
      story = result.story;
    }
    if (!story) return undefined;
    const articles = await store.storyArticlesMeta(id);
    const page = Buffer.from(pages.storyPage(story, parsed.briefing, articles, parsed.version < story.contentVersion));
    const cached = { changes, revision: story.revision, briefingVersion: parsed.version, page, etag: `"${id}.${story.revision}.${parsed.version}"` };
    const held = pageCache.get(id);
    if (held && held.revision > cached.revision) return cached;
    pageCache.delete(id);
    if (pageCache.size >= 500) pageCache.delete(pageCache.keys().next().value!);
    pageCache.set(id, cached);
    return cached;
  }

  app.get<{ Params: { id: string }; Querystring: { duplicate?: string; added?: string } }>("/stories/:id", async (request, reply) => {
    const id = request.params.id;
    const changes = newsroom.changeCount(id);
    let cached = pageCache.get(id);
    // No write through the newsroom touched the story since its page was rendered: answer without
    // asking the store. Otherwise its revision tells whether the page is still current.
    const rev = cached?.changes === changes ? undefined : await store.storyRevision(id);
    if (rev?.mergedInto) {
      pageCache.delete(id);
      return reply.redirect(`/stories/${encodeURIComponent(rev.mergedInto)}`, 301);
    }
    if (rev && cached && cached.revision === rev.revision && cached.briefingVersion === rev.briefingVersion) cached.changes = changes;
    else if (!cached || cached.changes !== changes) {
      if (!rev) throw new HttpError(404, `no story ${id}`);
      // One render per story version, however many readers ask for it meanwhile.
      const key = `${id}\u0000${rev.revision}\u0000${rev.briefingVersion}`;
      let render = rendering.get(key);
      if (!render) {
        render = renderStoryPage(id, rev.briefingVersion, changes).finally(() => rendering.delete(key));
        rendering.set(key, render);
      }
      cached = await render;
      if (!cached) throw new HttpError(404, `no story ${id}`);
    }
    // After the add form: the shared page, with a word on what became of what was sent.
    const { duplicate, added } = request.query;
    const warnings = added ? (await store.messages({ articleId: added })).filter((m) => m.severity === "warning") : [];
    const notice = duplicate ? pages.duplicateNotice(duplicate) : warnings.length ? pages.warningsNotice(added!, warnings) : undefined;
    if (notice) return reply.code(200).type("text/html; charset=utf-8").header("cache-control", "no-store").send(pages.withNotice(cached.page, notice));
    reply.header("etag", cached.etag).header("cache-control", "no-cache");
    if (request.headers["if-none-match"] === cached.etag) return reply.code(304).send();
    return reply.code(200).type("text/html; charset=utf-8").send(cached.page);
  });

  const articlePage = options.articlePage ?? ((id: string) => renderArticlePage(store, id));
  app.get<{ Params: { id: string } }>("/articles/:id", async (request, reply) => {
    const page = await articlePage(request.params.id);
    if (page === undefined) throw new HttpError(404, `no article ${request.params.id}`);
    return html(reply, page);
  });

  app.get<{ Querystring: { q?: string; offset?: string } }>("/search", async (request, reply) => {
    const q = (request.query.q ?? "").trim().slice(0, 500);
    const { offset = 0 } = validate(PageOffset, { offset: request.query.offset?.trim() || undefined });
    const hits = q ? await store.search(q, pages.SEARCH_PAGE_SIZE + 1, offset) : [];
    return html(reply, pages.searchPage(q, hits.slice(0, pages.SEARCH_PAGE_SIZE), offset, hits.length > pages.SEARCH_PAGE_SIZE));
  });

  app.get("/feeds", async (_request, reply) => html(reply, pages.feedsPage(ctx, await store.listFeeds())));

  app.post("/articles", async (request, reply) => {
    const form = formFields(request.body);
    const item = validArticle({ title: form.title, source: form.source, published: form.published, url: form.url, text: form.text, ...(form.replace ? { replace: true } : {}) }, "");
    if (!item.text && !item.url) throw new HttpError(400, "give the article's text (or a URL)", [{ field: "text", message: "is required" }]);
    const [outcome] = await ingest([item], "form", request.ip, () => "");
    if (outcome.status === "rejected") throw new HttpError(422, `not added: ${outcome.messages.map((m) => m.reason).join("; ")} (what you sent is kept as input ${outcome.inputId})`);
    if (outcome.status === "conflict") {
      throw new HttpError(409, `not added: ${item.url} is stored as article ${outcome.articleId} with different text, which was kept. To store this version instead, tick "${pages.REPLACE_LABEL}" and add it again.`);
    }
    const after = outcome.status === "duplicate" ? "duplicate" : outcome.messages.some((m) => m.severity === "warning") ? "added" : undefined;
    return reply.redirect(`/stories/${encodeURIComponent(outcome.storyId!)}${after ? `?${after}=${encodeURIComponent(outcome.articleId!)}` : ""}`, 303);
  });

  app.post("/feeds", async (request, reply) => {
    const form = formFields(request.body);
    const body = validate(FeedBody, { url: form.url, every: form.every || undefined });
    refuseBlockedUrl(body.url, "url");
    await store.addFeed(body.url, checkedEvery(body.every), now());
    return reply.redirect("/feeds", 303);
  });

  app.post<{ Params: { id: string } }>("/feeds/:id/delete", async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || !(await store.deleteFeed(id))) throw new HttpError(404, `no feed ${request.params.id}`);
    return reply.redirect("/feeds", 303);
  });

  return app;
}

function validate<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = zodIssues(r.error, prefix);
  throw new HttpError(400, `invalid ${issues[0].field}: ${issues[0].message}`, issues);
}

/** An article item: schema-valid and carrying text, HTML or a URL. */
function validArticle(value: unknown, prefix: string): ArticleBody {
  const item = validate(ArticleBody, value, prefix);
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (!anyText(item.text, item.body, item.content, item.html, item.url)) {
    throw new HttpError(400, `invalid ${field("text")}: give the article's text (or html, or a url)`, [{ field: field("text"), message: "one of text, body, content, html or url is required" }]);
  }
  return item;
}

function checkedEvery(every: string | number): number {
  try {
    return everySeconds(every);
  } catch (error) {
    throw new HttpError(400, `invalid ${(error as Error).message}`, [{ field: "every", message: "must be between 1 minute and 7 days" }]);
  }
}

function outcomeJson(o: IngestOutcome) {
  return {
    status: o.status,
    id: o.articleId,
    storyId: o.storyId,
    inputId: o.inputId,
    ...(o.matchedBy ? { matchedBy: o.matchedBy } : {}),
    messages: o.messages.map(({ severity, ruleId, reason, source }) => ({ severity, ruleId, reason, source })),
    ...(o.articleId ? { links: { article: `/api/articles/${o.articleId}`, story: `/api/stories/${o.storyId}`, page: `/stories/${o.storyId}` } } : {}),
  };
}

/** An article sent by its URL alone: its text must be fetched. */
function urlOnly(item: ArticleBody): boolean {
  return !!item.url && !anyText(item.text, item.body, item.content, item.html);
}

/** Whether any of the values is a string with more than white space in it. */
function anyText(...values: unknown[]): boolean {
  return values.some((t) => typeof t === "string" && t.trim() !== "");
}

/** A query string as the routes read it: one string per name, the first when a name repeats (`?q=a&q=b`). */
function firstValues(query: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of new URLSearchParams(query)) if (!Object.hasOwn(out, name)) out[name] = value;
  return out;
}

/** An add form's post (article or feed) that met an error: what was sent, to fill the form again. The token is not sent back. */
function sentForm(request: FastifyRequest): pages.SentForm | undefined {
  const action = request.url.split("?")[0];
  if (request.method !== "POST" || (action !== "/articles" && action !== "/feeds")) return undefined;
  const { token: _token, ...fields } = formFields(request.body);
  return { action, fields };
}

function formFields(body: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (body && typeof body === "object") {
    for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v.trim() === "" ? undefined : v;
  }
  return out;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function unsupportedType(request: FastifyRequest): string {
  const sent = String(request.headers["content-type"] ?? "").split(";")[0].trim();
  return `${sent ? `content-type ${sent} is` : "a body without a content-type is"} not accepted here: send ${expectedType(request.url.split("?")[0])}`;
}

function isForm(request: FastifyRequest): boolean {
  return String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
