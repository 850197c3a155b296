import { cleanDocument } from "../clean/index.js";
import { whyNotEnglish } from "../clean/language.js";
import { markNearDuplicates } from "../clean/duplicates.js";
import { annotate, Lexicon } from "../nlp/index.js";
import { whyNotGrouped } from "../stories/ungroupable.js";
import { ingestObjects, ingestPaths, type IngestOptions } from "../ingest/index.js";
import type { Article, ArticleInput, Corpus, Message, RawDocument } from "../types/index.js";
import { assignIds } from "./ids.js";

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

/** Reads article objects and paths (files, directories, globs, `-`) into raw documents and the problems met. */
export async function readInputs(inputs: ReadonlyArray<ArticleInput | string>, options: IngestOptions = {}): Promise<{ docs: RawDocument[]; messages: Message[] }> {
  const docs: RawDocument[] = [];
  const messages: Message[] = [];
  // Runs of paths and runs of objects, read in turn, so the articles keep the order they were given in.
  for (let start = 0; start < inputs.length; ) {
    const isPath = typeof inputs[start] === "string";
    let end = start + 1;
    while (end < inputs.length && (typeof inputs[end] === "string") === isPath) end++;
    const run = inputs.slice(start, end);
    const read = isPath ? await ingestPaths(run as string[], options) : ingestObjects(run as ArticleInput[], start);
    docs.push(...read.docs);
    messages.push(...read.messages);
    start = end;
  }
  return { docs, messages };
}

/**
 * `cleanArticles` under assigned ids, reporting articles cleaning left empty, those not in English, those left out of the
 * stories while others can be grouped (`whyNotGrouped`), and a pile with none usable (as `source`).
 */
export function cleanReporting(docs: RawDocument[], messages: Message[], source: string): CleanedArticles {
  const cleaned = cleanArticles(docs, assignIds(docs));
  const where = (i: number) => ({ file: docs[i].file, ...(docs[i].line ? { line: docs[i].line } : {}) });
  for (const i of cleaned.empty) {
    messages.push({ ...where(i), severity: "warning", ruleId: "empty-after-cleaning", reason: "no article text left after removing boilerplate", source: "clean" });
  }
  cleaned.usable.forEach((article, k) => {
    const reason = whyNotEnglish(article.text);
    if (reason) messages.push({ ...where(cleaned.usableIndex[k]), severity: "warning", ruleId: "not-english", reason, source: "clean" });
  });
  const leftOut = cleaned.usable.map(whyNotGrouped);
  const kept = leftOut.flatMap((why, k) => (why ? [] : [k]));
  if (kept.length && kept.length < cleaned.usable.length) {
    leftOut.forEach((why, k) => {
      if (why) messages.push({ ...where(cleaned.usableIndex[k]), severity: "warning", ruleId: why.ruleId, reason: `${why.reason}, left out of the stories`, source: "clean" });
    });
    cleaned.usableIndex = kept.map((k) => cleaned.usableIndex[k]);
    cleaned.usable = kept.map((k) => cleaned.usable[k]);
  }
  if (cleaned.usable.length === 0) {
    messages.push({ file: "(input)", severity: "error", ruleId: "no-usable-articles", reason: "no usable article in the input: give text, Markdown, JSON, JSONL or HTML files, or a directory holding them", source });
  }
  return cleaned;
}

/** Annotates one story's articles (sentences, tokens, terms) against one fresh lexicon. */
export function annotateCorpus(articles: Article[]): { corpus: Corpus; lexicon: Lexicon } {
  const lexicon = new Lexicon();
  return { corpus: { articles, docs: articles.map((a) => annotate(a, lexicon)), terms: lexicon.terms }, lexicon };
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
