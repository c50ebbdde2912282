-- Publication: which account each network of a post goes out as, each publication to each
-- network (one row per post × network × round, with the outbox job that sends it and what the
-- network answered), and images stored content-addressed in the data folder.

-- The account chosen for a network of a post. No row: the partner's account on that network
-- if there is exactly one, else by hand. account_id NULL: by hand on purpose.
CREATE TABLE publication_targets (
  post_id     TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  network     TEXT NOT NULL,
  account_id  TEXT REFERENCES accounts (id) ON DELETE CASCADE,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (post_id, network)
) STRICT;

-- One row per network a post is published to, per round. A round starts when a scheduled post
-- comes due (or is published now after a miss); `active` = 0 once it no longer applies (the
-- content was edited, the post withdrawn or moved) so the next round starts afresh.
CREATE TABLE publications (
  id              INTEGER PRIMARY KEY,
  post_id         TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  round_id        TEXT NOT NULL,
  network         TEXT NOT NULL,
  -- NULL: published by hand (no outbox job; the community manager pastes the URL back).
  account_id      TEXT,
  mode            TEXT NOT NULL CHECK (mode IN ('api', 'manual')),
  outbox_key      TEXT UNIQUE,
  state           TEXT NOT NULL
                  CHECK (state IN ('queued', 'scheduled_remote', 'awaiting_manual', 'published', 'failed', 'cancelled')),
  approved_hash   TEXT NOT NULL,
  due_at          INTEGER NOT NULL,
  remote_id       TEXT,
  url             TEXT,
  -- The network's own words when it refused, or why Plume did not send.
  error           TEXT,
  error_kind      TEXT,
  -- The last try ended without knowing whether the network took the post: look it up first.
  needs_lookup    INTEGER NOT NULL DEFAULT 0 CHECK (needs_lookup IN (0, 1)),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  published_at    INTEGER
) STRICT;

CREATE INDEX publications_post ON publications (post_id, active, network);
CREATE UNIQUE INDEX publications_round_network ON publications (round_id, network);

-- An image, once, by the SHA-256 of its bytes; the file is media/<first 2 hex>/<sha256> in the data folder.
CREATE TABLE media (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  mime_type   TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size > 0),
  created_at  INTEGER NOT NULL
) STRICT;

-- The images of a post, in order, each with its alt text.
CREATE TABLE post_media (
  post_id     TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  sha256      TEXT NOT NULL REFERENCES media (sha256),
  alt         TEXT NOT NULL DEFAULT '' CHECK (length(alt) <= 2000),
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (post_id, position)
) STRICT;

CREATE INDEX post_media_sha ON post_media (sha256);
