export type * from "./types.js";
export { SqliteStore, migrate, type SqliteStoreOptions } from "./sqlite.js";
export { SingleStoryAssigner, StoryIndexAssigner, TitleWordsAssigner, titleWords, type StoryAssigner } from "./assigner.js";
export { contentHash, urlKey, ftsQuery } from "./text.js";
export { MIGRATIONS, type Migration } from "./migrations/index.js";
