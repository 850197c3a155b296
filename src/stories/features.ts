/**
 * What story grouping compares: a sparse weighted term vector per article (content-word stems, with
 * capitalised names counted extra and name bigrams added), and a time interval (the publication
 * date, or an estimate from the content with its confidence). One linear pass over the text.
 */
import { normalizeWord } from "../nlp/stem.js";
import { STOPWORDS } from "../nlp/stopwords.js";
import { dayNumber, estimatePublished, parseIsoDate, type DateEstimate } from "../timeline/dates.js";

/** Interns feature strings across articles and counts document frequencies. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly df: number[] = [];
  readonly names: string[] = [];
  docs = 0;

  id(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(feature, id);
      this.names.push(feature);
      this.df.push(0);
    }
    return id;
  }

  /** Counts one document holding these (distinct) features. */
  addDocument(features: Int32Array): void {
    this.docs++;
    for (const f of features) this.df[f]++;
  }

  /**
   * Inverse document frequency, as if `prior` more documents lacking the feature had been seen: a
   * small pile says little about which words are common, so its features stay nearly equal.
   */
  idf(feature: number, prior = 0): number {
    return Math.log((this.docs + prior + 1) / (this.df[feature] + 0.5));
  }
}

/** An article's raw features: distinct feature ids and their (weighted) counts. */
export interface RawFeatures {
  ids: Int32Array;
  counts: Float32Array;
  /** Surface form of each feature seen capitalised mid-sentence (a name), for labels. */
  surfaces: Map<number, string>;
  /** The text has (almost) no capitals inside sentences (see `lowerCased`). */
  lowerCased: boolean;
}

export interface TimeInfo {
  /** Day numbers bounding when the article was written (inclusive); `hi` Infinity for a guessed year (see `DateEstimate.guessed`). */
  lo: number;
  hi: number;
  /** Point estimate (day number). */
  day: number;
  /** 1 for a given publication date; the estimate's confidence otherwise. */
  confidence: number;
  estimate?: DateEstimate;
}

const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*\.?/gu;
/** Weight of a capitalised word that does not start a sentence (a name), relative to a plain word. */
export const NAME_WEIGHT = 2;
/** Weight of a two-word name ("Sergei Lavrov"). */
export const BIGRAM_WEIGHT = 2;
/** Weight of two adjacent content words in lower-cased text (see `lowerCased`). */
export const PHRASE_WEIGHT = 1;
/** Feature-name prefix of those phrases. */
export const PHRASE = "p:";

/** Words that are capitalised for grammar, not because they name something. */
const NOT_NAMES = new Set(["I", "The", "A", "An", "In", "On", "At", "But", "And", "Or", "It", "He", "She", "They", "We", "This", "That", "Mr", "Mrs", "Ms", "Dr"]);

export function extractFeatures(text: string, vocab: Vocabulary, maxChars = 20_000): RawFeatures {
  const counts = new Map<number, number>();
  const surfaces = new Map<number, string>();
  const limit = Math.min(text.length, maxChars);
  WORD.lastIndex = 0;
  let prevName: string | undefined;
  let prevSurface = "";
  let prevEnd = -10;
  const phrases = lowerCased(text.slice(0, limit));
  let prevWord: string | undefined;
  let prevWordEnd = -10;
  for (let m = WORD.exec(text); m && m.index < limit; m = WORD.exec(text)) {
    let word = m[0];
    if (word.endsWith(".") && !/^(?:\p{Lu}\.)+$/u.test(word)) word = word.slice(0, -1);
    const lower = word.toLowerCase();
    const first = word.charCodeAt(0);
    const capital = first >= 65 && first <= 90 ? true : first > 127 ? word[0] !== word[0].toLowerCase() : false;
    const initial = capital && sentenceInitial(text, m.index);
    const isName = capital && !initial && !NOT_NAMES.has(word);
    if (STOPWORDS.has(lower) || lower.length < 3 || /^\d/.test(lower)) {
      if (!(isName && /^(?:\p{Lu}\.?){2,}$/u.test(word))) {
        // Keep acronyms such as U.S. or UN as names; everything else here is a function word.
        prevName = undefined;
        prevWord = undefined;
        continue;
      }
    }
    // One feature per word, cased or not ("Lavrov" at a sentence start, "lavrov" in lower-cased text).
    const id = vocab.id(normalizeWord(lower.replace(/\./g, "")));
    counts.set(id, (counts.get(id) ?? 0) + (isName ? NAME_WEIGHT : 1));
    if (phrases) {
      if (prevWord !== undefined && m.index - prevWordEnd <= 1) {
        const phrase = vocab.id(PHRASE + prevWord + " " + lower);
        counts.set(phrase, (counts.get(phrase) ?? 0) + PHRASE_WEIGHT);
      }
      prevWord = lower;
      prevWordEnd = m.index + word.length;
    }
    if (isName) {
      if (!surfaces.has(id)) surfaces.set(id, word);
      if (prevName !== undefined && m.index - prevEnd <= 1) {
        const big = vocab.id("b:" + prevName + " " + lower);
        counts.set(big, (counts.get(big) ?? 0) + BIGRAM_WEIGHT);
        if (!surfaces.has(big)) surfaces.set(big, prevSurface + " " + word);
      }
      prevName = lower;
      prevSurface = word;
      prevEnd = m.index + word.length;
    } else prevName = undefined;
  }
  const ids = Int32Array.from(counts.keys());
  const values = Float32Array.from(counts.values());
  return { ids, counts: values, surfaces, lowerCased: phrases };
}

/**
 * Text with (almost) no capital inside sentences (Multi-News): its names ("hillary clinton",
 * "self-driving cars") cannot be told by case, so adjacent content words stand in for them.
 */
export function lowerCased(text: string): boolean {
  const words = (text.match(/[a-z]+/gi) ?? []).length;
  const capitals = (text.match(/[a-z,;] [A-Z][a-z]/g) ?? []).length;
  return words >= 20 && capitals < words * 0.01;
}

function sentenceInitial(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 6; i--) {
    const c = text[i];
    if (c === " " || c === "\t") continue;
    return c === "." || c === "!" || c === "?" || c === "\n" || c === "“" || c === '"' || c === ":" || c === "—" || c === "(" || c === "'" || c === "‘";
  }
  return true;
}

/** When an article was written: its date, or an estimate from its text (undefined: no evidence). */
export function timeOf(published: string | undefined, text: string): TimeInfo | undefined {
  const p = parseIsoDate(published);
  if (p) {
    const lo = dayNumber(p.y, p.m ?? 1, p.d ?? 1);
    const hi = p.d !== undefined ? lo : p.m !== undefined ? dayNumber(p.y, p.m + 1) - 1 : dayNumber(p.y + 1) - 1;
    return { lo, hi, day: lo, confidence: 1 };
  }
  const estimate = estimatePublished(text, { guess: true });
  if (!estimate) return undefined;
  return { lo: estimate.lo, hi: estimate.guessed ? Infinity : estimate.hi, day: estimate.day, confidence: estimate.confidence, estimate };
}
