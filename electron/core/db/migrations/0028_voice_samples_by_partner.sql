-- 0025's index on voice_samples (algorithm_version) alone, where every row holds the same
-- version, drew SQLite's planner (no statistics: an equality looks selective) away from the right
-- index: a partner's post count and the samples of a list of posts each walked every sample of
-- the version (~50 ms a query at 75,000 samples; the monthly report of 40 partners went from
-- 1.4 s to 7.6 s). The partner's index now ends with the version, so the count is read from it
-- alone, and the start-up count of current samples reads the same index whole (a few ms).
DROP INDEX voice_samples_version;
DROP INDEX voice_samples_profile;
CREATE INDEX voice_samples_profile ON voice_samples (language, partner_id, algorithm_version);
