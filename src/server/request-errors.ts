import { MAX_BATCH } from "./schemas.js";

/** What a write to `path` takes, said to a user whose request could not be read. */
export function expectedBody(path: string): string {
  if (path === "/api/articles") return `send one article as JSON ({"title": …, "text": …} or {"url": …}), an array of them, or {"articles": [...]} (up to ${MAX_BATCH})`;
  if (path === "/api/feeds") return 'send JSON: {"url": "https://…/rss", "every": "1h"}';
  if (path === "/articles" || path === "/feeds") return "send the add form (application/x-www-form-urlencoded)";
  return "see /api/openapi.json for what each endpoint takes";
}

/** The media type a write to `path` must carry. */
export function expectedType(path: string): string {
  return path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded (the add form)";
}

/**
 * Parses a JSON request body, saying where it breaks; refuses `__proto__` and `constructor.prototype`
 * keys, as Fastify's own parser does, since they could reach object prototypes downstream.
 */
export function parseJsonBody(body: string, path: string): unknown {
  if (body.trim() === "") throw new BodyError(`the request body is empty: ${expectedBody(path)}`);
  try {
    return JSON.parse(body, (key, value: unknown) => {
      if (key === "__proto__" || (key === "constructor" && value !== null && typeof value === "object" && "prototype" in value)) {
        throw new BodyError(`the request body holds a "${key}" key, which is not accepted: ${expectedBody(path)}`);
      }
      return value;
    });
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError(`the request body is not valid JSON (${(error as Error).message}): ${expectedBody(path)}`);
  }
}

/** A request body that could not be read (400). */
export class BodyError extends Error {
  readonly statusCode = 400;
}
