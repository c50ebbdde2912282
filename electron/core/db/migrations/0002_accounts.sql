-- Network accounts, the user's own OAuth app clients, and the workstation's mail account.
-- No secret is ever stored here: each row holds only the OS keychain reference
-- (keychain_service + keychain_account) under which core keeps the secret.

CREATE TABLE accounts (
  id                TEXT PRIMARY KEY,
  partner_id        TEXT NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
  network           TEXT NOT NULL
                    CHECK (network IN ('linkedin', 'x', 'mastodon', 'bluesky', 'facebook', 'instagram', 'threads')),
  -- The network's stable id for the account (OIDC sub, DID, Mastodon id…): reconnecting the
  -- same account updates its row instead of adding a second one.
  external_id       TEXT NOT NULL DEFAULT '',
  handle            TEXT NOT NULL DEFAULT '',
  display           TEXT NOT NULL DEFAULT '',
  avatar_url        TEXT,
  -- Mastodon instance, or the Bluesky PDS (service) URL.
  instance_url      TEXT,
  status            TEXT NOT NULL DEFAULT 'untested'
                    CHECK (status IN ('connected', 'expired', 'needs_reauth', 'untested')),
  last_error        TEXT,
  keychain_service  TEXT NOT NULL,
  keychain_account  TEXT NOT NULL,
  token_expires_at  INTEGER,
  refreshable       INTEGER NOT NULL DEFAULT 0 CHECK (refreshable IN (0, 1)),
  last_tested_at    INTEGER,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  UNIQUE (keychain_service, keychain_account)
) STRICT;

CREATE INDEX accounts_partner ON accounts (partner_id, network);
CREATE UNIQUE INDEX accounts_identity ON accounts (partner_id, network, external_id) WHERE external_id <> '';
CREATE INDEX accounts_expiry ON accounts (token_expires_at) WHERE token_expires_at IS NOT NULL;

-- The user's own app registration per OAuth network (client id shown in the UI; the pair
-- client id + secret lives in the keychain).
CREATE TABLE oauth_apps (
  network           TEXT PRIMARY KEY
                    CHECK (network IN ('linkedin', 'x', 'facebook', 'instagram', 'threads')),
  client_id         TEXT NOT NULL,
  has_secret        INTEGER NOT NULL CHECK (has_secret IN (0, 1)),
  -- A fixed loopback port for networks that only accept an exactly registered redirect URI;
  -- NULL = a random port per flow (RFC 8252 §7.3).
  redirect_port     INTEGER CHECK (redirect_port IS NULL OR redirect_port BETWEEN 1024 AND 65535),
  keychain_service  TEXT NOT NULL,
  keychain_account  TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
) STRICT;

-- One mail account for the workstation (sign-off requests), hence the single row id = 1.
CREATE TABLE mail_account (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  smtp_host         TEXT NOT NULL,
  smtp_port         INTEGER NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
  smtp_security     TEXT NOT NULL CHECK (smtp_security IN ('tls', 'starttls', 'none')),
  imap_host         TEXT NOT NULL,
  imap_port         INTEGER NOT NULL CHECK (imap_port BETWEEN 1 AND 65535),
  imap_security     TEXT NOT NULL CHECK (imap_security IN ('tls', 'starttls', 'none')),
  username          TEXT NOT NULL,
  from_address      TEXT NOT NULL,
  from_name         TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'untested'
                    CHECK (status IN ('connected', 'expired', 'needs_reauth', 'untested')),
  last_error        TEXT,
  last_tested_at    INTEGER,
  keychain_service  TEXT NOT NULL,
  keychain_account  TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
) STRICT;

-- Rows deleted by a cascade (a partner removed) leave their keychain items behind; this queue
-- lets core delete them from the keychain when it next can.
CREATE TABLE keychain_orphans (
  keychain_service  TEXT NOT NULL,
  keychain_account  TEXT NOT NULL,
  queued_at         INTEGER NOT NULL,
  PRIMARY KEY (keychain_service, keychain_account)
) STRICT;

CREATE TRIGGER accounts_orphan_secret AFTER DELETE ON accounts
BEGIN
  INSERT OR IGNORE INTO keychain_orphans (keychain_service, keychain_account, queued_at)
  VALUES (old.keychain_service, old.keychain_account, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
