-- Voice profiles (issue 18): each partner's voice per language, learned from their approved
-- and published posts. One row of features per learned post (shared/voice/features.ts, as
-- JSON), written in the same transaction as the post's status change; algorithm_version says
-- which scoring made it, so a new one rebuilds them at start.
CREATE TABLE voice_samples (
  post_id            TEXT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
  partner_id         TEXT NOT NULL,
  language           TEXT NOT NULL CHECK (language IN ('fr', 'en')),
  algorithm_version  INTEGER NOT NULL,
  features           TEXT NOT NULL,
  learned_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX voice_samples_profile ON voice_samples (language, partner_id);

-- The profile itself: how many posts it learned from, updated with each sample; `revision`
-- grows with every change, and the scoring's in-memory model is cached under its sum.
CREATE TABLE voice_profiles (
  partner_id         TEXT NOT NULL,
  language           TEXT NOT NULL CHECK (language IN ('fr', 'en')),
  algorithm_version  INTEGER NOT NULL,
  post_count         INTEGER NOT NULL,
  revision           INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  PRIMARY KEY (partner_id, language)
) STRICT;
