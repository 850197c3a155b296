/**
 * IP address classification for SSRF protection: which resolved addresses a fetch may connect to.
 * Pure functions; IPv4 and IPv6 (including IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms,
 * which are judged by the IPv4 address they embed).
 */

import { isIP } from "node:net";

export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "unique-local"
  | "site-local"
  | "multicast"
  | "cgnat"
  | "broadcast"
  | "reserved"
  | "documentation"
  | "benchmark"
  | "invalid";

/** Human wording for messages: "10.0.0.1 is a private address". */
export const CLASS_WORDS: Record<AddressClass, string> = {
  public: "a public address",
  unspecified: "the unspecified address",
  loopback: "a loopback address (this machine)",
  private: "a private-network address",
  "link-local": "a link-local address (cloud metadata services live here)",
  "unique-local": "a unique-local (private) IPv6 address",
  "site-local": "a site-local (private) IPv6 address",
  multicast: "a multicast address",
  cgnat: "a carrier-grade NAT (shared) address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
  documentation: "a documentation-only address",
  benchmark: "a benchmarking-network address",
  invalid: "not a valid IP address",
};

/** Parses dotted-quad IPv4 (strict: four decimal parts 0-255) to a 32-bit unsigned number. */
export function parseIPv4(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Parses an IPv6 address (with `::`, embedded dotted IPv4, optional `%zone` and brackets) into 8 16-bit groups. */
export function parseIPv6(input: string): number[] | undefined {
  let ip = input.trim();
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  const zone = ip.indexOf("%");
  if (zone >= 0) ip = ip.slice(0, zone);
  if (!ip.includes(":")) return undefined;
  const lastColon = ip.lastIndexOf(":");
  const last = ip.slice(lastColon + 1);
  if (last.includes(".")) {
    // Embedded dotted IPv4 ("::ffff:1.2.3.4"): rewrite as two hex groups.
    const v4 = parseIPv4(last);
    if (v4 === undefined) return undefined;
    ip = `${ip.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = ip.split("::");
  if (halves.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === "") return [];
    const out: number[] = [];
    for (const g of s.split(":")) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !rest) return undefined;
  const explicit = head.length + rest.length;
  if (halves.length === 2) {
    if (explicit > 7) return undefined;
    return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest];
  }
  if (explicit !== 8) return undefined;
  return head;
}

function inV4(n: number, base: string, bits: number): boolean {
  const b = parseIPv4(base)!;
  if (bits === 0) return true;
  const shift = 32 - bits;
  return Math.floor(n / 2 ** shift) === Math.floor(b / 2 ** shift);
}

export function classifyIPv4(n: number): AddressClass {
  if (inV4(n, "0.0.0.0", 8)) return n === 0 ? "unspecified" : "reserved"; // "this network"
  if (inV4(n, "10.0.0.0", 8)) return "private";
  if (inV4(n, "100.64.0.0", 10)) return "cgnat";
  if (inV4(n, "127.0.0.0", 8)) return "loopback";
  if (inV4(n, "169.254.0.0", 16)) return "link-local";
  if (inV4(n, "172.16.0.0", 12)) return "private";
  if (inV4(n, "192.0.0.0", 24)) return "reserved"; // IETF protocol assignments
  if (inV4(n, "192.0.2.0", 24)) return "documentation";
  if (inV4(n, "192.88.99.0", 24)) return "reserved"; // 6to4 relay anycast (deprecated)
  if (inV4(n, "192.168.0.0", 16)) return "private";
  if (inV4(n, "198.18.0.0", 15)) return "benchmark";
  if (inV4(n, "198.51.100.0", 24)) return "documentation";
  if (inV4(n, "203.0.113.0", 24)) return "documentation";
  if (inV4(n, "224.0.0.0", 4)) return "multicast";
  if (n === 0xffffffff) return "broadcast";
  if (inV4(n, "240.0.0.0", 4)) return "reserved";
  return "public";
}

export function classifyIPv6(g: number[]): AddressClass {
  const embedded = (hi: number, lo: number): AddressClass => classifyIPv4(hi * 65536 + lo);
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return "unspecified";
  if (zeros(0, 7) && g[7] === 1) return "loopback";
  // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (IPv4-translated)
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(g[6], g[7]);
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return embedded(g[6], g[7]);
  // ::a.b.c.d (deprecated IPv4-compatible)
  if (zeros(0, 6)) return embedded(g[6], g[7]);
  // 64:ff9b::/96 NAT64 well-known prefix, 64:ff9b:1::/48 local-use NAT64
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return "private";
  // 2002::/16 6to4: the next 32 bits are an IPv4 address
  if (g[0] === 0x2002) {
    const inner = embedded(g[1], g[2]);
    return inner === "public" ? "public" : inner;
  }
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "documentation";
  if (g[0] === 0x2001 && g[1] === 0) return "reserved"; // Teredo: tunnels to arbitrary IPv4
  if (g[0] === 0x0100 && zeros(1, 4)) return "reserved"; // 100::/64 discard
  if ((g[0] & 0xfe00) === 0xfc00) return "unique-local";
  if ((g[0] & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0] & 0xffc0) === 0xfec0) return "site-local";
  if ((g[0] & 0xff00) === 0xff00) return "multicast";
  // Only 2000::/3 is allocated global unicast; anything else is reserved.
  if ((g[0] & 0xe000) !== 0x2000) return "reserved";
  return "public";
}

/** Classifies an IP address string (IPv4 dotted quad or IPv6 in any textual form). */
export function classifyAddress(ip: string): AddressClass {
  const v4 = parseIPv4(ip.trim());
  if (v4 !== undefined) return classifyIPv4(v4);
  const v6 = parseIPv6(ip);
  if (v6) return classifyIPv6(v6);
  return "invalid";
}

/** True when a fetch must not connect to this address (anything but a public unicast address). */
export function isBlockedAddress(ip: string): boolean {
  return classifyAddress(ip) !== "public";
}

/** Canonical text of an IP for allow-list comparison ("::FFFF:7f00:1" → "::ffff:127.0.0.1" style is not needed: groups joined). */
export function canonicalIp(ip: string): string | undefined {
  const v4 = parseIPv4(ip.trim());
  if (v4 !== undefined) return [v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255].join(".");
  const v6 = parseIPv6(ip);
  return v6 ? v6.map((x) => x.toString(16)).join(":") : undefined;
}

/** Whether `ip` is a syntactically valid IP literal (brackets allowed for IPv6). */
export function isIpLiteral(host: string): boolean {
  const h = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return isIP(h) !== 0;
}

/**
 * An allow-list entry matches a host name (case-insensitive, exact), an IP address, or an IP
 * range in CIDR form ("10.0.0.0/8", "fd00::/8").
 */
export function allowListMatches(entries: readonly string[], host: string, ip?: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  for (const raw of entries) {
    const e = raw.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
    if (!e) continue;
    if (e === h) return true;
    if (e.includes("/")) {
      if ((ip && inCidr(ip, e)) || (isIpLiteral(h) && inCidr(h, e))) return true;
      continue;
    }
    const ce = canonicalIp(e);
    if (ce && ((ip && canonicalIp(ip) === ce) || canonicalIp(h) === ce)) return true;
  }
  return false;
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const bits = Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0) return false;
  const a4 = parseIPv4(ip);
  const b4 = parseIPv4(base);
  if (a4 !== undefined && b4 !== undefined) return bits <= 32 && inV4(a4, base, bits);
  const a6 = parseIPv6(ip);
  const b6 = parseIPv6(base);
  if (!a6 || !b6 || bits > 128) return false;
  let left = bits;
  for (let i = 0; i < 8 && left > 0; i++) {
    const take = Math.min(16, left);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((a6[i] & mask) !== (b6[i] & mask)) return false;
    left -= take;
  }
  return true;
}
