/**
 * ROUGE-1.5.5 (Lin, 2004), written by hand in TypeScript: no maintained JS package reproduces
 * the perl script's numbers. This follows the perl source's behaviour (SPL input, ROUGE-N,
 * ROUGE-L, ROUGE-S/SU; options -n -m -2 -u -l -b -f -p) and is checked against scores the perl
 * script itself produced (rouge.test.ts). Corpus averages and intervals: bootstrap.ts.
 *
 * Behaviours of the perl script that are reproduced on purpose:
 * - Text: only ASCII A-Z are lower-cased; "-" and every char outside [A-Za-z0-9] separate
 *   tokens, so tokens are the runs of [a-z0-9] ("don't" -> "don t", "café" -> "caf").
 * - -m: tokens longer than 3 chars go through the WordNet 2.0 exception table, else Porter.
 * - -l N / -b N: cut peer AND models; words are counted on the raw line split at ASCII
 *   whitespace (so "_" or "(AP)" count as words), bytes are UTF-8 bytes. With -b, ROUGE-L
 *   cuts sentences differently from ROUGE-N (a perl bug: its running length is never updated).
 * - -f A pools hits and counts over all models; -f B keeps the first model with the best
 *   recall (rounded to 5 places for N/S, unrounded for L).
 * - -u: skip-bigram counts also include unigrams, except the last token's.
 * - ROUGE-L is summary-level: per model sentence, the union of its LCS with every peer
 *   sentence, clipped by unigram counts that each hit consumes.
 * - R and P are rounded to 5 places (printf, ties to even) and F is computed from the rounded values.
 */
import { readFileSync } from "node:fs";
import { porterStem } from "../nlp/porter.js";

export { parseRougeArgs } from "./rouge-args.js";

export interface RougeOptions {
  /** Max n-gram order (-n). ROUGE-1 and ROUGE-2 are always reported; default 2. */
  n?: number;
  /** -m: WordNet exceptions + Porter stemming. */
  stem?: boolean;
  /** -2 N: skip-bigram max gap (4 for SU4, negative = unlimited); undefined = no ROUGE-S. */
  skipDistance?: number;
  /** -u: include unigrams in skip-bigram counts (ROUGE-SU). */
  unigramsInSkip?: boolean;
  /** -l: keep only the first N words of peer and models (0 = no limit). */
  lengthLimit?: number;
  /** -b: keep only the first N bytes of peer and models (0 = no limit). */
  byteLimit?: number;
  /** -f: "A" pools over all models (default), "B" takes the best model. */
  mode?: "A" | "B";
  /** -p: F weight, F = PR / ((1-alpha) P + alpha R); default 0.5. */
  alpha?: number;
  /** -t: corpus averaging, 0 = mean of per-peer scores (default), 1 = pooled counts. Used by the harness. */
  average?: 0 | 1 | 2;
  /** -c: confidence level in percent for the bootstrap (default 95). Used by the harness. */
  confidence?: number;
  /** -r: bootstrap resamples (default 1000). Used by the harness. */
  resamples?: number;
}

export interface Prf { r: number; p: number; f: number }
/** Raw totals behind one score: model n-grams, peer n-grams, clipped hits (what -t 2 prints). */
export interface Counts { model: number; peer: number; hit: number }
export interface RougeScores {
  rouge1: Prf;
  rouge2: Prf;
  rougeL: Prf;
  rougeSU4?: Prf;
  [metric: string]: Prf | undefined;
}

// ---------------------------------------------------------------------------------------------
// Stemming (-m)

let exceptions: Map<string, string> | undefined;

function exceptionTable(): Map<string, string> {
  if (!exceptions) {
    const url = new URL("../../data/wordnet-2.0-exceptions.tsv", import.meta.url);
    exceptions = new Map();
    for (const line of readFileSync(url, "utf8").split("\n")) {
      if (line === "" || line.startsWith("#")) continue;
      const tab = line.indexOf("\t");
      if (tab > 0) exceptions.set(line.slice(0, tab), line.slice(tab + 1).trimEnd());
    }
  }
  return exceptions;
}

/** The stem ROUGE-1.5.5 -m gives a (lower-case) token: exceptions, then Porter, only if > 3 chars. */
export function rougeStem(token: string): string {
  if (token.length <= 3) return token;
  return exceptionTable().get(token) ?? porterStem(token);
}

// ---------------------------------------------------------------------------------------------
// Tokens are interned to small integers so that n-grams can be keyed by numbers.

