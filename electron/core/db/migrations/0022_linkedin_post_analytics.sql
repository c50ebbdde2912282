-- LinkedIn Member Post Analytics: which OAuth scopes each account was granted (space-separated,
-- as the token endpoint said; NULL when the network did not say), so impressions, members
-- reached and reshares are asked only where r_member_postAnalytics was granted.
ALTER TABLE accounts ADD COLUMN granted_scopes TEXT;

-- The user's LinkedIn app has the Member Post Analytics product: sign-ins also ask r_member_postAnalytics
-- (LinkedIn refuses a sign-in that asks a scope the app lacks, so it is asked only when said so).
ALTER TABLE oauth_apps ADD COLUMN post_analytics INTEGER NOT NULL DEFAULT 0 CHECK (post_analytics IN (0, 1));

-- A new metric, 'reach' (members reached): SQLite cannot change a CHECK, so the table is rebuilt.
CREATE TABLE engagement_readings_next (
  id              INTEGER PRIMARY KEY,
  publication_id  INTEGER NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  metric          TEXT NOT NULL
                  CHECK (metric IN ('likes', 'reposts', 'replies', 'quotes', 'impressions', 'reach', 'bookmarks', 'engagements')),
  value           INTEGER NOT NULL CHECK (value >= 0),
  read_at         INTEGER NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('api', 'import', 'manual')),
  -- The scheduled reading this row answers ('1h', '24h', '7d', '30d'); NULL for imports and typed figures.
  point           TEXT CHECK (point IN ('1h', '24h', '7d', '30d')),
  created_at      INTEGER NOT NULL
) STRICT;

INSERT INTO engagement_readings_next (id, publication_id, metric, value, read_at, source, point, created_at)
  SELECT id, publication_id, metric, value, read_at, source, point, created_at FROM engagement_readings;
DROP TABLE engagement_readings;
ALTER TABLE engagement_readings_next RENAME TO engagement_readings;

CREATE UNIQUE INDEX engagement_readings_once ON engagement_readings (publication_id, source, read_at, metric);
CREATE INDEX engagement_readings_time ON engagement_readings (read_at);
