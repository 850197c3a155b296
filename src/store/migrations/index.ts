import { sql as v1 } from "./001_initial.js";
import { sql as v2 } from "./002_story_meta_index.js";
import { sql as v3 } from "./003_story_merges.js";
import { sql as v4 } from "./004_id_sequences.js";

/** Schema migrations, applied in order; each runs once, recorded in `schema_version`. Append only. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "initial", sql: v1 },
  { version: 2, name: "story meta index", sql: v2 },
  { version: 3, name: "story merges", sql: v3 },
  { version: 4, name: "id sequences", sql: v4 },
];
