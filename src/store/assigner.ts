import { MIN_STORY_WORDS } from "../clean/too-short.js";
import { STOPWORDS } from "../nlp/stopwords.js";
import { StoryIndex, type StoryOptions } from "../stories/index.js";
import type { AssignInput, KeyMerge } from "./types.js";

/**
 * Decides which story each arriving article joins. Called once per new article, in arrival order;
 * `load` rebuilds its state from the stored articles when the service starts.
 */
export interface StoryAssigner {
  readonly name: string;
  /** Returns the story key of the article: an existing key joins that story, a new key starts one. */
  assign(article: AssignInput): string;
  /**
   * Replays stored articles (with the story key each got) so that later calls continue consistently;
   * `keysInUse` are keys no new story may take (stories merged away keep theirs).
   */
  load(articles: ReadonlyArray<AssignInput & { storyKey: string }>, keysInUse?: Iterable<string>): void;
  /** Stories found to be one since the last call (each `from` key folds into its `into` key), in order. */
  takeMerges?(): KeyMerge[];
}

/** The `AssignFn` of an assigner: its key for the article and the merges that arrival caused. */
export function assignWithMerges(assigner: StoryAssigner, article: AssignInput): string | { key: string; merges: KeyMerge[] } {
  const key = assigner.assign(article);
  const merges = assigner.takeMerges?.() ?? [];
  return merges.length ? { key, merges } : key;
}

/** Every article in one story. */
export class SingleStoryAssigner implements StoryAssigner {
  readonly name = "single";
  assign(): string {
    return "all";
  }
  load(): void {}
}

/**
 * The service's default: the incremental `StoryIndex` of src/stories (tf-idf centroids with a time
 * discount), which places each article without revisiting earlier ones. Its cluster numbers are
 * mapped to story keys: on `load` a cluster takes the stored key of its first article (so a
 * database grouped by another assigner keeps its stories), and a new cluster gets a fresh `i<n>`.
 *
 * Stories also merge: when the index joins two clusters that both have keys (an article bridging
 * them, a refresh), the smaller story's key is reported by `takeMerges` for the store to fold into
 * the other, so the stored grouping is always the index's grouping. A refresh of the whole index
 * (`StoryIndex.refresh`, at the index's small-pile caution) runs each time the pile has grown by a
 * quarter (each time it doubles, past 256 articles): without it a fresh store keeps its first
 * articles apart (six reports of one earthquake stayed six stories). It used to be the batch run's
 * final pass (`refine`, plain thresholds), which on piles of a few articles merged stories for
 * good that a batch run keeps apart: the stories bench's service F1 (seeds 7 / 11, --quick) went
 * 0.706 / 0.657 → 0.917 / 0.876 on DUC 2003, 0.820 / 0.846 → 0.892 / 0.932 on DUC 2007 update,
 * 0.883 / 0.877 → 0.921 / 0.908 on MultiLing, 0.810 / 0.803 → 0.816 / 0.831 and
 * 0.844 / 0.837 → 0.842 / 0.847 on Multi-News, and at topic granularity from 0.42-0.55 to 0.88-0.96.
 * Its cost stays linear: each pass re-reads the pile once.
 */
export class StoryIndexAssigner implements StoryAssigner {
  readonly name = "story-index";
  private index: StoryIndex;
  private readonly keyOf = new Map<number, string>();
  private readonly usedKeys = new Set<string>();
  private merges: KeyMerge[] = [];
  private next = 1;
  private nextRefresh = REFRESH_FIRST;

  constructor(private readonly options: StoryOptions = {}) {
    this.index = new StoryIndex(options);
  }

  assign(article: AssignInput): string {
    if (tooShort(article)) return this.freshKey();
    const cluster = this.add(article);
    let key = this.keyOf.get(cluster);
    if (key === undefined) this.claim(cluster, (key = this.freshKey()));
    this.refreshIfDue();
    return key;
  }

  private freshKey(): string {
    let key: string;
    do key = `i${this.next++}`;
    while (this.usedKeys.has(key));
    this.usedKeys.add(key);
    return key;
  }

  /** The index's current grouping (article ids per story), which the store mirrors once merges are applied. */
  groups(): string[][] {
    return this.index.stories(false).map((s) => s.articleIds);
  }

  takeMerges(): KeyMerge[] {
    const merges = this.merges;
    this.merges = [];
    return merges;
  }

