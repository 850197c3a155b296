/**
 * A polite, SSRF-safe HTTP client over node:http/https. Written by hand because none of the
 * registry clients combine what is needed here: every connection goes to an address this module
 * resolved and checked itself (the check runs inside the socket's own `lookup`, so a DNS answer
 * cannot change between check and connect), every redirect hop is checked again, and bodies are
 * capped after decompression.
 */
import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { VERSION } from "../core/version.js";
import { allowListMatches, classifyAddress, CLASS_WORDS, isIpLiteral } from "./address.js";
import { DiskCache, type CacheMeta } from "./cache.js";
import { FetchError } from "./errors.js";
import { KeyedLimiter } from "./limiter.js";

export interface FetchOptions {
  /** Hosts, IPs or CIDR ranges that may be fetched although private or loopback (e.g. "127.0.0.1" in tests). */
  allowList?: string[];
  userAgent?: string;
  /** Longest wait for one attempt, headers and body together (default 15 s). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (default 10 MB). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Retries after a 429, a 5xx or a dropped connection (default 2). */
  retries?: number;
  /** First backoff delay; doubles on each retry (default 500 ms). */
  retryBaseMs?: number;
  /** Longest Retry-After honoured; a server asking for more is reported instead of waited for (default 30 s). */
  maxRetryAfterMs?: number;
  /** Requests in flight to one host at once (default 2). */
  perHostConcurrency?: number;
  /** On-disk cache directory; false turns caching off. */
  cacheDir?: string | false;
  /** Resolver, for tests: same contract as dns.lookup with {all: true}. */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

export interface FetchResponse {
  /** The URL asked for. */
  url: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  headers: Record<string, string>;
  /** Decoded (decompressed) body bytes. */
  bytes: Uint8Array;
  fromCache: boolean;
}

export interface GetOptions {
  signal?: AbortSignal;
  /** Accept header. */
  accept?: string;
  /** Cached copies older than this are revalidated (default: never, so re-runs do not refetch). */
  maxAgeMs?: number;
}

export const DEFAULT_USER_AGENT = `newsbrief/${VERSION} (+https://github.com/newsbrief/newsbrief; news briefing tool)`;

/** What one `get` reached: the addresses it connected to (or checked) that are not public, admitted by the allow-list. */
interface Reach {
  privateAddresses: Array<{ host: string; ip: string }>;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRY_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "UND_ERR_SOCKET"]);

export class Fetcher {
  readonly options: Required<Omit<FetchOptions, "resolve" | "cacheDir">> & Pick<FetchOptions, "resolve" | "cacheDir">;
  private readonly limiter: KeyedLimiter;
  private readonly cache?: DiskCache;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(options: FetchOptions = {}) {
    this.options = {
      allowList: options.allowList ?? [],
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      retries: options.retries ?? 2,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      perHostConcurrency: options.perHostConcurrency ?? 2,
      cacheDir: options.cacheDir,
      resolve: options.resolve,
    };
    this.limiter = new KeyedLimiter(this.options.perHostConcurrency);
    if (options.cacheDir) this.cache = new DiskCache(options.cacheDir);
    this.agents = { http: new http.Agent({ keepAlive: true, maxSockets: this.options.perHostConcurrency }), https: new https.Agent({ keepAlive: true, maxSockets: this.options.perHostConcurrency }) };
  }

