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
