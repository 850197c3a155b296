import { globalTerm, lookupSpan, lookupWord, vocabularyGeneration } from "./vocabulary.js";

/**
 * Interns term strings to dense integer ids for one corpus (in order of first use), and maps
 * each surface word to its term id and stop-word flag through the process-wide vocabulary,
 * so the tokeniser does one table lookup per token.
 */
export class Lexicon {
  /** Term → id, built on the first `id` call or vocabulary reset: until then `local` alone keeps terms unique. */
  private ids?: Map<string, number>;
  readonly terms: string[] = [];
  /** Global term number → this lexicon's term id + 1 (0: not yet mapped). */
  private local = new Int32Array(1 << 14);
  private generation = vocabularyGeneration();

  id(term: string): number {
    const ids = (this.ids ??= new Map(this.terms.map((t, i) => [t, i])));
    let id = ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** Term id * 2 + (1 if a stop word) for a word as it appears in the text. */
  surface(word: string): number {
    return this.fromGlobal(lookupWord(word));
  }

  /** `surface(text.slice(start, end))`, given `hashSpan(text, start, end)`, without the slice. */
  surfaceSpan(text: string, start: number, end: number, hash: number): number {
    return this.fromGlobal(lookupSpan(text, start, end, hash));
  }

  private fromGlobal(packed: number): number {
    if (this.generation !== vocabularyGeneration()) {
      this.generation = vocabularyGeneration();
      this.local = new Int32Array(1 << 14);
      // Global numbers were reused: terms seen before may come back under new numbers.
      this.ids ??= new Map(this.terms.map((t, i) => [t, i]));
    }
    const g = packed >> 1;
    if (g >= this.local.length) this.grow(g);
    let id = this.local[g] - 1;
    if (id < 0) {
      // A global term number stands for one term string, so `local` alone keeps ids unique.
      if (this.ids) id = this.id(globalTerm(g));
      else {
        id = this.terms.length;
        this.terms.push(globalTerm(g));
      }
      this.local[g] = id + 1;
    }
    return id * 2 + (packed & 1);
  }

  private grow(g: number): void {
    const grown = new Int32Array(Math.max(g + 1, this.local.length * 2));
    grown.set(this.local);
    this.local = grown;
  }

  get size(): number {
    return this.terms.length;
  }
}
