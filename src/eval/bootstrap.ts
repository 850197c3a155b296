/**
 * Corpus-level ROUGE averages with bootstrap confidence intervals, as ROUGE-1.5.5 computes
 * them for `-c 95 -r 1000`:
 * - resample i (0-based) is drawn with perl's `srand(i)` and `int(rand(N))`; perl's rand is
 *   drand48 (its built-in copy since 5.20, glibc's before), reproduced here exactly;
 * - the printed "Average" is the mean of the resample means (not the plain mean);
 * - the interval bounds are order statistics of the sorted resample means.
 * To get ROUGE's exact numbers, pass the per-peer scores in ROUGE's instance order: the
 * string-sorted "<evalID>.<peerID>" keys.
 */
import { round5, type Counts, type Prf } from "./rouge.js";

export interface BootstrapOptions {
  /** Number of resamples (-r), default 1000. */
  resamples?: number;
  /** Confidence level (-c) as a fraction (0.95) or percent (95); default 0.95. */
  confidence?: number;
  /** Resample i is seeded with seed + i; default 0, as ROUGE-1.5.5. */
  seed?: number;
  /** -p alpha, used by bootstrapCounts to turn pooled counts into F; default 0.5. */
  alpha?: number;
}

/** A score as ROUGE prints it: resample mean and confidence interval, rounded to 5 places. */
export interface Interval { mean: number; low: number; high: number }
export interface BootstrapResult {
  r: Interval;
  p: Interval;
  f: Interval;
  /** Plain (non-resampled) mean of the inputs, rounded to 5 places. */
  plain: Prf;
  n: number;
}

/** drand48 as used by perl's srand/rand (48-bit LCG, kept as two 24-bit halves). */
class Drand48 {
  private hi: number;
  private lo: number;
  constructor(seed: number) {
    const s = seed >>> 0; // X0 = seed << 16 | 0x330e
    this.hi = Math.floor(s / 256);
    this.lo = ((s & 0xff) << 16) | 0x330e;
  }
  next(): number {
    const A_HI = 0x5de; // multiplier 0x5deece66d, split at bit 24
    const A_LO = 0xece66d;
    const { hi, lo } = this;
    const low = lo * A_LO + 0xb; // < 2^48: exact
    const carry = Math.floor(low / 0x1000000);
    this.lo = low - carry * 0x1000000;
    this.hi = (hi * A_LO + lo * A_HI + carry) % 0x1000000; // < 2^49: exact
    return (this.hi * 0x1000000 + this.lo) / 2 ** 48;
  }
}

type Triple = [number, number, number];

/** Runs the resampling: `reduce` turns the sums of one resample into its [R, P, F]. */
function resample(items: readonly Triple[], opts: BootstrapOptions, reduce: (sum: Triple) => Triple): [Interval, Interval, Interval] {
  const count = opts.resamples ?? 1000;
  const conf = opts.confidence ?? 0.95;
  const pct = Math.round((conf <= 1 ? conf * 100 : conf) * 1e9) / 1e9;
  const seed = opts.seed ?? 0;
  const n = items.length;
  const samples: Float64Array[] = [new Float64Array(count), new Float64Array(count), new Float64Array(count)];
  for (let i = 0; i < count; i++) {
    const rng = new Drand48(seed + i);
    const sum: Triple = [0, 0, 0];
    for (let k = 0; k < n; k++) {
      const it = items[Math.floor(n * rng.next())];
      sum[0] += it[0];
      sum[1] += it[1];
      sum[2] += it[2];
    }
    const s = reduce(sum);
    for (let c = 0; c < 3; c++) samples[c][i] = s[c];
  }
  const delta = (count * ((100 - pct) / 2)) / 100;
  const upA = Math.trunc(count - delta - 1);
  const lowA = Math.trunc(delta);
  const ratio = count - delta - 1 - upA;
  const at = (a: Float64Array, i: number): number => (i >= 0 && i < a.length ? a[i] : 0);
  const interval = (a: Float64Array): Interval => {
    a.sort();
    let total = 0;
    for (const x of a) total += x; // summed in sorted order, as perl does
    return {
      mean: count > 0 ? round5(total / count) : 0,
      low: round5(at(a, lowA) + (at(a, lowA + 1) - at(a, lowA)) * ratio),
      high: round5(at(a, upA) + (at(a, upA + 1) - at(a, upA)) * ratio),
    };
  };
  return [interval(samples[0]), interval(samples[1]), interval(samples[2])];
}

/** ROUGE-1.5.5 default corpus score (-t 0): bootstrap over per-peer R/P/F (already rounded). */
export function bootstrap(scores: readonly Prf[], opts: BootstrapOptions = {}): BootstrapResult {
  const n = scores.length;
  const items = scores.map((s): Triple => [s.r, s.p, s.f]);
  const [r, p, f] = resample(items, opts, ([a, b, c]) => (n > 0 ? [a / n, b / n, c / n] : [0, 0, 0]));
  const mean = (k: keyof Prf): number => (n > 0 ? round5(scores.reduce((t, s) => t + s[k], 0) / n) : 0);
  return { r, p, f, plain: { r: mean("r"), p: mean("p"), f: mean("f") }, n };
}

/** ROUGE-1.5.5 `-t 1` corpus score: bootstrap over per-peer counts pooled into R/P/F. */
export function bootstrapCounts(counts: readonly Counts[], opts: BootstrapOptions = {}): BootstrapResult {
  const alpha = opts.alpha ?? 0.5;
  const toPrf = ([m, p, h]: Triple): Triple => {
    const r = m > 0 ? h / m : 0;
    const pr = p > 0 ? h / p : 0;
    const d = (1 - alpha) * pr + alpha * r;
    return [r, pr, d > 0 ? (r * pr) / d : 0];
  };
  const items = counts.map((c): Triple => [c.model, c.peer, c.hit]);
  const [r, p, f] = resample(items, opts, toPrf);
  const total = items.reduce<Triple>((t, x) => [t[0] + x[0], t[1] + x[1], t[2] + x[2]], [0, 0, 0]);
  const plain = toPrf(total).map(round5);
  return { r, p, f, plain: { r: plain[0], p: plain[1], f: plain[2] }, n: counts.length };
}
