import type { Summarizer } from "../types/index.js";
import { lead } from "./lead.js";
import { newsbrief } from "./newsbrief.js";
import { lexrank } from "./lexrank.js";
import { textrank } from "./textrank.js";
import { centroid } from "./centroid.js";
import { random } from "./random.js";

/** Every registered summariser by name; the CLI's `--algorithm` choices come from here. */
export const SUMMARIZERS: ReadonlyMap<string, Summarizer> = new Map([newsbrief, lead, lexrank, textrank, centroid, random].map((s) => [s.name, s]));

export const DEFAULT_ALGORITHM = "newsbrief";

export function getSummarizer(name = DEFAULT_ALGORITHM): Summarizer {
  const found = SUMMARIZERS.get(name);
  if (!found) {
    throw new Error(`NB-E004: unknown algorithm "${name}"; use one of ${[...SUMMARIZERS.keys()].join(", ")}`);
  }
  return found;
}
