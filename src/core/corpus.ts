import { cleanDocument } from "../clean/index.js";
import { markNearDuplicates } from "../clean/duplicates.js";
import { annotate, Lexicon } from "../nlp/index.js";
import type { Article, Corpus, RawDocument } from "../types/index.js";

/** Cleaned articles of a pile of raw documents. */
export interface CleanedArticles {
  /** Every document cleaned, in input order (empty ones included). */
  articles: Article[];
  /** The articles with text left, near-copies marked with `duplicateOf`. */
  usable: Article[];
  /** `usable[k]` is `articles[usableIndex[k]]`. */
  usableIndex: number[];
  /** Input indices of the documents left empty by cleaning. */
  empty: number[];
}

/** Clean each raw document (under the given ids), drop the empty ones, mark near-duplicates. */
export function cleanArticles(docs: readonly RawDocument[], ids: readonly string[]): CleanedArticles {
  const articles = docs.map((doc, i) => cleanDocument(doc, ids[i]));
  const usable: Article[] = [];
  const usableIndex: number[] = [];
  const empty: number[] = [];
  articles.forEach((article, i) => {
    if (article.wordCount === 0) empty.push(i);
    else {
      usable.push(article);
      usableIndex.push(i);
    }
  });
  markNearDuplicates(usable);
  return { articles, usable, usableIndex, empty };
}

/** Annotates one story's articles (sentences, tokens, terms) against one fresh lexicon. */
export function annotateCorpus(articles: Article[]): { corpus: Corpus; lexicon: Lexicon } {
  const lexicon = new Lexicon();
  return { corpus: { articles, docs: articles.map((a) => annotate(a, lexicon)) }, lexicon };
}

export interface BuiltCorpus extends CleanedArticles {
  /** The usable articles, annotated: `corpus.articles[k]` is document `usableIndex[k]` of the input. */
  corpus: Corpus;
  lexicon: Lexicon;
}

/**
 * Raw documents → the corpus a summariser reads: the pipeline `brief` runs (clean, drop empty
 * articles, mark near-duplicates, annotate with one lexicon). Ids default to `d0..dN`.
 */
export function buildCorpus(docs: readonly RawDocument[], ids: readonly string[] = docs.map((_, i) => `d${i}`)): BuiltCorpus {
  const cleaned = cleanArticles(docs, ids);
  return { ...cleaned, ...annotateCorpus(cleaned.usable) };
}