  load(articles: ReadonlyArray<AssignInput & { storyKey: string }>, keysInUse: Iterable<string> = []): void {
    this.index = new StoryIndex(this.options);
    this.keyOf.clear();
    for (const key of keysInUse) this.usedKeys.add(key);
    this.nextRefresh = REFRESH_FIRST;
    for (const a of articles) {
      this.usedKeys.add(a.storyKey);
      if (tooShort(a)) continue;
      const cluster = this.add(a);
      if (!this.keyOf.has(cluster)) this.claim(cluster, a.storyKey);
      this.refreshIfDue();
    }
    // The stored grouping is the truth for what is already stored; replayed merges only re-link keys.
    this.merges = [];
  }

  private add(article: AssignInput): number {
    const cluster = this.index.add(storyArticle(article));
    this.followMerges();
    return cluster;
  }

  private refreshIfDue(): void {
    if (this.index.size < this.nextRefresh) return;
    this.nextRefresh = Math.ceil(this.index.size * (this.index.size < REFRESH_SLOWER_FROM ? REFRESH_GROWTH : 2));
    this.index.refresh();
    this.followMerges();
  }

  /** Carries keys through the index's merges; two keyed stories merging becomes a merge for the store. */
  private followMerges(): void {
    for (const [from, into] of this.index.takeMerges()) {
      const fromKey = this.keyOf.get(from);
      if (fromKey === undefined) continue;
      this.keyOf.delete(from);
      const intoKey = this.keyOf.get(into);
      if (intoKey === undefined) this.keyOf.set(into, fromKey);
      else if (intoKey !== fromKey) this.merges.push({ from: fromKey, into: intoKey });
    }
  }

  private claim(cluster: number, key: string): void {
    this.keyOf.set(cluster, key);
    this.usedKeys.add(key);
  }
}

/**
 * First refresh at this many articles, then each time the pile has grown by this factor;
 * from `REFRESH_SLOWER_FROM` articles, each time it has doubled (a pass over 5,000 articles takes
 * about 0.3 s of the writer thread; grouping mixtures of up to 200 articles is unchanged).
 */
const REFRESH_FIRST = 2;
const REFRESH_GROWTH = 1.25;
const REFRESH_SLOWER_FROM = 256;

/** As in a batch run, an article too short to group (see `MIN_STORY_WORDS`) is a story of its own and never joins the index. */
function tooShort(a: AssignInput): boolean {
  return a.wordCount !== undefined && a.wordCount < MIN_STORY_WORDS;
}

function storyArticle(a: AssignInput): { id: string; text: string; title?: string; published?: string } {
  return { id: a.id, text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}) };
}

/**
 * A simple rule (the default before `StoryIndex` landed, kept for tests and comparison): an article joins the story whose titles share at least
 * `minShared` content words with its own title (the story sharing most wins; ties go to the most
 * recent story), otherwise it starts a new story.
 */
export class TitleWordsAssigner implements StoryAssigner {
  readonly name = "title-words";
  private readonly byWord = new Map<string, Set<string>>();
  private readonly order = new Map<string, number>();
  private next = 1;
  private tick = 0;

  constructor(private readonly minShared = 2) {}

  assign(article: AssignInput): string {
    const words = titleWords(article.title);
    const counts = new Map<string, number>();
    for (const w of words) for (const key of this.byWord.get(w) ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
    let best: string | undefined;
    let bestCount = 0;
    for (const [key, n] of counts) {
      if (n > bestCount || (n === bestCount && best !== undefined && this.order.get(key)! > this.order.get(best)!)) {
        best = key;
        bestCount = n;
      }
    }
    const key = best !== undefined && bestCount >= Math.min(this.minShared, words.size) && bestCount > 0 ? best : this.newKey();
    this.remember(key, words);
    return key;
  }

  load(articles: ReadonlyArray<AssignInput & { storyKey: string }>, keysInUse: Iterable<string> = []): void {
    for (const key of [...keysInUse, ...articles.map((a) => a.storyKey)]) {
      const m = /^t(\d+)$/.exec(key);
      if (m) this.next = Math.max(this.next, Number(m[1]) + 1);
    }
    for (const a of articles) this.remember(a.storyKey, titleWords(a.title));
  }

  private newKey(): string {
    return `t${this.next++}`;
  }

  private remember(key: string, words: Set<string>): void {
    this.order.set(key, this.tick++);
    for (const w of words) {
      let set = this.byWord.get(w);
      if (!set) this.byWord.set(w, (set = new Set()));
      set.add(key);
    }
  }
}

/** Lower-cased title words of three letters or more that are not stop words. */
export function titleWords(title: string): Set<string> {
  const out = new Set<string>();
  for (const w of title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w)) out.add(w);
  }
  return out;
}
