-- The calendar names a post's thread and first comment (issue 16) from its index, as it does
-- its versions (0017), without reading post_threads. thread_parts: {"network": parts} for each
-- targeted thread network with at least two non-empty parts; comment_networks: the targeted
-- networks with a first comment. The posts repository rewrites both on every save.
ALTER TABLE posts ADD COLUMN thread_parts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(thread_parts));
ALTER TABLE posts ADD COLUMN comment_networks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(comment_networks));

-- Posts saved since 0021: the same rule as shared/threads/content.ts.
UPDATE posts SET
  thread_parts = (
    SELECT json_group_object(t.network, n) FROM (
      SELECT t.network, (SELECT count(*) FROM json_each(t.parts) WHERE trim(value) <> '') AS n
      FROM post_threads t
      WHERE t.post_id = posts.id
        AND t.network IN ('x', 'bluesky', 'mastodon', 'threads')
        AND t.network IN (SELECT value FROM json_each(posts.networks))
    ) t WHERE n > 1
  ),
  comment_networks = (
    SELECT json_group_array(t.network) FROM post_threads t
    WHERE t.post_id = posts.id
      AND trim(t.first_comment) <> ''
      AND t.network IN ('linkedin', 'x', 'bluesky')
      AND t.network IN (SELECT value FROM json_each(posts.networks))
  )
WHERE id IN (SELECT post_id FROM post_threads);

DROP INDEX IF EXISTS posts_calendar;
CREATE INDEX posts_calendar ON posts (scheduled_at, partner_id, status, networks, pillar, version, scheduled_zone, id, title, version_networks, thread_parts, comment_networks)
  WHERE scheduled_at IS NOT NULL;
