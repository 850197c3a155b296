/**
 * Schema version 2: a covering index for a story's article list. The listed columns come after the
 * long texts in each row, so reading them from the table walks every text's overflow pages; from
 * the index a story page's list costs a range scan. It replaces `articles_story` (same prefix).
 */
export const sql = `
CREATE INDEX articles_story_meta ON articles(story_id, seq, id, url, source, title, published, word_count, content_hash, input_id, created_at);
DROP INDEX articles_story;
`;
