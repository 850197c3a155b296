/** Date parsing for metadata values and visible text. All results are YYYY-MM-DD, as written (no time-zone shift). */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
  // A few common non-English month names.
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12,
  januar: 1, februar: 2, märz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};

export function validDay(y: number, m: number, d: number): string | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1990 && y <= 2100)) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** "2023 Jan 7", as citation metadata writes dates. */
const YEAR_MONTH_DAY = new RegExp(`^(\\d{4})\\s+${MONTH_RE}\\.?\\s+(\\d{1,2})\\b`, "i");
/** A permalink's /2023/october/03/. */
const URL_MONTH_NAME = new RegExp(`\\/((?:19|20)\\d\\d)\\/${MONTH_RE}\\/(\\d\\d?)(?:\\/|$)`, "i");
const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|[+-]\d\d|Z)/;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:$|T|\d{4,6}\b)/;
const YMD_SLASH = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;

/** Normalises a metadata date value (ISO 8601, RFC 2822, "September 4, 2025", epoch…); undefined when not a date. */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === "number") return fromEpoch(value);
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  if (!s) return undefined;
  let m = ISO.exec(s) ?? YMD_SLASH.exec(s) ?? COMPACT.exec(s);
  if (m) return validDay(+m[1], +m[2], +m[3]);
  if (/^\d{10}(\d{3})?$/.test(s)) return fromEpoch(Number(s));
  const named = YEAR_MONTH_DAY.exec(s);
  if (named) return validDay(+named[1], month(named[2]), +named[3]);
  const found = findDates(s, true);
  if (found.length) return found[0].date;
  return undefined;
}

function fromEpoch(n: number): string | undefined {
  const ms = n > 1e11 ? n : n * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  return validDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export interface FoundDate {
  date: string;
  index: number;
  length: number;
}

const TEXT_PATTERNS: { re: RegExp; parse: (m: RegExpExecArray) => string | undefined }[] = [
  // 2025-09-04, 2025/09/04
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d|T\d)/g, parse: (m) => validDay(+m[1], +m[2], +m[3]) },
  // September 4, 2025 / Sep. 4th 2025 / "HealthDECEMBER 22, 2022" (glued to the word before by inline markup)
  { re: new RegExp(`(?<![\\d_])${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, "gi"), parse: (m) => (startsWord(m) ? validDay(+m[3], month(m[1]), +m[2]) : undefined) },
  // 4 September 2025 / 4th of Sep, 2025 / 4. September 2025
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, "gi"), parse: (m) => validDay(+m[3], month(m[2]), +m[1]) },
  // dd.mm.yyyy (European)
  { re: /(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g, parse: (m) => validDay(+m[3], +m[2], +m[1]) },
  // mm/dd/yyyy (US), or dd/mm/yyyy when the first number cannot be a month
  { re: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g, parse: (m) => (+m[1] > 12 ? validDay(+m[3], +m[2], +m[1]) : validDay(+m[3], +m[1], +m[2])) },
  // Non-English month names: 4 juillet 2025, 4 de julio de 2025
  { re: /\b(\d{1,2})\.?\s+(?:de\s+)?([a-zà-ü]{3,10})\.?\s+(?:de\s+)?(\d{4})\b/gi, parse: (m) => validDay(+m[3], month(m[2]), +m[1]) },
];

/** A match starts a word, or a capitalised word glued to a lower-case one before it ("HealthDECEMBER"), not the inside of a word ("Summar 5"). */
function startsWord(m: RegExpExecArray): boolean {
  const before = m.input[m.index - 1] ?? " ";
  if (!/[A-Za-z]/.test(before)) return true;
  return /[a-z]/.test(before) && /[A-Z]/.test(m[0][0]);
}

function month(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")] ?? 0;
}

/** Dates written in free text, in order of appearance. With `first`, stops at the earliest pattern hit. */
export function findDates(text: string, first = false): FoundDate[] {
  const out: FoundDate[] = [];
  for (const { re, parse } of TEXT_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const date = parse(m);
      if (date && !out.some((o) => m!.index < o.index + o.length && o.index < m!.index + m![0].length)) {
        out.push({ date, index: m.index, length: m[0].length });
      }
    }
  }
  out.sort((a, b) => a.index - b.index);
  return first ? out.slice(0, 1) : out;
}

/** A date in a URL path such as /2025/09/04/ or /2025-09-04-. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:[/+_.-]|$)/.exec(path) ?? /[/_-]((?:19|20)\d\d)(\d\d)(\d\d)[/_.-]/.exec(path);
  if (m) return validDay(+m[1], +m[2], +m[3]);
  const n = URL_MONTH_NAME.exec(path);
  return n ? validDay(+n[1], month(n[2]), +n[3]) : undefined;
}
