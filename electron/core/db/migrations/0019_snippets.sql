-- Snippets: a signature or disclosure, a hashtag set, a recurring phrase, kept by the firm
-- (partner_id NULL, offered for every partner) or by one partner. A shortcut digit is unique
-- within its owner; a partner's may repeat a firm's (the partner's wins in the editor).

CREATE TABLE snippets (
  id          TEXT PRIMARY KEY,
  partner_id  TEXT REFERENCES partners (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('signature', 'hashtags', 'phrase')),
  name        TEXT NOT NULL,
  text        TEXT NOT NULL,
  shortcut    TEXT CHECK (shortcut IS NULL OR shortcut GLOB '[1-9]'),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX snippets_owner ON snippets (partner_id);
-- NULL partner_id never collides in a UNIQUE index, hence the firm's own one.
CREATE UNIQUE INDEX snippets_partner_shortcut ON snippets (partner_id, shortcut) WHERE partner_id IS NOT NULL AND shortcut IS NOT NULL;
CREATE UNIQUE INDEX snippets_firm_shortcut ON snippets (shortcut) WHERE partner_id IS NULL AND shortcut IS NOT NULL;
