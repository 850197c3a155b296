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
