import type { RawDocument } from "../types/index.js";
import { normalizeDate } from "./dates.js";

const DATE_MARKER = /^\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?/i;

/** A plain-text article: an optional leading `date YYYY-MM-DD` marker, then the text. */
export function parseTextDocument(raw: string, file: string): RawDocument {
  const marker = DATE_MARKER.exec(raw);
  const published = marker ? normalizeDate(marker[1]) : undefined;
  return { file, raw, published, bodyOffset: marker && published ? marker[0].length : 0 };
}
