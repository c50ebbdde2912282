-- Threads and a first comment (issue 16). A post's thread parts and first comment per network,
-- kept beside its body (posts), and a copy with every revision, so restoring a revision restores
-- them too. parts is a JSON array of strings; an empty array and an empty comment mean none.
CREATE TABLE post_threads (
  post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  network        TEXT NOT NULL,
  parts          TEXT NOT NULL DEFAULT '[]',
  first_comment  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (post_id, network)
) STRICT;

CREATE TABLE revision_threads (
  revision_id    INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
  network        TEXT NOT NULL,
  parts          TEXT NOT NULL DEFAULT '[]',
  first_comment  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (revision_id, network)
) STRICT;

-- What went out of a publication besides its first post: each further thread part (index >= 1)
-- and the first comment (index -1), keyed by an idempotency key (post, network, part, approved
-- hash) so that after a crash the sender looks here first and never sends a part twice.
CREATE TABLE publication_parts (
  publication_id   INTEGER NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  part_index       INTEGER NOT NULL CHECK (part_index >= -1),
  idempotency_key  TEXT NOT NULL UNIQUE,
  state            TEXT NOT NULL CHECK (state IN ('sending', 'published', 'failed')),
  remote_id        TEXT,
  -- Bluesky: the record's CID, needed to reply to it.
  remote_cid       TEXT,
  url              TEXT,
  error            TEXT,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (publication_id, part_index)
) STRICT;
