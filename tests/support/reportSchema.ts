import Database from 'better-sqlite3';

/**
 * The audit log and the posts' pillar, exactly as the lead's migration will add them.
 * Until that migration lands, report tests apply this to a core's file when `audit_log` is
 * missing. Delete this helper (and its calls) once the migration is in.
 */
export const reportSchemaSql = `
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, post_id TEXT NOT NULL, partner_id TEXT NOT NULL, at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('community_manager','partner','system')), actor_name TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL, from_status TEXT, to_status TEXT, revision_number INTEGER, revision_hash TEXT, channel TEXT,
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))) STRICT;
CREATE INDEX audit_partner_at ON audit_log (partner_id, at);
CREATE INDEX audit_post ON audit_log (post_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
ALTER TABLE posts ADD COLUMN pillar TEXT;
`;

/** Opens the core's SQLite file (`${dir}/plume.sqlite`) beside the core and adds the report schema if missing. */
export function openWithReportSchema(databasePath: string): Database.Database {
  const db = new Database(databasePath);
  db.pragma('busy_timeout = 5000');
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  if (!exists) db.exec(reportSchemaSql);
  return db;
}
