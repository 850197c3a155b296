import { annotate, Lexicon } from "../nlp/index.js";
import type { Article, Corpus } from "../types/index.js";

/** A cleaned article as the pipeline hands it on, from plain text (tests only). */
export function testArticle(id: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, title: id, text, wordCount: text.split(/\s+/).length, removed: { boilerplate: 0, captions: 0, bylines: 0, teaserBlocks: 0, repeatedParagraphs: 0, chars: 0 }, rawOffsets: [], ...extra };
}

/** An annotated corpus of plain texts, articles a0, a1, … (tests only). */
export function corpusOfTexts(texts: string[]): Corpus {
  const lexicon = new Lexicon();
  const articles = texts.map((t, i) => testArticle(`a${i}`, t));
  return { articles, docs: articles.map((a) => annotate(a, lexicon)), terms: lexicon.terms };
}

/**
 * One long article of `sentences` sentences drawn (seeded) from a few words: nearly every sentence
 * repeats what the first ones picked cover, the worst case for a selection that rescans.
 */
export function repetitiveArticle(sentences: number): string {
  const words = "council vote budget mayor plan city water tax school road police fire park bridge union strike court".split(" ");
  let seed = 1;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const picked = Array.from({ length: 12 + next(8) }, () => words[next(words.length)]);
    out.push(`The ${picked.join(" ")} said the ${words[next(words.length)]} official.${i % 4 === 3 ? "\n\n" : " "}`);
  }
  return out.join("");
}
