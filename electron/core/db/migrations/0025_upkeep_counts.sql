-- The start-up rebuilds of near-duplicate signatures and voice samples first compare counts,
-- read from indexes alone: with nothing stale (every start but the first after an algorithm
-- change) they no longer walk the posts' rows, ~600 ms of core's thread and the whole table
-- through the page cache at 100,000 posts. Learned posts are counted from an existing index
-- that holds their status: an index on posts (status) would draw the planner away from the
-- scheduler's and the near-duplicate guard's date ranges (seen: ~70 ms per scheduled move).
CREATE INDEX post_signatures_version ON post_signatures (algorithm_version);
CREATE INDEX voice_samples_version ON voice_samples (algorithm_version);
