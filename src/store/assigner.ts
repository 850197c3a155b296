import { STOPWORDS } from "../nlp/stopwords.js";
import { StoryIndex, type StoryOptions } from "../stories/index.js";
import type { AssignInput } from "./types.js";

/**
 * Decides which story each arriving article joins. Called once per new article, in arrival order;
 * `load` rebuilds its state from the stored articles when the service starts.
 */
export interface StoryAssigner {
  readonly name: string;
  /** Returns the story key of the article: an existing key joins that story, a new key starts one. */
  assign(article: AssignInput): string;
  /** Replays stored articles (with the story key each got) so that later calls continue consistently. */
  load(articles: ReadonlyArray<AssignInput & { storyKey: string }>): void;
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
 */
export class StoryIndexAssigner implements StoryAssigner {
  readonly name = "story-index";
  private index: StoryIndex;
  private readonly keyOf = new Map<number, string>();
  private readonly usedKeys = new Set<string>();
  private next = 1;

  constructor(private readonly options: StoryOptions = {}) {
    this.index = new StoryIndex(options);
  }

  assign(article: AssignInput): string {
    const cluster = this.index.add(storyArticle(article));
    let key = this.keyOf.get(cluster);
    if (key === undefined) {
      do key = `i${this.next++}`;
      while (this.usedKeys.has(key));
      this.claim(cluster, key);
    }
    return key;
  }

  load(articles: ReadonlyArray<AssignInput & { storyKey: string }>): void {
    this.index = new StoryIndex(this.options);
    this.keyOf.clear();
    for (const a of articles) {
      this.usedKeys.add(a.storyKey);
      const cluster = this.index.add(storyArticle(a));
      if (!this.keyOf.has(cluster)) this.claim(cluster, a.storyKey);
    }
  }

  private claim(cluster: number, key: string): void {
    this.keyOf.set(cluster, key);
    this.usedKeys.add(key);
  }
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

  load(articles: ReadonlyArray<AssignInput & { storyKey: string }>): void {
    for (const a of articles) {
      const m = /^t(\d+)$/.exec(a.storyKey);
      if (m) this.next = Math.max(this.next, Number(m[1]) + 1);
      this.remember(a.storyKey, titleWords(a.title));
    }
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
