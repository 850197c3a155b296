import { isHalfQuote, startsDangling, startsPointingBack, startsWithBareDescription } from "../summarize/candidates.js";
import type { Corpus, Selection, Sentence } from "../types/index.js";

/** A lead sentence is one of its article's first this many: where news states what it reports. */
const LEAD_SENTENCES = 2;

/**
 * Openings that lean on something said before ("Another reason…", "The other defendant…", "One
 * would create…"), a quotation, or a label ("Update:", "Wanted:"): no way to open a briefing.
 */
const UNFIT_OPENING = /^(?:["“‘']|(?:another|the other|the same|the latter|the former)\b|one (?:would|will|is|was|has|of them)\b|[\p{L}]+(?: [\p{L}]+)?: )/iu;

/** "also" before the first comma (not one inside a number): "Lazio also voted…", "The committee also said…" adds to a point made elsewhere. */
const ADDS_TO = /^(?:[^,]|,(?=\d))*\balso\b/i;

/**
 * The story's headline among its summary sentences (`sentences[k]` is `picked[k]`): one that reads
 * on its own and states news. A lead sentence (among the first `LEAD_SENTENCES` of its article) says
 * what its article reports, where a point most sources repeat is often background ("Turkey is often
 * criticized for its rights record."); so leads come first, then the most sources, then the
 * summariser's score. When no sentence reads on its own, the most sources, then the score. With a
 * reader's focus (`focused`), what answers it leads, wherever it stands in its article.
 */
export function chooseHeadline(corpus: Corpus, sentences: Sentence[], picked: Selection[], focused = false): Sentence {
  const rank = (k: number): number[] => {
    const alone = standsAlone(corpus, picked[k], sentences[k].text);
    const lead = alone && !focused && picked[k].sent < LEAD_SENTENCES;
    return [alone ? 1 : 0, lead ? 1 : 0, sentences[k].supportingArticleIds.length, picked[k].score];
  };
  let best = 0;
  let bestRank = rank(0);
  for (let k = 1; k < sentences.length; k++) {
    const r = rank(k);
    const d = r.findIndex((x, i) => x !== bestRank[i]);
    if (d >= 0 && r[d] > bestRank[d]) {
      best = k;
      bestRank = r;
    }
  }
  return sentences[best];
}

function standsAlone(corpus: Corpus, sel: Selection, text: string): boolean {
  const doc = corpus.docs[sel.doc];
  return !(startsDangling(doc, sel.sent) || startsPointingBack(doc, sel.sent) || startsWithBareDescription(doc, sel.sent) || isHalfQuote(text) || UNFIT_OPENING.test(text) || ADDS_TO.test(text));
}
