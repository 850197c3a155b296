/** Decoding of input bytes: BOM-marked UTF-8/UTF-16, plain UTF-8, else Windows-1252. */

export interface Decoded {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

export type DecodeProblem = "empty" | "binary";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeBytes(bytes: Uint8Array): Decoded | DecodeProblem {
  if (bytes.length === 0) return "empty";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  if (looksBinary(bytes)) return "binary";
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** A failed gunzip as a user's reason ("not a valid gzip file (incorrect header check)"); undefined for any other error. */
export function gzipProblem(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException;
  if (e.code === "Z_BUF_ERROR") return `a gzip file cut short (${e.message}): truncated, an incomplete download or copy?`;
  return e.code?.startsWith("Z_") ? `not a valid gzip file (${e.message})` : undefined;
}

/** NUL bytes, or many control characters in the first 8 KB, mean the file is not text (a UTF-16 byte-order mark says it is). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n * 0.1;
}

/** Code points of bytes 0x80–0x9F in Windows-1252 (the rest is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node 20's TextDecoder("windows-1252") decodes as Latin-1 (curly quotes come out as C1
 * controls), so the 32 differing code points are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b)));
  }
  return out;
}
