-- Near-duplicate guard: one MinHash signature per post (shared/similarity), written with the
-- post's row; algorithm_version says which algorithm made it, so a new one rebuilds it at start.
CREATE TABLE post_signatures (
  post_id            TEXT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
  algorithm_version  INTEGER NOT NULL,
  signature          BLOB NOT NULL,
  computed_at        INTEGER NOT NULL
) STRICT;

-- The check reads the ids of every other partner's posts within ±N days of a post's date: its
-- scheduled time, or its creation for an unscheduled draft. Covering, so the range is read from
-- the index alone (the posts rows are large). The same expression must appear in the query.
CREATE INDEX posts_similarity_date ON posts (coalesce(scheduled_at, created_at), partner_id, status, id);

-- A pair the community manager looked at and kept: not flagged again for that draft, and
-- counted in the monthly report.
CREATE TABLE similarity_dismissals (
  post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  other_post_id  TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  partner_id     TEXT NOT NULL,
  jaccard        REAL NOT NULL,
  dismissed_at   INTEGER NOT NULL,
  PRIMARY KEY (post_id, other_post_id)
) STRICT;
CREATE INDEX similarity_dismissals_at ON similarity_dismissals (dismissed_at);
