import { cleanDocument } from "../clean/index.js";
import { annotate, Lexicon } from "../nlp/index.js";
import type { Store } from "../store/types.js";
import type { Briefing } from "../types/index.js";
import { articlePage } from "./pages.js";
import { toRawDocument } from "./pipeline.js";
import { WorkerChannel } from "./worker-channel.js";

/** The page of a stored article (undefined when there is none): its text by sentence, the sentences its story's briefing cites marked. */
export type ArticlePageRenderer = (articleId: string) => Promise<string | undefined>;

/**
 * Renders on the calling thread. Cleaning and splitting a long article costs about a second per
 * 2 MB of text, so the service renders in `WorkerArticlePages` instead.
 */
export async function renderArticlePage(store: Store, articleId: string): Promise<string | undefined> {
  const a = await store.getArticle(articleId);
  if (!a) return undefined;
  const article = cleanDocument(toRawDocument(a), a.id);
  const doc = annotate(article, new Lexicon());
  const sentences: Array<[number, number]> = Array.from(doc.sentStart, (s, i) => [s, doc.sentEnd[i]]);
  const [story, messages, stored] = await Promise.all([store.getStory(a.storyId), store.messages({ articleId: a.id }), store.getBriefing(a.storyId)]);
  const cited = new Set<number>();
  if (stored) {
    const b = JSON.parse(stored.json) as Briefing;
    for (const st of b.stories) for (const s of [st.headline, ...st.summary]) if (s.articleId === a.id) cited.add(s.start);
  }
  return articlePage(a, article, sentences, messages, story, cited);
}

/** Renders article pages on a worker thread with its own connection to the database, so reads of other pages never wait for one. */
export class WorkerArticlePages {
  private readonly channel: WorkerChannel<string, string | undefined>;

  constructor(dbPath: string) {
    this.channel = new WorkerChannel<string, string | undefined>(new URL("./article-page-worker.js", import.meta.url), "article pages", { dbPath });
  }

  readonly render: ArticlePageRenderer = (articleId) => this.channel.request(articleId);

  close(): Promise<void> {
    return this.channel.close();
  }
}
