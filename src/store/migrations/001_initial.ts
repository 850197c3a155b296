/** Schema version 1: inputs, articles (+ FTS5), sources, messages, stories, briefings, feeds. */
export const sql = `
CREATE TABLE inputs (
  id          INTEGER PRIMARY KEY,
  received_at TEXT    NOT NULL,
  kind        TEXT    NOT NULL,            -- api | form | feed
  client      TEXT,
  feed_id     INTEGER,
  body        TEXT    NOT NULL,            -- exactly what the user sent for this item (JSON)
  status      TEXT    NOT NULL,            -- created | duplicate | rejected
  article_id  TEXT
);

CREATE TABLE stories (
  id               TEXT    PRIMARY KEY,
  assign_key       TEXT    NOT NULL UNIQUE,
  title            TEXT    NOT NULL,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL,
  content_version  INTEGER NOT NULL DEFAULT 0,  -- bumped when an article joins: briefing is stale
  revision         INTEGER NOT NULL DEFAULT 0,  -- bumped on any change (sources too)
  article_count    INTEGER NOT NULL DEFAULT 0,
  first_published  TEXT,
  last_published   TEXT
);
CREATE INDEX stories_updated ON stories(updated_at);

CREATE TABLE articles (
  seq           INTEGER PRIMARY KEY,
  id            TEXT    NOT NULL UNIQUE,
  url           TEXT,
  url_key       TEXT    UNIQUE,
  content_hash  TEXT    NOT NULL UNIQUE,
  title         TEXT    NOT NULL,
  source        TEXT,
  published     TEXT,
  raw           TEXT    NOT NULL,          -- the text the pipeline cleans (after HTML extraction)
  body_offset   INTEGER,
  clean_text    TEXT    NOT NULL,
  word_count    INTEGER NOT NULL,
  story_id      TEXT    NOT NULL REFERENCES stories(id),
  input_id      INTEGER NOT NULL REFERENCES inputs(id),
  created_at    TEXT    NOT NULL
);
CREATE INDEX articles_story ON articles(story_id, seq);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TABLE article_sources (
  article_id   TEXT    NOT NULL REFERENCES articles(id),
  input_id     INTEGER NOT NULL REFERENCES inputs(id),
  source       TEXT,
  url          TEXT,
  title        TEXT,
  received_at  TEXT    NOT NULL,
  PRIMARY KEY (article_id, input_id)
);

CREATE TABLE messages (
  id          INTEGER PRIMARY KEY,
  input_id    INTEGER REFERENCES inputs(id),
  article_id  TEXT,
  severity    TEXT    NOT NULL,
  rule_id     TEXT    NOT NULL,
  reason      TEXT    NOT NULL,
  source      TEXT,
  created_at  TEXT    NOT NULL
);
CREATE INDEX messages_article ON messages(article_id);

CREATE TABLE briefings (
  story_id       TEXT    PRIMARY KEY REFERENCES stories(id),
  story_version  INTEGER NOT NULL,         -- stories.content_version it was computed from
  headline       TEXT,
  json           TEXT    NOT NULL,         -- exactly what \`brief --format json\` prints
  computed_at    TEXT    NOT NULL,
  compute_ms     REAL
);

CREATE TABLE feeds (
  id              INTEGER PRIMARY KEY,
  url             TEXT    NOT NULL UNIQUE,
  every_seconds   INTEGER NOT NULL,
  created_at      TEXT    NOT NULL,
  next_at         TEXT    NOT NULL,
  last_fetched_at TEXT,
  last_ok_at      TEXT,
  last_error      TEXT,
  failures        INTEGER NOT NULL DEFAULT 0,
  articles_added  INTEGER NOT NULL DEFAULT 0
);
`;
