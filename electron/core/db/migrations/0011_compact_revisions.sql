-- Compact revisions (issue 15): each revision's content JSON and plain text are stored as one
-- compressed BLOB (electron/core/posts/revisionBody.ts, format byte + raw DEFLATE), read back
-- byte for byte. revision_pack() is that function, registered on every connection core opens.
-- Ids, numbers, titles and dates are kept as they were: sign-off requests and the audit log
-- name revisions by number, so no revision is renumbered or dropped.
CREATE TABLE revisions_compact (
  id             INTEGER PRIMARY KEY,
  post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  title          TEXT NOT NULL,
  body           BLOB NOT NULL,
  restored_from  INTEGER,
  created_at     INTEGER NOT NULL,
  UNIQUE (post_id, number)
) STRICT;

INSERT INTO revisions_compact (id, post_id, number, title, body, restored_from, created_at)
  SELECT id, post_id, number, title, revision_pack(content_json, plain_text), restored_from, created_at
  FROM revisions ORDER BY id;

DROP TABLE revisions;
ALTER TABLE revisions_compact RENAME TO revisions;
