import type { Corpus } from "../types/index.js";

/**
 * Concepts are the content-word unigrams and the bigrams (of adjacent words, not both stop
 * words) of each sentence, numbered densely across the corpus.
 *
 * Everything is flat typed arrays walked with indexed loops: a corpus is indexed once, so this
 * code mostly runs before the JIT has optimised it, where nested arrays, closures and
 * iterators cost several times more.
 */
export interface ConceptIndex {
  /** Sentence i of doc d is sentence `docSent[d] + i` of the corpus (`docSent` has one more entry). */
  docSent: Int32Array;
  /** Concepts of corpus sentence s: `concepts[sentFrom[s] .. sentFrom[s + 1])`, unique ids in order of first use. */
  sentFrom: Int32Array;
  /** Holds spare room past the last sentence's concepts. */
  concepts: Int32Array;
  /** Parallel to `concepts`: the word of its sentence (0-based) that completes the concept's first use there. */
  conceptWord: Int32Array;
  /** Number of included documents (duplicates excluded) holding each concept outside copied sentences (entries from `size` on are spare). */
  df: Int32Array;
  /** Whether each concept is a bigram (entries from `size` on are spare). */
  isBigram: Uint8Array;
  /** A unigram's term id, a bigram's first word's (entries from `size` on are spare). */
  term: Int32Array;
  size: number;
}

/**
 * `copied` (optional, per corpus sentence, numbered as `docSent`): 1 for a sentence whose concepts
 * count towards no article's df there (a copy of another article's sentence).
 */
export function indexConcepts(corpus: Corpus, included: boolean[], copied?: Uint8Array): ConceptIndex {
  const docs = corpus.docs;
  let terms = 0;
  let tokens = 0;
  const docSent = new Int32Array(docs.length + 1);
  for (let d = 0; d < docs.length; d++) {
    const tokTerm = docs[d].tokTerm;
    for (let t = 0; t < tokTerm.length; t++) if (tokTerm[t] >= terms) terms = tokTerm[t] + 1;
    tokens += tokTerm.length;
    docSent[d + 1] = docSent[d] + docs[d].sentStart.length;
  }
  // Each token adds at most one unigram and one bigram.
  const bound = 2 * tokens + 1;
  const concepts = new Int32Array(bound);
  const conceptWord = new Int32Array(bound);
  const df = new Int32Array(bound);
  const isBigram = new Uint8Array(bound);
  const termOf = new Int32Array(bound);
  const lastDoc = new Int32Array(bound).fill(-1);
  const lastSent = new Int32Array(bound).fill(-1);
  const unigramId = new Int32Array(terms).fill(-1);
  const bigrams = new PairTable(tokens);
  const sentFrom = new Int32Array(docSent[docs.length] + 1);
  let size = 0;
  let n = 0;
  let s = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    const { tokTerm, tokStop, tokStart, tokEnd, sentTokStart } = doc;
    const sents = doc.sentStart.length;
    for (let i = 0; i < sents; i++, s++) {
      const counts = included[d] && (copied === undefined || copied[s] === 0);
      const from = sentTokStart[i];
      const to = sentTokStart[i + 1];
      for (let t = from; t < to; t++) {
        const term = tokTerm[t];
        if (tokStop[t] === 0 && tokEnd[t] - tokStart[t] > 1) {
          let id = unigramId[term];
          if (id < 0) {
            id = unigramId[term] = size++;
            termOf[id] = term;
          }
          if (lastSent[id] !== s) {
            lastSent[id] = s;
            conceptWord[n] = t - from;
            concepts[n++] = id;
            if (counts && lastDoc[id] !== d) {
              lastDoc[id] = d;
              df[id]++;
            }
          }
        }
        if (t + 1 < to && (tokStop[t] === 0 || tokStop[t + 1] === 0)) {
          let id = bigrams.get(term, tokTerm[t + 1]);
          if (id < 0) {
            id = size++;
            isBigram[id] = 1;
            termOf[id] = term;
            bigrams.set(term, tokTerm[t + 1], id);
          }
          if (lastSent[id] !== s) {
            lastSent[id] = s;
            conceptWord[n] = t + 1 - from;
            concepts[n++] = id;
            if (counts && lastDoc[id] !== d) {
              lastDoc[id] = d;
              df[id]++;
            }
          }
        }
      }
      sentFrom[s + 1] = n;
    }
  }
  // Nothing but the result after the loop: code first reached in the loop's optimised (OSR)
  // version has no type feedback, and each such call or store would throw that version away.
  return { docSent, sentFrom, concepts, conceptWord, df, isBigram, term: termOf, size };
}

/** (int, int) → int open-addressing table: a Map keyed by `a * terms + b` boxes keys past 2^31 and is slower cold. */
class PairTable {
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  /** Value + 1; 0 marks a free slot. */
  private readonly v: Int32Array;
  private readonly mask: number;
  private slot = 0;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.a = new Int32Array(size);
    this.b = new Int32Array(size);
    this.v = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The value stored for (a, b), or -1 (then `set` for the same pair fills the slot found). */
  get(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ b;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    let s = (h ^ (h >>> 16)) & this.mask;
    for (;;) {
      const v = this.v[s];
      if (v === 0) {
        this.slot = s;
        return -1;
      }
      if (this.a[s] === a && this.b[s] === b) return v - 1;
      s = (s + 1) & this.mask;
    }
  }

  set(a: number, b: number, value: number): void {
    this.a[this.slot] = a;
    this.b[this.slot] = b;
    this.v[this.slot] = value + 1;
  }
}
