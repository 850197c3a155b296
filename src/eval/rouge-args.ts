import type { RougeOptions } from "./rouge.js";

const TAKES_VALUE = new Set(["b", "c", "e", "f", "l", "n", "p", "t", "r", "2", "3", "w", "z"]);
const UNSUPPORTED = ["s", "w", "3", "M", "U"];

/**
 * Parses a ROUGE-1.5.5 command line ("-n 2 -m -2 4 -u -l 100 -f A -p 0.5 -t 0 -a"), with
 * perl getopts rules (bundled flags, "-n2" or "-n 2"). I/O options (-a -d -e -h -H -v -z) and
 * file names are ignored; -x is accepted but ROUGE-L is always computed. Without -n, n is 0
 * (ROUGE-1 and ROUGE-2 are still reported). Stopwords (-s), ROUGE-W (-w), BE (-3), -M and -U
 * are not supported and throw.
 */
export function parseRougeArgs(cmdline: string): RougeOptions {
  const args = cmdline.split(/\s+/).filter((a) => a !== "");
  const opts = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-") || arg === "-") continue; // config file / system id
    for (let k = 1; k < arg.length; k++) {
      const flag = arg[k];
      if (!TAKES_VALUE.has(flag)) {
        opts.set(flag, true);
        continue;
      }
      const value = k + 1 < arg.length ? arg.slice(k + 1) : args[++i];
      if (value === undefined) throw new Error(`rouge: option -${flag} needs a value`);
      opts.set(flag, value);
      break;
    }
  }
  for (const flag of UNSUPPORTED) if (opts.has(flag)) throw new Error(`rouge: option -${flag} is not supported`);
  if (opts.has("l") && opts.has("b")) throw new Error("rouge: use -l or -b, not both");

  const num = (flag: string): number | undefined => {
    const v = opts.get(flag);
    if (v === undefined) return undefined;
    const x = Number(v);
    if (v === true || !Number.isFinite(x)) throw new Error(`rouge: bad value for -${flag}`);
    return x;
  };
  const alpha = num("p") ?? 0.5;
  if (alpha < 0 || alpha > 1) throw new Error("rouge: -p must be in [0, 1]");
  const result: RougeOptions = {
    n: num("n") ?? 0,
    stem: opts.has("m"),
    unigramsInSkip: opts.has("u"),
    mode: opts.get("f") === "B" ? "B" : "A", // any other -f value means model averaging in perl
    alpha,
  };
  const skip = num("2");
  if (skip !== undefined) result.skipDistance = skip;
  const words = num("l");
  if (words !== undefined) result.lengthLimit = words;
  const bytes = num("b");
  if (bytes !== undefined) result.byteLimit = bytes;
  const confidence = num("c");
  if (confidence !== undefined) result.confidence = confidence;
  const resamples = num("r");
  if (resamples !== undefined) result.resamples = resamples;
  const t = num("t");
  if (t !== undefined) result.average = t === 1 || t === 2 ? t : 0;
  return result;
}
