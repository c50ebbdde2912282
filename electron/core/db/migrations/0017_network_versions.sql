-- Per-network versions (issue 16): a post's body overridden for some of its networks, each
-- stored as {content, plainText} under the network's name (shared/posts/versions.ts), in
-- canonical JSON. '{}' is a post without versions, as every existing post is.
ALTER TABLE posts ADD COLUMN versions_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions_json));
-- Which networks have a version, for the calendar's entries (read from its index, like the rest).
ALTER TABLE posts ADD COLUMN version_networks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(version_networks));

-- A revision keeps the versions as they stood, so restoring it restores them. NULL: none
-- (every existing revision, and most new ones).
ALTER TABLE revisions ADD COLUMN versions_json TEXT CHECK (versions_json IS NULL OR json_valid(versions_json));

DROP INDEX IF EXISTS posts_calendar;
CREATE INDEX posts_calendar ON posts (scheduled_at, partner_id, status, networks, pillar, version, scheduled_zone, id, title, version_networks)
  WHERE scheduled_at IS NOT NULL;
