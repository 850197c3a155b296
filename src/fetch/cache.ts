/**
 * On-disk HTTP cache: `<dir>/<sha256(url)>.json` holds the response metadata and
 * `<dir>/<sha256(url)>.body` the decoded body bytes. Writes go to a temporary file first and are
 * renamed into place, so a crash never leaves a half-written entry.
 */

import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

export interface CacheMeta {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  headers: Record<string, string>;
  /** Epoch milliseconds when the body was fetched (or last revalidated). */
  fetchedAt: number;
  size: number;
  /**
   * The private addresses (loopback, LAN…) the fetch reached, as an allow-list admitted them: the
   * entry is served only to a fetcher whose allow-list admits them all. Older entries lack it and are fetched again.
   */
  privateAddresses?: Array<{ host: string; ip: string }>;
}

export interface CacheEntry {
  meta: CacheMeta;
  bytes: Uint8Array;
}

export function cacheKey(url: string): string {
  return createHash("sha256").update(url).digest("hex");
}

export class DiskCache {
  constructor(readonly dir: string) {}

  private paths(url: string): { meta: string; body: string } {
    const key = cacheKey(url);
    return { meta: path.join(this.dir, `${key}.json`), body: path.join(this.dir, `${key}.body`) };
  }

  /** The stored entry for `url`, or undefined when there is none or it is unreadable. */
  async get(url: string): Promise<CacheEntry | undefined> {
    const p = this.paths(url);
    try {
      const meta = JSON.parse(await readFile(p.meta, "utf8")) as CacheMeta;
      if (meta.url !== url || typeof meta.fetchedAt !== "number") return undefined;
      const bytes = new Uint8Array(await readFile(p.body));
      if (bytes.length !== meta.size) return undefined;
      return { meta, bytes };
    } catch {
      return undefined;
    }
  }

  async put(entry: CacheEntry): Promise<void> {
    const p = this.paths(entry.meta.url);
    await mkdir(this.dir, { recursive: true });
    const tmp = `.${randomBytes(6).toString("hex")}.tmp`;
    // Body first: a meta file is only ever visible next to a complete body of the size it names.
    await writeFile(p.body + tmp, entry.bytes);
    await rename(p.body + tmp, p.body);
    await writeFile(p.meta + tmp, JSON.stringify(entry.meta, null, 1));
    await rename(p.meta + tmp, p.meta);
  }

  /** Marks a cached entry fresh again (after a 304 Not Modified). */
  async touch(url: string, fetchedAt: number): Promise<void> {
    const entry = await this.get(url);
    if (!entry) return;
    const p = this.paths(url);
    const tmp = `.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(p.meta + tmp, JSON.stringify({ ...entry.meta, fetchedAt }, null, 1));
    await rename(p.meta + tmp, p.meta);
  }
}
