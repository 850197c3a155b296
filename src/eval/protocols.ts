import path from "node:path";
import { parseRougeArgs, type RougeOptions } from "./rouge.js";

/** How a dataset is scored: summary length, ROUGE-1.5.5 options, and the measure its papers report. */
export interface Protocol {
  name: string;
  /** Summary budget in words. */
  words: number;
  /** The measure published results report: recall (DUC) or F (Multi-News). */
  measure: "r" | "f";
  /** The ROUGE-1.5.5 command line of the protocol, for the record. */
  rouge: string;
  description: string;
}

export const PROTOCOLS: ReadonlyMap<string, Protocol> = new Map(
  [
    { name: "duc", words: 100, measure: "r", rouge: "-n 4 -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 -a", description: "DUC 2003/2004 generic task: 100 words, recall" },
    { name: "duc-250", words: 250, measure: "r", rouge: "-n 4 -m -l 250 -x -c 95 -r 1000 -f A -p 0.5 -t 0 -a", description: "DUC 2005-2007: 250 words, recall" },
    { name: "multinews", words: 300, measure: "f", rouge: "-n 2 -m -2 4 -u -x -f A -p 0.5 -t 0 -a", description: "Multi-News (Fabbri et al. 2019): 300 words, F" },
    { name: "multinews-100", words: 100, measure: "f", rouge: "-n 2 -m -2 4 -u -x -f A -p 0.5 -t 0 -a", description: "Multi-News at 100 words, F" },
  ].map((p) => [p.name, p as Protocol]),
);

export function getProtocol(name: string): Protocol {
  const p = PROTOCOLS.get(name);
  if (!p) throw new Error(`unknown protocol "${name}"; use one of ${[...PROTOCOLS.keys()].join(", ")}`);
  return p;
}

/** The standard protocol of a dataset, from its folder (or file) name; undefined when unknown. */
export function defaultProtocol(file: string): string | undefined {
  const parts = path.resolve(file).split(path.sep).map((s) => s.toLowerCase());
  for (const part of parts.reverse()) {
    if (part.startsWith("duc2003") || part.startsWith("duc2004") || part === "duc2007_update") return "duc";
    if (part.startsWith("duc2005") || part.startsWith("duc2006") || part === "duc2007_main" || part.startsWith("multiling")) return "duc-250";
    if (part.startsWith("multinews") || part.startsWith("multi-news") || part.startsWith("multi_news")) return "multinews";
  }
  return undefined;
}

/** What the harness hands the scorer for one protocol at one budget. */
export interface Scoring {
  /** Options for `rougeCounts` (always with ROUGE-SU4 and ROUGE-L, which the tables report). */
  rouge: RougeOptions;
  /** Words kept of the peer before scoring, as ROUGE `-l` cuts it (0: no cut). */
  peerWords: number;
  /** Bootstrap resamples and confidence level (percent). */
  resamples: number;
  confidence: number;
  alpha: number;
}

/**
 * Scoring settings for a protocol. `words` (the budget, default the protocol's) replaces the
 * protocol's `-l`; protocols without `-l` (Multi-News) cut only the peer at the budget, the way
 * ROUGE's -l would, and leave the references whole.
 */
export function scoringFor(protocol: Protocol, words = protocol.words): Scoring {
  const rouge = parseRougeArgs(protocol.rouge);
  rouge.skipDistance = 4;
  rouge.unigramsInSkip = true;
  let peerWords = 0;
  if (rouge.lengthLimit !== undefined) rouge.lengthLimit = words;
  else peerWords = words;
  return { rouge, peerWords, resamples: rouge.resamples ?? 1000, confidence: rouge.confidence ?? 95, alpha: rouge.alpha ?? 0.5 };
}

/**
 * Keeps the first `words` words of an SPL text (one sentence per line) exactly as ROUGE-1.5.5's
 * `-l` does: words are runs between ASCII whitespace; the line that reaches the limit is cut and
 * re-joined with single spaces, and nothing after it is kept.
 */
export function cutWords(lines: readonly string[], words: number): string[] {
  if (words <= 0) return [...lines];
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    const w = line.split(/[ \t\n\r\f\v]+/);
    while (w.length > 0 && w[w.length - 1] === "") w.pop();
    if (used + w.length < words) {
      out.push(line);
      used += w.length;
      continue;
    }
    out.push(w.slice(0, words - used).join(" "));
    break;
  }
  return out;
}
