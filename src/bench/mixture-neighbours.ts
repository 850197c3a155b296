/**
 * Related-topic neighbours for the story bench's mixtures. Deliberately self-contained (its own
 * tokeniser and stopword list, no import from the code under test), so which clusters get mixed
 * depends only on the data and the seed, never on the grouping's feature extraction.
 */

const STOPWORDS = new Set(
  (
    "about above after again against also among another around back because been before being below between " +
    "both but can could did does doing down during each even ever every few first from further had has have " +
    "having her here hers herself him himself his how into its itself just last like made make many more most " +
    "much must new not now off once one only other our ours out over own said same says she should since some " +
    "still such than that the their theirs them themselves then there these they this those through time told " +
    "too two under until very was way were what when where which while who whom whose why will with would year " +
    "years you your yours and are for any all nor per via yet mr mrs ms dr"
  ).split(" "),
);

const WORD = /\p{L}+/gu;
const MAX_CHARS = 40_000;
const TOP_TERMS = 40;

/** Lower-cased words of three or more letters, minus stopwords, with their counts. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [w] of text.slice(0, MAX_CHARS).toLowerCase().matchAll(WORD)) {
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/**
 * For each text, the indices of the `k` most similar other texts (cosine of their top tf-idf
 * terms), best first; ties broken by index so the result is fully deterministic.
 */
export function nearestTexts(texts: string[], k = 5): number[][] {
  const counts = texts.map(wordCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const w of c.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((texts.length + 1) / (df.get(w)! + 0.5));
  const vecs = counts.map((c) => {
    const terms = [...c].map(([w, n]) => [w, (1 + Math.log(n)) * idf(w)] as [string, number]);
    terms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = terms.slice(0, TOP_TERMS);
    const norm = Math.sqrt(top.reduce((s, t) => s + t[1] * t[1], 0)) || 1;
    return new Map(top.map(([w, x]) => [w, x / norm]));
  });
  const postings = new Map<string, number[]>();
  vecs.forEach((v, i) => v.forEach((_, w) => (postings.get(w) ?? postings.set(w, []).get(w)!).push(i)));
  return vecs.map((v, i) => {
    const acc = new Map<number, number>();
    v.forEach((x, w) => {
      for (const o of postings.get(w)!) if (o !== i) acc.set(o, (acc.get(o) ?? 0) + x * vecs[o].get(w)!);
    });
    return [...acc].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map((e) => e[0]);
  });
}
