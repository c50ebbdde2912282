import type { Database, Statement } from 'better-sqlite3';
import { FormOfAddress } from '../../../shared/partners/schema';
import type { Partner, PartnerFields } from '../../../shared/partners/schema';
import { Network } from '../../../shared/posts/networks';

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
  default_networks: string;
  form_of_address: string;
  is_example: number;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A stored list read leniently: a network this version does not know is left out. */
function networksOf(json: string): Network[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const parsed = Network.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Insert and update bind every optional field, null meaning "keep" (update) or "the column's default" (insert). */
const bind = (fields: PartnerFields) => ({
  ...fields,
  color: fields.color ?? null,
  signoffLeadMinutes: fields.signoffLeadMinutes ?? null,
  defaultNetworks: fields.defaultNetworks === undefined ? null : JSON.stringify(fields.defaultNetworks),
  formOfAddress: fields.formOfAddress ?? null,
});

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
  defaultNetworks: networksOf(row.default_networks),
  formOfAddress: FormOfAddress.catch('').parse(row.form_of_address),
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
           signoff_lead_minutes, default_networks, form_of_address, is_example, created_at, updated_at)
         VALUES (@id, @displayName, @role, @organisation, coalesce(@color, '#4f46e5'), @timeZone, @locale, @signoffEmail,
           coalesce(@signoffLeadMinutes, 1440), coalesce(@defaultNetworks, '[]'), coalesce(@formOfAddress, ''), @isExample, @now, @now)`,
      )
      .run({ id, ...bind(fields), isExample: isExample ? 1 : 0, now });
  }

  update(id: string, fields: PartnerFields, now: number): void {
    this.db
      .prepare(
        `UPDATE partners SET display_name = @displayName, role = @role, organisation = @organisation,
           color = coalesce(@color, color), time_zone = @timeZone, locale = @locale, signoff_email = @signoffEmail,
           signoff_lead_minutes = coalesce(@signoffLeadMinutes, signoff_lead_minutes),
           default_networks = coalesce(@defaultNetworks, default_networks), form_of_address = coalesce(@formOfAddress, form_of_address),
           updated_at = @now
         WHERE id = @id`,
      )
      .run({ id, ...bind(fields), now });
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

  /**
   * An example partner the user wrote posts for becomes one of the user's partners: removing
   * the example must not take those posts with it. Returns how many were kept.
   */
  adoptExampleWithPosts(now: number): number {
    return this.db
      .prepare('UPDATE partners SET is_example = 0, updated_at = ? WHERE is_example = 1 AND EXISTS (SELECT 1 FROM posts WHERE posts.partner_id = partners.id)')
      .run(now).changes;
  }

  /** Example partners go with what is still theirs (accounts, lines: ON DELETE CASCADE). */
  deleteExample(): number {
    return this.db.prepare('DELETE FROM partners WHERE is_example = 1').run().changes;
  }
}
