/** The one error type the fetcher throws: a stable `code` plus a message a user can act on. */

export type FetchErrorCode = "blocked-address" | "bad-scheme" | "timeout" | "too-large" | "http-status" | "too-many-redirects" | "network";

export class FetchError extends Error {
  override readonly name = "FetchError";
  readonly code: FetchErrorCode;
  /** The URL the caller asked for (the failing hop may differ: see the message). */
  readonly url: string;
  /** HTTP status, for `http-status`. */
  readonly status?: number;

  constructor(code: FetchErrorCode, message: string, url: string, extra: { status?: number; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.url = url;
    if (extra.status !== undefined) this.status = extra.status;
  }
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}

/** A fetch failure's reason without the "URL: " it starts with, for a message that names the URL already. */
export function reasonAfterUrl(error: unknown, url: string): string {
  const message = (error as Error).message;
  return message.startsWith(`${url}: `) ? message.slice(url.length + 2) : message;
}
