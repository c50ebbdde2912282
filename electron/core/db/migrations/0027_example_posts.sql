-- The example workspace's own posts, so removing it removes them alone: a post the user wrote
-- under an example partner used to go with that partner (ON DELETE CASCADE), although the
-- confirmation says the user's own data is not touched. Existing example posts are those the
-- loader wrote in the same transaction as their example partner, hence at its very instant.
ALTER TABLE posts ADD COLUMN is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1));
UPDATE posts SET is_example = 1
  WHERE EXISTS (SELECT 1 FROM partners p WHERE p.id = posts.partner_id AND p.is_example = 1 AND p.created_at = posts.created_at);
