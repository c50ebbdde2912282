-- Link cards (issue 16): each page's Open Graph data, or why it could not be read, as last
-- fetched. Previews read this table only, so they work offline from what was fetched before.
-- card: JSON (shared/previews/schema.ts LinkCard) when status = 'ready'; reason: a
-- LinkCardRefusal when status = 'refused'.
CREATE TABLE link_cards (
  url TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('ready', 'refused')),
  card TEXT CHECK (card IS NULL OR json_valid(card)),
  reason TEXT,
  fetched_at INTEGER NOT NULL,
  CHECK ((status = 'ready' AND card IS NOT NULL) OR (status = 'refused' AND reason IS NOT NULL))
) STRICT;
