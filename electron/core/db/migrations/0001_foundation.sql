-- Foundation: settings, partners, posts and their revisions.
-- Instants are epoch milliseconds (UTC); the zone they were chosen in sits beside them.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE partners (
  id             TEXT PRIMARY KEY,
  display_name   TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
  role           TEXT NOT NULL DEFAULT '',
  organisation   TEXT NOT NULL DEFAULT '',
  color          TEXT NOT NULL,
  time_zone      TEXT NOT NULL,
  locale         TEXT NOT NULL CHECK (locale IN ('fr', 'en')),
  signoff_email  TEXT NOT NULL DEFAULT '',
  is_example     INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
  archived_at    INTEGER,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE posts (
  id              TEXT PRIMARY KEY,
  partner_id      TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  title           TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  networks        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(networks)),
  content_json    TEXT NOT NULL CHECK (json_valid(content_json)),
  plain_text      TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'draft',
  version         INTEGER NOT NULL DEFAULT 1,
  scheduled_at    INTEGER,
  scheduled_zone  TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX posts_partner ON posts (partner_id, updated_at DESC);
CREATE INDEX posts_updated ON posts (updated_at DESC);
CREATE INDEX posts_scheduled ON posts (scheduled_at) WHERE scheduled_at IS NOT NULL;

CREATE TABLE revisions (
  id             INTEGER PRIMARY KEY,
  post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  title          TEXT NOT NULL,
  content_json   TEXT NOT NULL CHECK (json_valid(content_json)),
  plain_text     TEXT NOT NULL,
  restored_from  INTEGER,
  created_at     INTEGER NOT NULL,
  UNIQUE (post_id, number)
) STRICT;
