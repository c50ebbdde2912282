-- What a partner's new posts start with, and how the partner is addressed.
-- default_networks: a JSON array of network names ticked on each new post of the partner.
ALTER TABLE partners ADD COLUMN default_networks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(default_networks) AND json_type(default_networks) = 'array');
-- form_of_address: 'madame', 'monsieur' or '' (not said); the editorial pack writes "Avocate" or "Avocat" from it.
ALTER TABLE partners ADD COLUMN form_of_address TEXT NOT NULL DEFAULT '' CHECK (form_of_address IN ('', 'madame', 'monsieur'));

-- Partners created before this release all got the same default colour (#4f46e5): the first
-- keeps it, the others take the palette's next colours (shared/partners/palette.ts), in order of creation.
WITH palette (i, colour) AS (
  VALUES (0, '#4f46e5'), (1, '#c2410c'), (2, '#0f766e'), (3, '#be185d'), (4, '#0369a1'),
         (5, '#7e22ce'), (6, '#4d7c0f'), (7, '#b91c1c'), (8, '#b45309'), (9, '#047857')
),
ranked AS (
  SELECT id, (row_number() OVER (ORDER BY created_at, id) - 1) % 10 AS i FROM partners WHERE color = '#4f46e5'
)
UPDATE partners SET color = (SELECT p.colour FROM ranked r JOIN palette p ON p.i = r.i WHERE r.id = partners.id)
WHERE id IN (SELECT id FROM ranked);
