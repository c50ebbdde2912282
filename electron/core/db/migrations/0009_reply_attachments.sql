-- Files carried by partners' replies (a scanned PDF, a marked-up image). Kept ones live
-- content-addressed in <dataDir>/records/attachments/<sha256>; ones over the size limits (or
-- that could not be downloaded) are listed with sha256 NULL, so none goes unmentioned. Each
-- row belongs to the audit fact that recorded the reply (whose details list the same files).
CREATE TABLE reply_attachments (
  id              INTEGER PRIMARY KEY,
  audit_entry_id  INTEGER NOT NULL,
  post_id         TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  position        INTEGER NOT NULL,
  name            TEXT NOT NULL,
  media_type      TEXT NOT NULL,
  bytes           INTEGER NOT NULL CHECK (bytes >= 0),
  status          TEXT NOT NULL CHECK (status IN ('kept', 'tooLarge', 'failed')),
  sha256          TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  CHECK ((status = 'kept') = (sha256 IS NOT NULL)),
  UNIQUE (message_id, position)
) STRICT;
CREATE INDEX reply_attachments_post ON reply_attachments (post_id, sha256);
CREATE INDEX reply_attachments_entry ON reply_attachments (audit_entry_id);
