import { z } from "zod";
import { VERSION } from "../core/version.js";

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** One article as the API accepts it: text, HTML, or a URL (fetched when a fetcher is configured). */
export const ArticleBody = z
  .object({
    text: text(2_000_000).optional().describe("Plain text of the article (a leading `date YYYY-MM-DD` line sets the date)."),
    body: text(2_000_000).optional().describe("Alias of `text`."),
    content: text(2_000_000).optional().describe("Alias of `text`."),
    html: text(5_000_000).optional().describe("An HTML page: the article and its metadata are extracted."),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048).optional().describe("Where the article lives; fetched when no text or HTML is given."),
    title: text(1000).optional(),
    source: text(300).optional().describe("Outlet name, e.g. Reuters."),
    published: text(64).optional().describe("Publication date, any ISO-like form."),
    replace: z.boolean().optional().describe("When this URL is already stored with different text: replace the stored text (the article keeps its id and story). Without it that answers 409 (status `conflict` in a batch) and nothing changes."),
  })
  .describe("An article: at least one of text, body, content, html or url.");
export type ArticleBody = z.infer<typeof ArticleBody>;

export const MAX_BATCH = 1000;

export const ArticleBatch = z.object({ articles: z.array(ArticleBody).min(1).max(MAX_BATCH) }).describe(`Up to ${MAX_BATCH} articles in one request.`);

export const FeedBody = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048),
  every: z
    .union([z.string().regex(/^\s*\d+\s*[smhd]?\s*$/i, 'must look like "90s", "15m", "1h" or "1d"'), z.number().int().positive()])
    .default("1h")
    .describe('How often to poll: seconds, or "15m", "1h", "1d" (at least 1 minute).'),
});

export const StoriesQuery = z.object({
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?$/, "must be an ISO date or date-time, e.g. 2026-11-21")
    .refine(isRealInstant, "is not a real date or time, e.g. 2026-11-21 or 2026-11-21T09:30")
    .transform((v) => v.replace(" ", "T"))
    .optional(),
  q: z.string().max(500).optional(),
  limit: count(500),
  offset: skip(),
  order: z.enum(["updated", "size"], { error: 'must be "updated" (most recently updated first) or "size" (most articles first)' }).optional(),
});

/** Where a page of a list starts: `offset` results skipped. */
export const PageOffset = z.object({ offset: skip() });

export const SearchQuery = z.object({
  q: z.string({ error: "is required" }).min(1, "is required").max(500),
  limit: count(100),
  offset: skip(),
});

