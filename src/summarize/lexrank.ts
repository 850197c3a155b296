import type { Budget, Corpus, Selection, Summarizer } from "../types/index.js";
import { byScore, candidateSentences, cosine, cosineMatrix, earliestSentences, GRAPH_SENTENCES, pageRank, pickInOrder, sentenceIdf, termCounts, termSpace, weighted } from "./vectors.js";

/** Edges below this idf-modified cosine are dropped (Erkan & Radev's threshold 0.1). */
const THRESHOLD = 0.1;
const DAMPING = 0.85;
/** A sentence closer than this to one already picked is skipped (as sumy and MEAD do). */
const REDUNDANT = 0.5;

/**
 * LexRank, continuous variant: G. Erkan and D. R. Radev (2004), "LexRank: Graph-based Lexical
 * Centrality as Salience in Text Summarization", JAIR 22:457–479. Sentences are tf-idf vectors
 * (idf over the cluster's sentences); edges weigh their cosine where it reaches 0.1; sentence
 * salience is the stationary distribution of the damped random walk (power iteration). Sentences
 * are then taken by salience, skipping any with cosine above 0.5 to one already taken.
 */
export const lexrank: Summarizer = {
  name: "lexrank",
  description: "LexRank (Erkan & Radev 2004): centrality in the tf-idf cosine graph",
  maxSentences: GRAPH_SENTENCES,
  summarize(corpus: Corpus, budget: Budget): Selection[] {
    const refs = earliestSentences(candidateSentences(corpus), GRAPH_SENTENCES);
    const n = refs.length;
    if (n === 0) return [];
    const idf = sentenceIdf(corpus, termSpace(corpus));
    const vectors = refs.map((r) => weighted(termCounts(corpus, r.doc, r.sent), idf));
    const sim = cosineMatrix(vectors);
    for (let k = 0; k < sim.length; k++) if (sim[k] < THRESHOLD) sim[k] = 0;
    const scores = pageRank(sim, n, DAMPING);
    return pickInOrder(refs, byScore(scores), scores, budget, (k, picked) => picked.some((j) => cosine(vectors[k], vectors[j]) > REDUNDANT));
  },
};
