-- voice_profiles.revision (0020) counted each change of a profile, for a cache of the scoring's
-- model that was keyed on it; that cache is keyed on voice_generations (0024) instead, and
-- nothing read the column since. A profile's last change is its updated_at.
ALTER TABLE voice_profiles DROP COLUMN revision;
