-- Which key sealed the anchor: a non-secret id derived from the anchor key (never the key).
-- A keychain that lost the key (reset, another computer, a backup restored elsewhere) makes a
-- new one; verification can then tell « sealed by a key this keychain no longer has » from « the
-- seal does not verify under the key that sealed it » (forged). NULL: an anchor written before
-- this migration (see electron/core/audit/anchor.ts for what such an anchor reports).
ALTER TABLE audit_anchor ADD COLUMN key_id TEXT CHECK (key_id IS NULL OR length(key_id) = 64);
