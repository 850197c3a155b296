import { MIN_STORY_WORDS } from "../clean/too-short.js";
import { STOPWORDS } from "../nlp/stopwords.js";
import { StoryIndex, type StoryArticle, type StoryOptions } from "../stories/index.js";
import type { AssignChanges, AssignInput, KeyMerge, KeyMove } from "./types.js";

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
  /** Stored articles given another story since the last call (applied after the merges), in order. */
  takeMoves?(): KeyMove[];
}

/** The `AssignFn` of an assigner: its key for the article and the merges and moves that arrival caused. */
export function assignWithChanges(assigner: StoryAssigner, article: AssignInput): string | AssignChanges {
  const key = assigner.assign(article);
  const merges = assigner.takeMerges?.() ?? [];
  const moves = assigner.takeMoves?.() ?? [];
  return merges.length || moves.length ? { key, ...(merges.length ? { merges } : {}), ...(moves.length ? { moves } : {}) } : key;
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
 * The service's default: stories that follow the batch grouping (`groupStories`) of the pile
 * stored so far. Each time the pile has grown by a quarter, the batch grouping of the whole pile is
 * computed and the stored grouping made to match it, moving stored articles where they differ
 * (`takeMoves`); each batch story keeps the key most of its articles hold (largest story first, so
 * a key goes to one story only; a story whose keys are all taken gets a fresh one). Between
 * refreshes an arriving article is added to a plain `StoryIndex` (exactly the batch run's add
 * phase) and gets the key most articles of its index story hold, or a fresh `i<n>` key.
 *
 * It replaced an index refreshed in place, whose merges at early refreshes could never be undone:
 * stories bench (--quick, seed 7) service F1 / agreement with the batch run / identical groupings
 * went DUC 2003 0.917 / 0.963 / 30% → 0.931 / 0.993 / 63%, Multi-News dev 0.843 / 0.935 / 23% →
 * 0.865 / 0.985 / 67%, DUC 2007 update 0.894 / 0.933 / 13% → 0.933 / 0.983 / 40%, MultiLing
 * 0.919 / 0.926 / 3% → 0.953 / 0.980 / 53%, Multi-News held-out 0.816 / 0.939 / 23% → 0.856 /
 * 0.973 / 43%. A refresh runs the batch run's last passes on a copy of the index
 * (`StoryIndex.batchStories`), holding up the writer: at 10,349 articles 4.6 s of CPU (a whole
 * `groupStories` took 22 s).
 */
export class StoryIndexAssigner implements StoryAssigner {
  readonly name = "story-index";
  private index: StoryIndex;
  private readonly keyOf = new Map<string, string>();
  private readonly usedKeys = new Set<string>();
  private moves: KeyMove[] = [];
  private next = 1;
  private nextRefresh = REFRESH_FIRST;

  constructor(private readonly options: StoryOptions = {}) {
    this.index = new StoryIndex(options);
  }

  assign(article: AssignInput): string {
    if (tooShort(article)) return this.freshKey();
    const cluster = this.add(article);
    this.keyOf.set(article.id, this.mostHeldKey(this.index.articleIdsIn(cluster)) ?? this.freshKey());
    if (this.refreshDue()) this.moves.push(...this.followBatch().filter((m) => m.articleId !== article.id));
    return this.keyOf.get(article.id)!;
  }

  takeMoves(): KeyMove[] {
    const moves = this.moves;
    this.moves = [];
    return moves;
  }

  /**
   * Rebuilds the plain index from the stored articles and takes their stored keys as they are (the
   * store holds every move made before), so that later calls continue as if it had never stopped.
   */
  load(articles: ReadonlyArray<AssignInput & { storyKey: string }>, keysInUse: Iterable<string> = []): void {
    this.index = new StoryIndex(this.options);
    this.keyOf.clear();
    this.moves = [];
    for (const key of keysInUse) this.usedKeys.add(key);
    this.nextRefresh = REFRESH_FIRST;
    for (const a of articles) {
      this.usedKeys.add(a.storyKey);
      if (tooShort(a)) continue;
      this.add(a);
      this.keyOf.set(a.id, a.storyKey);
      this.refreshDue();
    }
  }

  private add(article: AssignInput): number {
    const cluster = this.index.add(storyArticle(article));
    this.index.takeMerges();
    return cluster;
  }

  private refreshDue(): boolean {
    if (this.index.size < this.nextRefresh) return false;
    this.nextRefresh = Math.ceil(this.index.size * REFRESH_GROWTH);
    return true;
  }

  /** Makes the keys match the batch grouping of the pile; returns the articles whose key changed. */
  private followBatch(): KeyMove[] {
    const taken = new Set<string>();
    const moves: KeyMove[] = [];
    for (const { articleIds } of this.index.batchStories()) {
      const key = this.mostHeldKey(articleIds, taken) ?? this.freshKey();
      taken.add(key);
      for (const id of articleIds) {
        if (this.keyOf.get(id) === key) continue;
        this.keyOf.set(id, key);
        moves.push({ articleId: id, key });
      }
    }
    return moves;
  }

  /** The key most of these articles hold (ties: the one met first), leaving out `taken` keys. */
  private mostHeldKey(articleIds: string[], taken: ReadonlySet<string> = new Set()): string | undefined {
    const votes = new Map<string, number>();
    for (const id of articleIds) {
      const key = this.keyOf.get(id);
      if (key !== undefined && !taken.has(key)) votes.set(key, (votes.get(key) ?? 0) + 1);
    }
    let best: string | undefined;
    for (const [key, n] of votes) if (best === undefined || n > votes.get(best)!) best = key;
    return best;
  }

  private freshKey(): string {
    let key: string;
    do key = `i${this.next++}`;
    while (this.usedKeys.has(key));
    this.usedKeys.add(key);
    return key;
  }
}

/** First refresh at this many articles, then each time the pile has grown by this factor. */
const REFRESH_FIRST = 2;
const REFRESH_GROWTH = 1.25;

/** As in a batch run, an article too short to group (see `MIN_STORY_WORDS`) is a story of its own and never joins the index. */
function tooShort(a: AssignInput): boolean {
  return a.wordCount !== undefined && a.wordCount < MIN_STORY_WORDS;
}

function storyArticle(a: AssignInput): StoryArticle {
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
