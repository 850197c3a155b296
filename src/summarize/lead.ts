import type { Budget, Corpus, Selection, Summarizer } from "../types/index.js";
import { BudgetTracker } from "./budget.js";
import { isCandidate, wordsOf } from "./candidates.js";

/** The DUC baseline: the opening sentences of the most recent article. */
export const lead: Summarizer = {
  name: "lead",
  description: "first sentences of the most recent article (DUC baseline)",
  summarize(corpus: Corpus, budget: Budget): Selection[] {
    const order = corpus.articles
      .map((a, d) => ({ d, date: a.published ?? "", dup: Boolean(a.duplicateOf) }))
      .filter((x) => !x.dup)
      .sort((a, b) => (b.date > a.date ? 1 : b.date < a.date ? -1 : b.d - a.d));
    const tracker = new BudgetTracker(budget);
    const out: Selection[] = [];
    for (const { d } of order) {
      const doc = corpus.docs[d];
      for (let i = 0; i < doc.sentStart.length && !tracker.full; i++) {
        if (!isCandidate(doc, i) || !tracker.fits(wordsOf(doc, i))) continue;
        tracker.take(wordsOf(doc, i));
        out.push({ doc: d, sent: i, score: 1 / (1 + out.length) });
      }
      if (tracker.full) break;
    }
    return out;
  },
};
