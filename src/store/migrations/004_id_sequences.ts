/**
 * Schema version 4: ids are never reused. Articles, stories and feeds took the next id after the
 * highest one held, so deleting the newest row gave its id to the next one, and a bookmark or an
 * API client's stored id then named something else. Each now takes the next number of its own
 * sequence, which only grows; an existing database's sequences start at the highest ids it holds.
 */
export const sql = `
CREATE TABLE id_sequences (
  name  TEXT    PRIMARY KEY,
  last  INTEGER NOT NULL
);
INSERT INTO id_sequences (name, last) VALUES
  ('articles', (SELECT COALESCE(MAX(seq), 0) FROM articles)),
  ('stories',  (SELECT COALESCE(MAX(CAST(substr(id, 2) AS INTEGER)), 0) FROM stories)),
  ('feeds',    (SELECT COALESCE(MAX(id), 0) FROM feeds));
`;
