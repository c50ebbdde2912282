-- Calendar search: full-text search over posts' titles, bodies (plain text) and notes.
-- An external-content FTS5 index (the text is not stored twice) whose rowids come from
-- post_search_ids, not from posts' implicit rowid: posts has a TEXT primary key, and SQLite
-- documents that VACUUM may renumber implicit rowids, which would silently point the index at
-- the wrong posts. An INTEGER PRIMARY KEY is never renumbered.
CREATE TABLE post_search_ids (
  search_id  INTEGER PRIMARY KEY,
  post_id    TEXT NOT NULL UNIQUE
) STRICT;

CREATE VIEW post_search_content AS
  SELECT s.search_id, p.title, p.plain_text AS body, p.note
  FROM post_search_ids s JOIN posts p ON p.id = s.post_id;

-- unicode61 with remove_diacritics 2: case and accents folded (« médiation » = « MEDIATION »),
-- apostrophes and hyphens split words (« l’arbitrage » finds « arbitrage »). Prefix indexes
-- keep the search-as-you-type prefix of the last word fast.
CREATE VIRTUAL TABLE post_search USING fts5(
  title, body, note,
  content = 'post_search_content',
  content_rowid = 'search_id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

-- Ranking: BM25 with a title match worth ten body matches and a note match four.
INSERT INTO post_search (post_search, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');

CREATE TRIGGER posts_search_insert AFTER INSERT ON posts
BEGIN
  INSERT INTO post_search_ids (post_id) VALUES (new.id);
  INSERT INTO post_search (rowid, title, body, note)
    SELECT search_id, new.title, new.plain_text, new.note FROM post_search_ids WHERE post_id = new.id;
END;

-- Scheduling and status changes leave the text alone: only text changes touch the index.
CREATE TRIGGER posts_search_update AFTER UPDATE OF title, plain_text, note ON posts
  WHEN old.title IS NOT new.title OR old.plain_text IS NOT new.plain_text OR old.note IS NOT new.note
BEGIN
  INSERT INTO post_search (post_search, rowid, title, body, note)
    SELECT 'delete', search_id, old.title, old.plain_text, old.note FROM post_search_ids WHERE post_id = old.id;
  INSERT INTO post_search (rowid, title, body, note)
    SELECT search_id, new.title, new.plain_text, new.note FROM post_search_ids WHERE post_id = new.id;
END;

-- Also runs for posts removed by a partner's ON DELETE CASCADE.
CREATE TRIGGER posts_search_delete AFTER DELETE ON posts
BEGIN
  INSERT INTO post_search (post_search, rowid, title, body, note)
    SELECT 'delete', search_id, old.title, old.plain_text, old.note FROM post_search_ids WHERE post_id = old.id;
  DELETE FROM post_search_ids WHERE post_id = old.id;
END;

-- Backfill the posts written before this migration.
INSERT INTO post_search_ids (post_id) SELECT id FROM posts ORDER BY created_at, id;
INSERT INTO post_search (post_search) VALUES ('rebuild');
