/** Normalises any ISO-like or RFC 2822 date to YYYY-MM-DD; undefined when it is not a date. */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const s = String(value).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (iso) return validDay(+iso[1], +iso[2], +iso[3]);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return validDay(+compact[1], +compact[2], +compact[3]);
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (slashed) return validDay(+slashed[1], +slashed[2], +slashed[3]);
  if (!/[a-z]{3}|\d{4}/i.test(s)) return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?`;
const TIME = String.raw`(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?`;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, "i");
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})${TIME}$`, "i");
const LEADING_MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}${MONTH}[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})${TIME}[ \t]+`, "i");

/** A plain-text article's date marker as its own line ("date 2026-12-01"), also under the title. */
export const DATE_MARKER_LINE = /^date[ \t]+(\d{4}-\d{2}-\d{2})$/i;

/**
 * A line that is only a calendar date ("Saturday, January 8, 2005", "8 January 2005", "2005-01-08"),
 * as news sites print under the headline, as YYYY-MM-DD; undefined for anything else. Parsed by
 * hand: Date.parse reads such lines in the machine's time zone and can shift the day.
 */
export function dateLine(text: string): string | undefined {
  const s = text.trim();
  if (s.length > 60) return undefined;
  const marker = DATE_MARKER_LINE.exec(s);
  if (marker) return dateLine(marker[1]);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) return validDay(+iso[1], +iso[2], +iso[3]);
  const m = MONTH_FIRST.exec(s);
  if (m) return monthFirstDay(m);
  const d = DAY_FIRST.exec(s);
  if (d) return validDay(+d[3], MONTHS.indexOf(d[2].slice(0, 3).toLowerCase()) + 1, +d[1]);
  return undefined;
}

/**
 * A calendar date that opens a paragraph and runs on into its first sentence ("Saturday, March 26, 2005
 * Up to four times as many women…"): a date line that lost its line break when the text was copied.
 * `length` covers the date and the spaces after it. Only before a capitalised word, so that a sentence
 * beginning with a date ("March 26, 2005 was the day…") is no date line.
 */
export function leadingDate(text: string): { date: string; length: number } | undefined {
  const m = LEADING_MONTH_FIRST.exec(text);
  if (!m || !/^\p{Lu}\p{Ll}/u.test(text.slice(m[0].length))) return undefined;
  const date = monthFirstDay(m);
  return date ? { date, length: m[0].length } : undefined;
}

/** The day of a month-first date's match (month name, day, year). */
function monthFirstDay(m: RegExpExecArray): string | undefined {
  return validDay(+m[3], MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, +m[2]);
}