const ID_LIMIT = 1 << 26;
const internTable = new Map<string, number>();
const rawIds = [new Map<string, number>(), new Map<string, number>()]; // [plain, stemmed]

function tokenId(raw: string, stem: boolean): number {
  const cache = rawIds[stem ? 1 : 0];
  let id = cache.get(raw);
  if (id === undefined) {
    const lower = raw.toLowerCase(); // raw is ASCII [A-Za-z0-9]+
    const form = stem ? rougeStem(lower) : lower;
    id = internTable.get(form);
    if (id === undefined) {
      id = internTable.size;
      if (id >= ID_LIMIT) throw new Error("rouge: token vocabulary exhausted");
      internTable.set(form, id);
    }
    if (cache.size >= 1_000_000) cache.clear();
    cache.set(raw, id);
  }
  return id;
}

/** Numeric key of an ordered token pair, disjoint from single-token keys (< 2^26). */
const pairKey = (a: number, b: number): number => (a + 1) * ID_LIMIT + b;

const WORD = /[A-Za-z0-9]+/g;

function tokenize(piece: string, stem: boolean, out: number[]): void {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(piece); m; m = WORD.exec(piece)) out.push(tokenId(m[0], stem));
}

// ---------------------------------------------------------------------------------------------
// Length limits. Perl reads bytes: a non-ASCII char is never whitespace and counts as its
// UTF-8 length, so each is replaced by that many placeholder chars before measuring.

