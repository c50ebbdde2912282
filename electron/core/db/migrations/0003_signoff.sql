-- Sign-off: the append-only audit log, sign-off requests bound to a frozen revision, reply
-- bookkeeping (used tokens, processed inbound messages, inbox position), comments on posts,
-- and the generic outbox of everything that leaves the machine.

CREATE TABLE audit_log (id INTEGER PRIMARY KEY, post_id TEXT NOT NULL, partner_id TEXT NOT NULL, at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('community_manager','partner','system')), actor_name TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL, from_status TEXT, to_status TEXT, revision_number INTEGER, revision_hash TEXT, channel TEXT,
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))) STRICT;
CREATE INDEX audit_partner_at ON audit_log (partner_id, at);  CREATE INDEX audit_post ON audit_log (post_id, id);
ALTER TABLE posts ADD COLUMN pillar TEXT;

-- Append-only: history is never rewritten, not even by a cascade (audit_log has no foreign key).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The approval belongs to a hash: what was approved, through which request, and by when.
ALTER TABLE posts ADD COLUMN approved_hash TEXT;
ALTER TABLE posts ADD COLUMN approved_request_id TEXT;
ALTER TABLE posts ADD COLUMN signoff_deadline_at INTEGER;

-- How long before publication a partner's sign-off is due by default (24 h).
ALTER TABLE partners ADD COLUMN signoff_lead_minutes INTEGER NOT NULL DEFAULT 1440
  CHECK (signoff_lead_minutes BETWEEN 0 AND 43200);

-- One request per "please sign off this exact revision". `content` is the frozen canonical
-- SignoffContent whose SHA-256 is `revision_hash`.
CREATE TABLE signoff_requests (
  id                TEXT PRIMARY KEY,
  post_id           TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  partner_id        TEXT NOT NULL,
  revision_number   INTEGER NOT NULL,
  revision_hash     TEXT NOT NULL,
  content           TEXT NOT NULL CHECK (json_valid(content)),
  state             TEXT NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'approved', 'changes_requested', 'rejected', 'expired', 'withdrawn',
                                     'superseded', 'voided', 'held')),
  -- How the request reached the partner: by email, or not at all (decision taken by phone…).
  channel           TEXT NOT NULL CHECK (channel IN ('email', 'none')),
  deadline_at       INTEGER,
  token_expires_at  INTEGER NOT NULL,
  reminders_sent    INTEGER NOT NULL DEFAULT 0,
  -- When the partner is known to have seen this revision (email sent, or a decision recorded).
  seen_at           INTEGER,
  details           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  decision          TEXT CHECK (decision IS NULL OR decision IN ('approve', 'requestChanges', 'reject')),
  decided_at        INTEGER,
  created_at        INTEGER NOT NULL
) STRICT;

CREATE INDEX signoff_requests_post ON signoff_requests (post_id, created_at);
CREATE INDEX signoff_requests_open ON signoff_requests (deadline_at) WHERE state = 'open';

-- Every email sent about a request, by RFC 5322 Message-ID, to match replies by thread headers.
CREATE TABLE signoff_messages (
  message_id   TEXT PRIMARY KEY,
  request_id   TEXT NOT NULL REFERENCES signoff_requests (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('request', 'reminder')),
  outbox_key   TEXT NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX signoff_messages_request ON signoff_messages (request_id);

-- Tokens are single-use: a token (by its SHA-256) is recorded the first time a reply carries it.
CREATE TABLE signoff_used_tokens (
  token_sha256  TEXT PRIMARY KEY,
  request_id    TEXT NOT NULL,
  decision      TEXT NOT NULL,
  message_id    TEXT NOT NULL,
  used_at       INTEGER NOT NULL
) STRICT;

-- Inbound messages already handled (by Message-ID), so a re-read inbox applies nothing twice.
CREATE TABLE signoff_inbound (
  message_id    TEXT PRIMARY KEY,
  request_id    TEXT,
  outcome       TEXT NOT NULL CHECK (outcome IN ('applied', 'received', 'rejected', 'unmatched')),
  reason        TEXT,
  received_at   INTEGER NOT NULL,
  processed_at  INTEGER NOT NULL
) STRICT;

-- Where the inbox was last read (per mailbox), by UIDVALIDITY and the last UID seen.
CREATE TABLE signoff_inbox_state (
  mailbox       TEXT PRIMARY KEY,
  uid_validity  TEXT NOT NULL,
  last_uid      INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

-- The keychain reference of the token signing key (the key itself is only in the keychain).
CREATE TABLE signoff_key (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  keychain_service  TEXT NOT NULL,
  keychain_account  TEXT NOT NULL,
  created_at        INTEGER NOT NULL
) STRICT;

CREATE TABLE post_comments (
  id                  INTEGER PRIMARY KEY,
  post_id             TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  author_kind         TEXT NOT NULL CHECK (author_kind IN ('community_manager', 'partner')),
  author_name         TEXT NOT NULL DEFAULT '',
  visibility          TEXT NOT NULL CHECK (visibility IN ('internal', 'partner')),
  body                TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  revision_number     INTEGER,
  -- The request email that carried this comment to the partner (NULL: not sent yet).
  sent_in_request_id  TEXT,
  created_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX post_comments_post ON post_comments (post_id, id);

-- Anything that leaves the machine is first a durable job here (emails now, publications next).
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL UNIQUE,
  payload          TEXT NOT NULL CHECK (json_valid(payload)),
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'done', 'failed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  not_before       INTEGER NOT NULL,
  -- While `sending`: until when the worker that claimed it owns it; past that, it is reconciled.
  locked_until     INTEGER,
  last_error       TEXT,
  result           TEXT CHECK (result IS NULL OR json_valid(result)),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  finished_at      INTEGER
) STRICT;

CREATE INDEX outbox_due ON outbox (state, not_before, id);
