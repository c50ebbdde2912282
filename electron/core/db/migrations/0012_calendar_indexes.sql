-- The calendar reads a range of scheduled posts thousands at a time (a week of an agency holds
-- ~700, a month ~3,000, among 100,000). Rows carry bodies of ~1.5 KB: reading them to pick the
-- few columns the calendar paints and the warnings count cost most of the query, cold. This
-- index holds every column the range query and the warnings read (titles only, no bodies), so
-- both are answered from the index alone. It replaces the plain index on scheduled_at.
DROP INDEX IF EXISTS posts_scheduled;
CREATE INDEX posts_calendar ON posts (scheduled_at, partner_id, status, networks, pillar, version, scheduled_zone, id, title)
  WHERE scheduled_at IS NOT NULL;
