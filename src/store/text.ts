import { createHash } from "node:crypto";

/** Hash of the text with case, punctuation, accents and spacing normalised away: equal for copies of one article. */
export function contentHash(text: string): string {
  const normal = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return createHash("sha256").update(normal).digest("hex");
}

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid)$/i;

/** A URL reduced to what identifies the article: lower-case host, no fragment, no tracking parameters, no trailing slash. */
export function urlKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim() || undefined;
  }
  u.hash = "";
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const host = u.host.toLowerCase().replace(/^www\./, "");
  const pathname = u.pathname.replace(/\/+$/, "") || "/";
  return `${host}${pathname}${query}`;
}

/**
 * A user's search words as a safe FTS5 query: every word quoted (so no FTS syntax reaches SQLite),
 * all required, the last one also matching as a prefix. Empty when there is no word.
 */
export function ftsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 16) ?? [];
  if (!words.length) return "";
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? "*" : ""}`).join(" ");
}