  /** Closes kept-alive sockets. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  async get(url: string, opts: GetOptions = {}): Promise<FetchResponse> {
    const parsed = checkUrl(url, url);
    const key = parsed.href;
    // A cached page is served only when this fetcher's allow-list admits every private address its fetch reached.
    const hit = this.cache ? await this.cache.get(key) : undefined;
    const cached = hit?.meta.privateAddresses?.every((a) => allowListMatches(this.options.allowList, a.host, a.ip)) ? hit : undefined;
    if (cached && (opts.maxAgeMs === undefined || Date.now() - cached.meta.fetchedAt <= opts.maxAgeMs)) return fromCache(cached.meta, cached.bytes);
    const conditional: Record<string, string> = {};
    if (cached?.meta.headers.etag) conditional["if-none-match"] = cached.meta.headers.etag;
    if (cached?.meta.headers["last-modified"]) conditional["if-modified-since"] = cached.meta.headers["last-modified"];
    const reach: Reach = { privateAddresses: [] };
    const response = await this.withRetries(url, parsed, opts, conditional, reach);
    if (response.status === 304 && cached) {
      await this.cache!.touch(key, Date.now());
      return fromCache(cached.meta, cached.bytes);
    }
    if (this.cache && response.status === 200) {
      const meta: CacheMeta = { url: key, finalUrl: response.finalUrl, status: 200, contentType: response.contentType, headers: response.headers, fetchedAt: Date.now(), size: response.bytes.length, privateAddresses: reach.privateAddresses };
      await this.cache.put({ meta, bytes: response.bytes }).catch(() => undefined);
    }
    return response;
  }

  private async withRetries(url: string, parsed: URL, opts: GetOptions, conditional: Record<string, string>, reach: Reach): Promise<FetchResponse> {
    for (let attempt = 0; ; attempt++) {
      let wait: number;
      try {
        const response = await this.followRedirects(url, parsed, opts, conditional, reach);
        if (response.status === 200 || response.status === 304) return response;
        const status = response.status;
        if (!RETRY_STATUS.has(status) || attempt >= this.options.retries) {
          throw new FetchError("http-status", `${url}: the server answered ${status}${attempt ? ` after ${attempt + 1} tries` : ""}`, url, { status });
        }
        const after = retryAfterMs(response.headers["retry-after"]);
        if (after !== undefined && after > this.options.maxRetryAfterMs) {
          throw new FetchError("http-status", `${url}: the server answered ${status} and asks to wait ${Math.ceil(after / 1000)} s, longer than the ${Math.ceil(this.options.maxRetryAfterMs / 1000)} s allowed`, url, { status });
        }
        wait = after ?? this.backoff(attempt);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "";
        if (!(error instanceof FetchError && error.code === "network" && RETRY_CODES.has(String((error.cause as NodeJS.ErrnoException | undefined)?.code ?? code))) || attempt >= this.options.retries) throw error;
        wait = this.backoff(attempt);
      }
      await sleep(wait, opts.signal);
    }
  }

  private backoff(attempt: number): number {
    const base = this.options.retryBaseMs * 2 ** attempt;
    return base + Math.floor(Math.random() * base * 0.25);
  }

  private async followRedirects(url: string, first: URL, opts: GetOptions, conditional: Record<string, string>, reach: Reach): Promise<FetchResponse> {
    let current = first;
    for (let hop = 0; ; hop++) {
      const r = await this.limiter.run(current.host, () => this.once(url, current, opts, hop === 0 ? conditional : {}, reach));
      if (r.location === undefined) return r.response;
      if (hop >= this.options.maxRedirects) throw new FetchError("too-many-redirects", `${url}: more than ${this.options.maxRedirects} redirects (last to ${r.location})`, url);
      let next: URL;
      try {
        next = new URL(r.location, current);
      } catch {
        throw new FetchError("network", `${url}: redirect to an invalid address "${r.location}"`, url);
      }
      current = checkUrl(next.href, url);
    }
  }

  /** One request: resolves (checked) the host, sends, and reads the capped, decompressed body. */
  private once(url: string, target: URL, opts: GetOptions, extraHeaders: Record<string, string>, reach: Reach): Promise<{ response: FetchResponse; location?: string }> {
    const { timeoutMs, maxBytes } = this.options;
    const secure = target.protocol === "https:";
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (isIpLiteral(host)) this.checkAddress(url, host, host, reach);
    return new Promise((resolvePromise, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener("abort", onAbort);
        req.destroy();
        reject(error);
      };
      const done = (value: { response: FetchResponse; location?: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener("abort", onAbort);
        resolvePromise(value);
      };
      const onAbort = () => fail(new FetchError("network", `${url}: cancelled`, url, { cause: opts.signal?.reason }));
      const timer = setTimeout(() => fail(new FetchError("timeout", `${url}: no complete answer within ${timeoutMs / 1000} s`, url)), timeoutMs);
      const req = (secure ? https : http).request(
        target,
        {
          method: "GET",
          agent: secure ? this.agents.https : this.agents.http,
          lookup: this.lookupFor(url, reach) as never,
          headers: {
            "user-agent": this.options.userAgent,
            accept: opts.accept ?? "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "accept-encoding": "gzip, deflate, br",
            ...extraHeaders,
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const headers = flatHeaders(res.headers);
          if (status >= 300 && status < 400 && status !== 304 && headers.location) {
            res.resume();
            done({ response: { url, finalUrl: target.href, status, contentType: "", headers, bytes: new Uint8Array(), fromCache: false }, location: headers.location });
            return;
          }
          const declared = Number(headers["content-length"]);
          if (!headers["content-encoding"] && declared > maxBytes) {
            fail(new FetchError("too-large", `${url}: the page is ${declared} bytes, over the ${maxBytes}-byte limit`, url));
            return;
          }
          let body: Readable = res;
          const encoding = (headers["content-encoding"] ?? "").toLowerCase().trim();
          if (encoding === "gzip" || encoding === "x-gzip") body = res.pipe(createGunzip());
          else if (encoding === "deflate") body = res.pipe(createInflate());
          else if (encoding === "br") body = res.pipe(createBrotliDecompress());
          const chunks: Buffer[] = [];
          let size = 0;
          body.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) fail(new FetchError("too-large", `${url}: the page is over the ${maxBytes}-byte limit`, url));
            else chunks.push(chunk);
          });
          body.on("error", (error) => fail(new FetchError("network", `${url}: could not read the body (${error.message})`, url, { cause: error })));
          res.on("aborted", () => fail(new FetchError("network", `${url}: the connection closed mid-body`, url)));
          body.on("end", () =>
            done({ response: { url, finalUrl: target.href, status, contentType: headers["content-type"] ?? "", headers, bytes: new Uint8Array(Buffer.concat(chunks)), fromCache: false } }),
          );
        },
      );
      req.on("error", (error) => {
        if (error instanceof FetchError) fail(error);
        else fail(new FetchError("network", `${url}: ${describeNetworkError(error as NodeJS.ErrnoException, target)}`, url, { cause: error }));
      });
      if (opts.signal?.aborted) onAbort();
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      req.end();
    });
  }

  private checkAddress(url: string, host: string, ip: string, reach: Reach): void {
    const cls = classifyAddress(ip);
    if (cls === "public") return;
    if (!allowListMatches(this.options.allowList, host, ip)) {
      throw new FetchError("blocked-address", `${url}: refused to connect to ${host}${host === ip ? "" : ` (${ip})`}: it is ${CLASS_WORDS[cls]}; only public addresses are fetched unless allow-listed`, url);
    }
    if (!reach.privateAddresses.some((a) => a.host === host && a.ip === ip)) reach.privateAddresses.push({ host, ip });
  }

  /** A socket `lookup` that resolves, refuses blocked addresses, and hands the socket only checked ones. */
  private lookupFor(url: string, reach: Reach) {
    return (hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
      const host = hostname.replace(/^\[|\]$/g, "");
      const resolved = this.options.resolve ? this.options.resolve(host) : new Promise<LookupAddress[]>((res, rej) => dnsLookup(host, { all: true }, (e, a) => (e ? rej(e) : res(a))));
      resolved.then(
        (addresses) => {
          try {
            if (!addresses.length) throw new FetchError("network", `${url}: ${host} has no address`, url);
            for (const a of addresses) this.checkAddress(url, host, a.address, reach);
            const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
            const list = usable.length ? usable : addresses;
            if (options.all) callback(null, list);
            else callback(null, list[0].address, list[0].family);
          } catch (error) {
            callback(error);
          }
        },
        (error: NodeJS.ErrnoException) => callback(error),
      );
    };
  }
}

/** Only absolute http(s) URLs without credentials. */
export function checkUrl(input: string, original: string): URL {
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    throw new FetchError("bad-scheme", `${original}: not a valid absolute URL`, original);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new FetchError("bad-scheme", `${original}: only http and https URLs are fetched, not ${u.protocol.replace(/:$/, "")}`, original);
  if (u.username || u.password) throw new FetchError("bad-scheme", `${original}: URLs with user names or passwords are not fetched`, original);
  u.hash = "";
  return u;
}

function fromCache(meta: CacheMeta, bytes: Uint8Array): FetchResponse {
  return { url: meta.url, finalUrl: meta.finalUrl, status: meta.status, contentType: meta.contentType, headers: meta.headers, bytes, fromCache: true };
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function describeNetworkError(e: NodeJS.ErrnoException, target: URL): string {
  if (e.code === "ENOTFOUND") return `${target.hostname} does not resolve (no such host)`;
  if (e.code === "ECONNREFUSED") return `${target.host} refused the connection`;
  if (e.code === "ECONNRESET") return `${target.host} dropped the connection`;
  return e.message;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", abort, { once: true });
  });
}
