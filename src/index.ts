/** newsbrief as a library: `import { brief } from "newsbrief"`. */
export { brief, briefDocuments } from "./core/brief.js";
export type { BriefInputOptions } from "./core/brief.js";
export { render, FORMATS, type Format } from "./render/index.js";
export { SUMMARIZERS, getSummarizer } from "./summarize/index.js";
export { VERSION } from "./core/version.js";
export type * from "./types/index.js";
export { extractHtml, type ExtractedPage, type PageType } from "./extract/index.js";
export { fetchArticle, fetchFeed, fetchUrl, Fetcher, FetchError, type FetchedArticle, type FeedResult, type FetchOptions } from "./fetch/index.js";
