import { normalizeWord } from "./stem.js";
import { STOPWORDS } from "./stopwords.js";

/**
 * Interns term strings to dense integer ids for one corpus, and caches each surface word's
 * term id and stop-word flag so the tokeniser does one map lookup per token.
 */
export class Lexicon {
  private readonly ids = new Map<string, number>();
  /** Surface word → term id * 2 + stop flag. */
  private readonly surfaces = new Map<string, number>();
  readonly terms: string[] = [];

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** Term id * 2 + (1 if a stop word) for a word as it appears in the text. */
  surface(word: string): number {
    let packed = this.surfaces.get(word);
    if (packed === undefined) {
      const lower = word.toLowerCase().replace(/’/g, "'");
      packed = this.id(normalizeWord(word)) * 2 + (STOPWORDS.has(lower) ? 1 : 0);
      this.surfaces.set(word, packed);
    }
    return packed;
  }

  get size(): number {
    return this.terms.length;
  }
}
