-- The partner digest (issue 17). A partner without a row gets the default: monthly.
CREATE TABLE partner_digest (
  partner_id  TEXT PRIMARY KEY REFERENCES partners (id) ON DELETE CASCADE,
  frequency   TEXT NOT NULL CHECK (frequency IN ('monthly', 'weekly', 'off')),
  updated_at  INTEGER NOT NULL
) STRICT;

-- Every digest that left, kept for good: which partner, which period, to whom, under which
-- Message-ID, and the SHA-256 of the .eml kept in the records. The audit_log is per post (reports
-- and record exports read it post by post), so a partner-level fact gets its own append-only log.
CREATE TABLE digest_log (
  id          INTEGER PRIMARY KEY,
  partner_id  TEXT NOT NULL,
  period_key  TEXT NOT NULL,
  to_address  TEXT NOT NULL,
  message_id  TEXT NOT NULL,
  eml_sha256  TEXT,
  sent_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX digest_log_partner ON digest_log (partner_id, sent_at);
CREATE TRIGGER digest_log_no_update BEFORE UPDATE ON digest_log
BEGIN
  SELECT RAISE(ABORT, 'digest_log is append-only');
END;
CREATE TRIGGER digest_log_no_delete BEFORE DELETE ON digest_log
BEGIN
  SELECT RAISE(ABORT, 'digest_log is append-only');
END;
