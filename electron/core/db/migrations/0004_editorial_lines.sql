-- Editorial lines: the firm's line and each partner's line, versioned. Saving a line inserts
-- its next version; old versions stay, so every check can say which version it used.
CREATE TABLE editorial_lines (
  id          INTEGER PRIMARY KEY,
  scope       TEXT NOT NULL CHECK (scope IN ('organisation', 'partner')),
  partner_id  TEXT REFERENCES partners (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version >= 1),
  body        TEXT NOT NULL CHECK (json_valid(body)),
  created_at  INTEGER NOT NULL,
  CHECK ((scope = 'organisation') = (partner_id IS NULL))
) STRICT;

CREATE UNIQUE INDEX editorial_lines_version ON editorial_lines (scope, coalesce(partner_id, ''), version);
