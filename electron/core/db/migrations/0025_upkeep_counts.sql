-- The start-up rebuilds of near-duplicate signatures and voice samples first compare counts,
-- read from these indexes alone: with nothing stale (every start but the first after an
-- algorithm change) they no longer walk the posts' rows, ~600 ms of core's thread and the whole
-- table through the page cache at 100,000 posts.
CREATE INDEX post_signatures_version ON post_signatures (algorithm_version);
CREATE INDEX voice_samples_version ON voice_samples (algorithm_version);
CREATE INDEX posts_status ON posts (status);
