/**
 * Schema version 3: stories can merge (the story assigner found two to be one). The absorbed story
 * keeps its row, so links to it still lead somewhere, and points at the story that holds its
 * articles now; lists, counts and background briefings skip it.
 */
export const sql = `
ALTER TABLE stories ADD COLUMN merged_into TEXT REFERENCES stories(id);
CREATE INDEX stories_merged_into ON stories(merged_into) WHERE merged_into IS NOT NULL;
`;
