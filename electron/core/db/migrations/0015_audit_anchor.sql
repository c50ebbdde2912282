-- The audit chain's head, anchored: the newest entry's id and hash, with an HMAC under a key
-- kept in the OS keychain. The chain alone cannot show that its newest entries were cut off;
-- the anchor names the entry that must still be there, and only Plume can move it.
CREATE TABLE audit_anchor (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_id  INTEGER NOT NULL,
  head     TEXT NOT NULL CHECK (length(head) = 64),
  mac      TEXT NOT NULL CHECK (length(mac) = 64),
  at       INTEGER NOT NULL
) STRICT;
