-- Engagement: what each published post did, read from the networks' APIs at +1 h, +24 h,
-- +7 d and +30 d, imported from a network's own export, or typed by hand. One row per
-- publication × reading time × metric (figures are the network's cumulative counters).

CREATE TABLE engagement_readings (
  id              INTEGER PRIMARY KEY,
  publication_id  INTEGER NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
  metric          TEXT NOT NULL
                  CHECK (metric IN ('likes', 'reposts', 'replies', 'quotes', 'impressions', 'bookmarks', 'engagements')),
  value           INTEGER NOT NULL CHECK (value >= 0),
  read_at         INTEGER NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('api', 'import', 'manual')),
  -- The scheduled reading this row answers ('1h', '24h', '7d', '30d'); NULL for imports and typed figures.
  point           TEXT CHECK (point IN ('1h', '24h', '7d', '30d')),
  created_at      INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX engagement_readings_once ON engagement_readings (publication_id, source, read_at, metric);
CREATE INDEX engagement_readings_time ON engagement_readings (read_at);

-- A publication whose readings were planned (its outbox jobs written), and whether they go on:
-- 'deleted' when the network no longer has the post, 'stopped' when the account's access was refused.
CREATE TABLE engagement_tracking (
  publication_id  INTEGER PRIMARY KEY REFERENCES publications (id) ON DELETE CASCADE,
  state           TEXT NOT NULL CHECK (state IN ('tracking', 'deleted', 'stopped')),
  note            TEXT,
  updated_at      INTEGER NOT NULL
) STRICT;

-- A partner's followers on a network, as counted on a day (from LinkedIn's export, or typed):
-- the report's "per 1,000 followers" uses the latest count on or before the month's end.
CREATE TABLE follower_counts (
  partner_id  TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  network     TEXT NOT NULL,
  counted_on  TEXT NOT NULL CHECK (counted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  count       INTEGER NOT NULL CHECK (count >= 0),
  source      TEXT NOT NULL CHECK (source IN ('import', 'manual')),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (partner_id, network, counted_on)
) STRICT;
