/**
 * Bytes of a web page to text. The charset comes, in order, from a byte-order mark, the HTTP
 * Content-Type header, an XML declaration or a <meta charset> / <meta http-equiv> in the first
 * 4 KB (as the HTML standard's prescan does); with none of these, valid UTF-8 is UTF-8, and
 * anything else is decoded as Windows-1252 with a message saying the charset was a guess.
 */
import { isUtf8 } from "node:buffer";
import { decodeWindows1252 } from "../ingest/decode.js";

export interface DecodeMessage {
  severity: "error" | "warning" | "info";
  ruleId: string;
  reason: string;
}

export interface DecodedHtml {
  html: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "windows-1252", "shift_jis". */
  charset: string;
  /** Where the charset came from: bom, header, meta, xml, utf8-valid, guess. */
  source: "bom" | "header" | "meta" | "xml" | "utf8-valid" | "guess";
  messages: DecodeMessage[];
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

/** The charset parameter of a Content-Type header value, lower-cased. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([^"';,\s]+)/i.exec(contentType ?? "");
  return m ? m[1].toLowerCase() : undefined;
}

/** The charset a page declares in its first 4 KB (<meta charset>, http-equiv, or XML declaration). */
export function declaredCharset(head: string): { charset: string; source: "meta" | "xml" } | undefined {
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return { charset: xml[1].toLowerCase(), source: "xml" };
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct) return { charset: direct[1].toLowerCase(), source: "meta" };
  }
  return undefined;
}

/** A decoder for a charset label, or undefined when the label is unknown. UTF-16 labels in a meta tag mean UTF-8 (HTML standard). */
function decoderFor(label: string, fromMeta: boolean): TextDecoder | undefined {
  const l = fromMeta && /^utf-?16/.test(label) ? "utf-8" : label;
  try {
    return new TextDecoder(l);
  } catch {
    return undefined;
  }
}

function decodeWith(bytes: Uint8Array, decoder: TextDecoder): string {
  // Node's "windows-1252" decoder is Latin-1; use the exact mapping.
  return decoder.encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const messages: DecodeMessage[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { html: new TextDecoder("utf-8").decode(bytes.subarray(3)), charset: "utf-8", source: "bom", messages };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { html: new TextDecoder("utf-16le").decode(bytes.subarray(2)), charset: "utf-16le", source: "bom", messages };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { html: new TextDecoder("utf-16be").decode(bytes.subarray(2)), charset: "utf-16be", source: "bom", messages };

  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) {
    const d = decoderFor(fromHeader, false);
    if (d) return notUtf8AsDeclared(bytes, d, fromHeader, "server", messages) ?? { html: decodeWith(bytes, d), charset: d.encoding, source: "header", messages };
    messages.push({ severity: "warning", ruleId: "unknown-charset", reason: `the server declares charset "${fromHeader}", which is not a known encoding` });
  }
  const head = latin1(bytes.subarray(0, 4096));
  const declared = declaredCharset(head);
  if (declared) {
    const d = decoderFor(declared.charset, declared.source === "meta");
    if (d) {
      // Pages often declare one charset and are saved in UTF-8; trust valid multi-byte UTF-8 over a single-byte declaration.
      if (d.encoding !== "utf-8" && isSingleByte(d.encoding) && hasMultibyteUtf8(bytes)) {
        const text = tryUtf8(bytes);
        if (text !== undefined) {
          messages.push({ severity: "info", ruleId: "charset-mismatch", reason: `the page declares ${declared.charset} but is valid UTF-8; decoded as UTF-8` });
          return { html: text, charset: "utf-8", source: "utf8-valid", messages };
        }
      }
      return notUtf8AsDeclared(bytes, d, declared.charset, "page", messages) ?? { html: decodeWith(bytes, d), charset: d.encoding, source: declared.source, messages };
    }
    messages.push({ severity: "warning", ruleId: "unknown-charset", reason: `the page declares charset "${declared.charset}", which is not a known encoding` });
  }
  const text = tryUtf8(bytes);
  if (text !== undefined) return { html: text, charset: "utf-8", source: "utf8-valid", messages };
  messages.push({
    severity: "warning",
    ruleId: "charset-undecided",
    reason: "cannot tell the page's character encoding (no byte-order mark, no charset in the headers or a <meta> tag, and not valid UTF-8); decoded as Windows-1252, so accented or non-Latin letters may be wrong",
  });
  return { html: decodeWindows1252(bytes), charset: "windows-1252", source: "guess", messages };
}

/**
 * A page declared UTF-8 whose bytes are not UTF-8 and hold no UTF-8 multi-byte character at all was saved in a single-byte
 * charset (an editor's default): decoded as Windows-1252, said so, rather than every accented letter and curly quote
 * turned into U+FFFD. A page with some valid UTF-8 keeps its declaration (a stray bad byte does not change the charset).
 */
function notUtf8AsDeclared(bytes: Uint8Array, decoder: TextDecoder, label: string, declarer: "server" | "page", messages: DecodeMessage[]): DecodedHtml | undefined {
  if (decoder.encoding !== "utf-8" || isUtf8(bytes) || hasMultibyteUtf8(bytes)) return undefined;
  messages.push({ severity: "warning", ruleId: "charset-mismatch", reason: `the ${declarer} declares ${label} but the bytes are not UTF-8; decoded as Windows-1252` });
  return { html: decodeWindows1252(bytes), charset: "windows-1252", source: "guess", messages };
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function isSingleByte(encoding: string): boolean {
  return /^(?:windows-12\d\d|iso-8859-\d+|koi8-[ru]|macintosh|ibm866|x-mac-cyrillic)$/.test(encoding);
}

function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] >= 0xc2 && bytes[i] <= 0xf4 && (bytes[i + 1] & 0xc0) === 0x80) return true;
  return false;
}
