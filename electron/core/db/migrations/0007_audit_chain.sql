-- Hash chain over the audit log: each entry carries the hash of the one before and its own
-- (SHA-256 of the canonical form in shared/records/auditChain.ts). SQLite has no SHA-256, so
-- core chains the rows left NULL here (existing ones, in id order) right after migrating.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN entry_hash TEXT;

-- A row is written once, then chained once (its NULL hashes set); after that it never changes.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.entry_hash IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Raw messages of sign-off emails (requests sent, replies read), stored content-addressed in
-- <dataDir>/records/eml/<sha256>.eml; the audit entries reference the same hash.
CREATE TABLE record_messages (
  sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  direction    TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  message_id   TEXT,
  request_id   TEXT,
  bytes        INTEGER NOT NULL,
  stored_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX record_messages_request ON record_messages (request_id);

-- Verification names a break (moved or deleted entry) by looking its neighbour's hash up.
CREATE INDEX audit_entry_hash ON audit_log (entry_hash);