/** A `limit` query parameter: a whole number from 1 to `max`. */
function count(max: number) {
  const message = `must be a whole number from 1 to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(max, message).optional();
}

/** An `offset` query parameter: a whole number from 0. */
function skip() {
  const message = "must be a whole number from 0";
  return z.coerce.number({ error: message }).int(message).min(0, message).optional();
}

/** `2026-02-30` and `2026-12-07T25:00` are not instants (Date.parse would roll the first into March). */
function isRealInstant(v: string): boolean {
  if (Number.isNaN(Date.parse(v.replace(" ", "T")))) return false;
  const [y, m, d] = v.slice(0, 10).split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Seconds in an `every` value; throws a message naming the field when out of range. */
export function everySeconds(every: string | number): number {
  let seconds: number;
  if (typeof every === "number") seconds = every;
  else {
    const m = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(every)!;
    seconds = Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2].toLowerCase()] ?? 1);
  }
  if (seconds < 60 || seconds > 7 * 86400) throw new RangeError("every: must be between 1 minute and 7 days");
  return seconds;
}

/** A field path as users write it: `articles[2].text`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>, prefix = ""): string {
  let out = prefix;
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(body)";
}

export interface Issue {
  field: string;
  message: string;
}

export function zodIssues(error: z.ZodError, prefix = ""): Issue[] {
  return error.issues.map((i) => ({ field: fieldPath(i.path, prefix), message: i.message }));
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const ErrorSchema = {
  type: "object",
  properties: { error: { type: "string" }, issues: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } } },
  required: ["error"],
};

const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: "invalid request: `issues` names each bad field",
  401: "a bearer token is required for writes",
  403: "cross-site write refused",
  404: "not found",
  413: "body too large",
  422: "cannot process (e.g. a URL with no text while fetching is unavailable)",
  429: "too many writes: see Retry-After",
};
const ok = (description: string, schema: object = { type: "object" }) => ({ description, content: { "application/json": { schema } } });
const idParam = (name: string) => [{ name, in: "path", required: true, schema: { type: "string" } }];

/** The OpenAPI 3.1 document served at `/api/openapi.json`; request bodies come from the zod schemas. */
export function openApiDocument(): object {
  return {
    openapi: "3.1.0",
    info: { title: "newsbrief", version: VERSION, description: "Living news briefings: post articles, read sourced briefings per story." },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Required for writes when the server listens beyond loopback or was given --token-file." } },
      schemas: { Article: json(ArticleBody), ArticleBatch: json(ArticleBatch), Feed: json(FeedBody), Error: ErrorSchema },
    },
    paths: {
      "/api/articles": {
        post: {
          summary: "Add one article, an array, or {articles: [...]}",
          security: [{}, { bearer: [] }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/Article" }, { $ref: "#/components/schemas/ArticleBatch" }, { type: "array", items: { $ref: "#/components/schemas/Article" }, maxItems: MAX_BATCH }] } } },
          },
          responses: {
            "201": ok("stored: per item `status` is created, duplicate (already known; this source recorded), conflict (URL stored with different text: nothing changed, see `replace`), replaced or rejected (kept with its messages)"),
            "200": ok("single article already known (duplicate), or its stored text replaced (replaced)"),
            ...errors(400, 401, 403, 409, 413, 422, 429),
          },
        },
      },
      "/api/articles/{id}": { get: { summary: "One stored article with every source that carried it, and its messages", parameters: idParam("id"), responses: { "200": ok("the article"), ...errors(404) } } },
      "/api/stories": {
        get: {
          summary: "Stories, most recently updated first",
          parameters: [
            { name: "since", in: "query", schema: { type: "string" }, description: "only stories updated at or after this ISO date-time" },
            { name: "q", in: "query", schema: { type: "string" }, description: "only stories with an article matching these words" },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500 } },
            { name: "offset", in: "query", schema: { type: "integer", minimum: 0 }, description: "skip this many stories: the next page starts at offset + limit" },
          ],
          responses: { "200": ok("{stories: [...]}"), ...errors(400) },
        },
      },
      "/api/stories/{id}": {
        get: {
          summary: "The story's briefing: the same JSON as `newsbrief brief --format json` (or, with format, its text, Markdown or HTML)",
          parameters: [
            ...idParam("id"),
            { name: "fresh", in: "query", schema: { type: "boolean" }, description: "wait for a recompute when the stored briefing is stale" },
            { name: "format", in: "query", schema: { type: "string", enum: ["json", "text", "md", "html"] }, description: "as `newsbrief brief --format` (default json)" },
          ],
          responses: { "200": ok("briefing; header X-Briefing-Stale: true when a newer one is being computed"), ...errors(400, 404) },
        },
      },
      "/api/search": { get: { summary: "Full-text search over articles (FTS5) with snippets", parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }, { name: "limit", in: "query", schema: { type: "integer" } }, { name: "offset", in: "query", schema: { type: "integer", minimum: 0 }, description: "skip this many hits: the next page starts at offset + limit" }], responses: { "200": ok("{hits: [...]}"), ...errors(400) } } },
      "/api/feeds": {
        get: { summary: "Feeds with their schedule, last fetch and last error", responses: { "200": ok("{feeds: [...]}") } },
        post: { summary: "Add (or reschedule) a feed", security: [{}, { bearer: [] }], requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Feed" } } } }, responses: { "201": ok("created"), "200": ok("already known: schedule updated"), ...errors(400, 401, 403, 429) } },
      },
      "/api/feeds/{id}": { delete: { summary: "Remove a feed", security: [{}, { bearer: [] }], parameters: idParam("id"), responses: { "204": { description: "removed" }, ...errors(401, 404, 429) } } },
      "/api/health": { get: { summary: "Liveness, schema version, counts, and whether the story index is loaded (storyIndex: loading, ready or failed; new articles wait while it loads)", responses: { "200": ok("ok") } } },
    },
  };
}
