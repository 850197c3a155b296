/** Scoring functions for the extraction bench (see /work/shared/data/README.md). */

const AEB_TOKEN = /[\p{L}\p{N}_]+/gu;

/** Set of 4-word shingles, case-sensitive, as in scrapinghub's article-extraction-benchmark. */
export function shingles(text: string, n = 4): Set<string> {
  const words = text.match(AEB_TOKEN) ?? [];
  const out = new Set<string>();
  if (words.length === 0) return out;
  const last = Math.max(1, words.length - n + 1);
  for (let i = 0; i < last; i++) out.add(words.slice(i, i + n).join(" "));
  return out;
}

/** Precision (undefined for an empty prediction) and recall of shingles. */
export function shingleScore(truth: string, predicted: string): { precision?: number; recall: number } {
  const t = shingles(truth);
  const p = shingles(predicted);
  if (p.size === 0) return { recall: 0 };
  let tp = 0;
  for (const s of p) if (t.has(s)) tp++;
  return { precision: tp / p.size, recall: t.size === 0 ? 1 : tp / t.size };
}

/** Word-bag F1 on lower-cased `\w+` tokens (Counter overlap), as in WCXB. */
export function wordF1(truth: string, predicted: string): { f1: number; precision: number; recall: number } {
  const t = bag(truth);
  const p = bag(predicted);
  let nt = 0;
  let np = 0;
  for (const c of t.values()) nt += c;
  for (const c of p.values()) np += c;
  if (nt === 0 && np === 0) return { f1: 1, precision: 1, recall: 1 };
  if (nt === 0 || np === 0) return { f1: 0, precision: 0, recall: 0 };
  let common = 0;
  for (const [w, c] of p) {
    const o = t.get(w);
    if (o) common += Math.min(o, c);
  }
  const precision = common / np;
  const recall = common / nt;
  return { f1: common === 0 ? 0 : (2 * precision * recall) / (precision + recall), precision, recall };
}

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(AEB_TOKEN) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

export function normalizeSpace(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}

/** Whether a snippet occurs in the text, compared with whitespace normalised. */
export function containsSnippet(text: string, snippet: string): boolean {
  return normalizeSpace(text).includes(normalizeSpace(snippet));
}
