import type { Database, Statement } from 'better-sqlite3';
import type { Partner, PartnerFields } from '../../../shared/partners/schema';

interface PartnerRow {
  id: string;
  display_name: string;
  role: string;
  organisation: string;
  color: string;
  time_zone: string;
  locale: 'fr' | 'en';
  signoff_email: string;
  signoff_lead_minutes: number;
  is_example: number;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

const toPartner = (row: PartnerRow): Partner => ({
  id: row.id,
  displayName: row.display_name,
  role: row.role,
  organisation: row.organisation,
  color: row.color,
  timeZone: row.time_zone,
  locale: row.locale,
  signoffEmail: row.signoff_email,
  signoffLeadMinutes: row.signoff_lead_minutes,
  isExample: row.is_example === 1,
  archivedAt: row.archived_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class PartnerRepository {
  private readonly byId: Statement<[string], PartnerRow>;
  private readonly listActive: Statement<[], PartnerRow>;
  private readonly listAll: Statement<[], PartnerRow>;

  constructor(private readonly db: Database) {
    this.byId = db.prepare('SELECT * FROM partners WHERE id = ?');
    this.listActive = db.prepare('SELECT * FROM partners WHERE archived_at IS NULL ORDER BY display_name COLLATE NOCASE');
    this.listAll = db.prepare('SELECT * FROM partners ORDER BY archived_at IS NOT NULL, display_name COLLATE NOCASE');
  }

  get(id: string): Partner | null {
    const row = this.byId.get(id);
    return row ? toPartner(row) : null;
  }

  list(includeArchived: boolean): Partner[] {
    return (includeArchived ? this.listAll : this.listActive).all().map(toPartner);
  }

  insert(id: string, fields: PartnerFields, now: number, isExample = false): void {
    this.db
      .prepare(
        `INSERT INTO partners (id, display_name, role, organisation, color, time_zone, locale, signoff_email,
           signoff_lead_minutes, is_example, created_at, updated_at)
         VALUES (@id, @displayName, @role, @organisation, @color, @timeZone, @locale, @signoffEmail,
           coalesce(@signoffLeadMinutes, 1440), @isExample, @now, @now)`,
      )
      .run({ id, ...fields, signoffLeadMinutes: fields.signoffLeadMinutes ?? null, isExample: isExample ? 1 : 0, now });
  }

  update(id: string, fields: PartnerFields, now: number): void {
    this.db
      .prepare(
        `UPDATE partners SET display_name = @displayName, role = @role, organisation = @organisation,
           color = @color, time_zone = @timeZone, locale = @locale, signoff_email = @signoffEmail,
           signoff_lead_minutes = coalesce(@signoffLeadMinutes, signoff_lead_minutes), updated_at = @now
         WHERE id = @id`,
      )
      .run({ id, ...fields, signoffLeadMinutes: fields.signoffLeadMinutes ?? null, now });
  }

  setArchived(id: string, archivedAt: number | null, now: number): void {
    this.db.prepare('UPDATE partners SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, now, id);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM partners').get() as { n: number }).n;
  }

  countExample(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM partners WHERE is_example = 1').get() as { n: number }).n;
  }

  /** Example partners go with their posts and revisions (ON DELETE CASCADE). */
  deleteExample(): number {
    return this.db.prepare('DELETE FROM partners WHERE is_example = 1').run().changes;
  }
}