const NON_ASCII = /[^\x00-\x7f]/gu;
const utf8Length = (cp: number): number => (cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
const asBytes = (s: string): string =>
  s.replace(NON_ASCII, (ch) => "\x01".repeat(utf8Length(ch.codePointAt(0) ?? 0)));

/** perl `split /\s+/`: keeps a leading empty field, drops trailing ones. */
function perlSplit(s: string): string[] {
  const parts = s.split(/[ \t\n\r\f\v]+/);
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** The sentence pieces ROUGE keeps under -l / -b (readText, or readText_LCS when `lcs`). */
function cutSentences(lines: string[], words: number, bytes: number, lcs: boolean): string[] {
  if (words === 0 && bytes === 0) return lines;
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (words !== 0) {
      const w = perlSplit(asBytes(line));
      if (used + w.length < words) {
        out.push(line);
        used += w.length;
        continue;
      }
      out.push(w.slice(0, words - used).join(" "));
    } else {
      const b = asBytes(line);
      if (used + b.length < bytes) {
        out.push(line);
        if (!lcs) used += b.length;
        continue;
      }
      out.push(b.slice(0, bytes - used));
    }
    break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Analysed texts (cached: the same models are scored against many peers). An n-gram bag is
// kept as its sorted keys, so clipped hits are a linear merge of two sorted arrays.

type Keys = Float64Array | string[];

class Analysed {
  private readonly memo = new Map<string, Keys>();
  private unigramCounts?: Map<number, number>;
  constructor(
    /** Token ids as ROUGE-N/S see them (readText). */
    readonly tokens: Int32Array,
    /** Token ids per sentence as ROUGE-L sees them (readText_LCS). */
    readonly sentences: readonly Int32Array[],
  ) {}

  /** Sorted keys of the n-grams (n <= 2: numbers; longer: id strings). */
  ngrams(n: number): Keys {
    const memoKey = `n${n}`;
    let keys = this.memo.get(memoKey);
    if (!keys) {
      const t = this.tokens;
      const count = Math.max(0, t.length - n + 1);
      if (n <= 2) {
        const k = new Float64Array(count);
        for (let i = 0; i < count; i++) k[i] = n === 1 ? t[i] : pairKey(t[i], t[i + 1]);
        keys = k.sort();
      } else {
        keys = Array.from({ length: count }, (_, i) => t.subarray(i, i + n).join(",")).sort();
      }
      this.memo.set(memoKey, keys);
    }
    return keys;
  }

  /** Sorted keys of the skip-bigrams within `maxGap` (plus unigrams with -u). */
  skipBigrams(maxGap: number, withUnigrams: boolean): Keys {
    const memoKey = `s${maxGap}${withUnigrams ? "u" : ""}`;
    let keys = this.memo.get(memoKey);
    if (!keys) {
      const t = this.tokens;
      const last = t.length - 1;
      const out = new Float64Array(Math.max(0, last) * (maxGap < 0 ? t.length : maxGap + 2));
      let k = 0;
      for (let i = 0; i < last; i++) {
        if (withUnigrams) out[k++] = t[i]; // the loop stops before the last token: its unigram is never counted
        const end = maxGap < 0 ? last : Math.min(last, i + maxGap + 1);
        for (let j = i + 1; j <= end; j++) out[k++] = pairKey(t[i], t[j]);
      }
      keys = out.subarray(0, k).sort();
      this.memo.set(memoKey, keys);
    }
    return keys;
  }

  /** Unigram counts, for ROUGE-L clipping. */
  unigrams(): ReadonlyMap<number, number> {
    if (!this.unigramCounts) {
      this.unigramCounts = new Map();
      for (const id of this.tokens) this.unigramCounts.set(id, (this.unigramCounts.get(id) ?? 0) + 1);
    }
    return this.unigramCounts;
  }
}

const CACHE_SIZE = 512;
const analysedCache = new Map<string, Analysed>();

function analyse(text: string, stem: boolean, words: number, bytes: number): Analysed {
  const key = `${stem ? 1 : 0}:${words}:${bytes}:${text}`;
  let a = analysedCache.get(key);
  if (a) {
    analysedCache.delete(key); // refresh LRU position
  } else {
    const lines = text.split("\n").filter((l) => l.length > 0);
    const toIds = (pieces: string[]): Int32Array[] =>
      pieces.map((p) => {
        const ids: number[] = [];
        tokenize(p, stem, ids);
        return Int32Array.from(ids);
      });
    const sentences = toIds(cutSentences(lines, words, bytes, true));
    const flat = bytes !== 0 ? toIds(cutSentences(lines, words, bytes, false)) : sentences;
    const tokens = new Int32Array(flat.reduce((n, s) => n + s.length, 0));
    flat.reduce((at, s) => (tokens.set(s, at), at + s.length), 0);
    a = new Analysed(tokens, sentences);
    if (analysedCache.size >= CACHE_SIZE) analysedCache.delete(analysedCache.keys().next().value ?? "");
  }
  analysedCache.set(key, a);
  return a;
}

// ---------------------------------------------------------------------------------------------
// Matching one peer against one model

interface Match extends Counts { score: number }

/** Sum over shared keys of min(count in a, count in b), for two sorted key arrays. */
function clippedHits(a: Keys, b: Keys): number {
  let i = 0;
  let j = 0;
  let hit = 0;
  while (i < a.length && j < b.length) {
    const key = a[i];
    if (key < b[j]) i++;
    else if (b[j] < key) j++;
    else {
      const startA = i;
      const startB = j;
      while (i < a.length && a[i] === key) i++;
      while (j < b.length && b[j] === key) j++;
      hit += Math.min(i - startA, j - startB);
    }
  }
  return hit;
}

function gramMatch(model: Keys, peer: Keys): Match {
  const hit = clippedHits(model, peer);
  const total = model.length;
  return { hit, model: total, peer: peer.length, score: total ? round5(hit / total) : 0 };
}

let dp = new Int32Array(4096);

/** Marks in `mask` the positions of model sentence `a` on ROUGE's LCS path with peer sentence `b`. */
function markLcs(a: Int32Array, b: Int32Array, mask: Uint8Array): void {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return;
  const w = n + 1;
  if (dp.length < (m + 1) * w) dp = new Int32Array(2 * (m + 1) * w);
  dp.fill(0, 0, w);
  for (let i = 1; i <= m; i++) {
    const ai = a[i - 1];
    const row = i * w;
    const prev = row - w;
    dp[row] = 0;
    for (let j = 1; j <= n; j++) {
      if (ai === b[j - 1]) dp[row + j] = dp[prev + j - 1] + 1;
      else {
        const up = dp[prev + j];
        const left = dp[row + j - 1];
        dp[row + j] = up >= left ? up : left;
      }
    }
  }
  // Backtrack with the perl tie-breaking: diagonal on a match, else up when up >= left.
  for (let i = m, j = n; i > 0 && j > 0; ) {
    if (a[i - 1] === b[j - 1]) {
      i--;
      j--;
      mask[i] = 1;
    } else if (dp[(i - 1) * w + j] >= dp[i * w + j - 1]) i--;
    else j--;
  }
}

function lcsMatch(model: Analysed, peer: Analysed): Match {
  const modelCounts = model.unigrams();
  const peerCounts = peer.unigrams();
  const used = new Map<number, number>(); // each hit consumes one model and one peer unigram
  let hit = 0;
  let base = 0;
  for (const sentence of model.sentences) {
    base += sentence.length;
    const mask = new Uint8Array(sentence.length);
    for (const p of peer.sentences) markLcs(sentence, p, mask);
    for (let j = 0; j < sentence.length; j++) {
      if (!mask[j]) continue;
      const tok = sentence[j];
      const u = used.get(tok) ?? 0;
      if (u < (modelCounts.get(tok) ?? 0) && u < (peerCounts.get(tok) ?? 0)) {
        hit++;
        used.set(tok, u + 1);
      }
    }
  }
  return { hit, model: base, peer: peer.tokens.length, score: base > 0 ? hit / base : 0 };
}

function pool(matches: Match[], mode: "A" | "B"): Counts {
  if (mode === "B") {
    let best: Match = { hit: 0, model: 0, peer: 0, score: -1 };
    for (const m of matches) if (m.score > best.score) best = m;
    return { model: best.model, peer: best.peer, hit: best.hit };
  }
  const sum: Counts = { model: 0, peer: 0, hit: 0 };
  for (const m of matches) {
    sum.model += m.model;
    sum.peer += m.peer;
    sum.hit += m.hit;
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Public API

/** printf("%.5f") as a number: exact decimal rounding, ties (only x = odd/64) to even. */
export function round5(x: number): number {
  const q = x * 64;
  if (Number.isInteger(q) && q % 2 !== 0) {
    const lo = Math.floor(q * 1562.5); // x * 1e5 = q * 1562.5, exact
    return (lo % 2 === 0 ? lo : lo + 1) / 1e5;
  }
  return Number(x.toFixed(5));
}

/** R, P, F from raw counts, rounded exactly as ROUGE-1.5.5 prints a single peer's score. */
export function prfFromCounts(c: Counts, alpha = 0.5): Prf {
  const r = c.model !== 0 ? round5(c.hit / c.model) : 0;
  const p = c.peer !== 0 ? round5(c.hit / c.peer) : 0;
  const d = (1 - alpha) * p + alpha * r;
  return { r, p, f: d > 0 ? round5((p * r) / d) : 0 };
}

/** Name of the skip-bigram metric ROUGE prints for these options, e.g. "rougeSU4". */
export function skipMetricName(o: RougeOptions): string | undefined {
  if (o.skipDistance === undefined) return undefined;
  return `rouge${o.unigramsInSkip ? "SU" : "S"}${o.skipDistance < 0 ? "*" : o.skipDistance}`;
}

/**
 * Per-metric totals for one peer (SPL text: one sentence per line) against its models,
 * after -f A pooling or -f B selection. Keys: rouge1..rougeN, rougeL, and e.g. rougeSU4.
 */
export function rougeCounts(peer: string, models: readonly string[], options: RougeOptions = {}): Record<string, Counts> {
  const stem = options.stem ?? false;
  const words = options.lengthLimit ?? 0;
  const bytes = words === 0 ? options.byteLimit ?? 0 : 0;
  const mode = options.mode ?? "A";
  const P = analyse(peer, stem, words, bytes);
  const Ms = models.map((m) => analyse(m, stem, words, bytes));
  const out: Record<string, Counts> = {};
  for (let n = 1; n <= Math.max(options.n ?? 2, 2); n++) {
    const pg = P.ngrams(n);
    out[`rouge${n}`] = pool(Ms.map((M) => gramMatch(M.ngrams(n), pg)), mode);
  }
  out.rougeL = pool(Ms.map((M) => lcsMatch(M, P)), mode);
  const skipName = skipMetricName(options);
  if (skipName !== undefined) {
    const d = options.skipDistance ?? 0;
    const u = options.unigramsInSkip ?? false;
    const pg = P.skipBigrams(d, u);
    out[skipName] = pool(Ms.map((M) => gramMatch(M.skipBigrams(d, u), pg)), mode);
  }
  return out;
}

/** ROUGE-1.5.5 scores of one peer against its models, as the perl script prints them. */
export function rouge(peer: string, models: readonly string[], options: RougeOptions = {}): RougeScores {
  const alpha = options.alpha ?? 0.5;
  const counts = rougeCounts(peer, models, options);
  const scores: Record<string, Prf> = {};
  for (const [metric, c] of Object.entries(counts)) scores[metric] = prfFromCounts(c, alpha);
  return { ...scores, rouge1: scores.rouge1, rouge2: scores.rouge2, rougeL: scores.rougeL };
}
