import type { Database } from 'better-sqlite3';

interface LineRow {
  body: string;
  version: number;
}

/** Versioned line bodies (JSON validated by the service's schemas on the way in and out). */
export class EditorialLineRepository {
  constructor(private readonly db: Database) {}

  latest(partnerId: string | null): LineRow | null {
    const row = (
      partnerId === null
        ? this.db.prepare("SELECT body, version FROM editorial_lines WHERE scope = 'organisation' ORDER BY version DESC LIMIT 1").get()
        : this.db
            .prepare("SELECT body, version FROM editorial_lines WHERE scope = 'partner' AND partner_id = ? ORDER BY version DESC LIMIT 1")
            .get(partnerId)
    ) as LineRow | undefined;
    return row ?? null;
  }

  insert(partnerId: string | null, version: number, body: unknown, now: number): void {
    this.db
      .prepare('INSERT INTO editorial_lines (scope, partner_id, version, body, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(partnerId === null ? 'organisation' : 'partner', partnerId, version, JSON.stringify(body), now);
  }

  versions(partnerId: string | null): { version: number; createdAt: number }[] {
    const rows = (
      partnerId === null
        ? this.db.prepare("SELECT version, created_at FROM editorial_lines WHERE scope = 'organisation' ORDER BY version DESC").all()
        : this.db.prepare("SELECT version, created_at FROM editorial_lines WHERE scope = 'partner' AND partner_id = ? ORDER BY version DESC").all(partnerId)
    ) as { version: number; created_at: number }[];
    return rows.map((row) => ({ version: row.version, createdAt: row.created_at }));
  }

  at(partnerId: string | null, version: number): LineRow | null {
    const row = (
      partnerId === null
        ? this.db.prepare("SELECT body, version FROM editorial_lines WHERE scope = 'organisation' AND version = ?").get(version)
        : this.db.prepare("SELECT body, version FROM editorial_lines WHERE scope = 'partner' AND partner_id = ? AND version = ?").get(partnerId, version)
    ) as LineRow | undefined;
    return row ?? null;
  }
}
