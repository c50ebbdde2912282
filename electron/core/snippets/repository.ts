import type { Database, Statement } from 'better-sqlite3';
import { SnippetKind, SnippetShortcut } from '../../../shared/snippets/schema';
import type { Snippet, SnippetFields } from '../../../shared/snippets/schema';

interface SnippetRow {
  id: string;
  partner_id: string | null;
  kind: string;
  name: string;
  text: string;
  shortcut: string | null;
  created_at: number;
  updated_at: number;
}

const toSnippet = (row: SnippetRow): Snippet => ({
  id: row.id,
  partnerId: row.partner_id,
  // Read leniently: a kind or shortcut this version does not know becomes a phrase without one.
  kind: SnippetKind.catch('phrase').parse(row.kind),
  name: row.name,
  text: row.text,
  shortcut: SnippetShortcut.nullable().catch(null).parse(row.shortcut),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The only code that writes the snippets table. */
export class SnippetRepository {
  private readonly byOwner: Statement<[string | null]>;
  private readonly withFirm: Statement<[string]>;
  private readonly one: Statement<[string]>;
  private readonly shortcutOwner: Statement<{ partnerId: string | null; shortcut: string; id: string }>;
  private readonly insertRow: Statement<Record<string, unknown>>;
  private readonly updateRow: Statement<Record<string, unknown>>;
  private readonly deleteRow: Statement<[string]>;

  constructor(db: Database) {
    this.byOwner = db.prepare<[string | null]>('SELECT * FROM snippets WHERE partner_id IS ? ORDER BY name, id');
    this.withFirm = db.prepare('SELECT * FROM snippets WHERE partner_id = ? OR partner_id IS NULL ORDER BY name, id');
    this.one = db.prepare('SELECT * FROM snippets WHERE id = ?');
    this.shortcutOwner = db.prepare('SELECT id FROM snippets WHERE partner_id IS @partnerId AND shortcut = @shortcut AND id <> @id');
    this.insertRow = db.prepare(
      `INSERT INTO snippets (id, partner_id, kind, name, text, shortcut, created_at, updated_at)
       VALUES (@id, @partnerId, @kind, @name, @text, @shortcut, @now, @now)`,
    );
    this.updateRow = db.prepare('UPDATE snippets SET kind = @kind, name = @name, text = @text, shortcut = @shortcut, updated_at = @now WHERE id = @id');
    this.deleteRow = db.prepare('DELETE FROM snippets WHERE id = ?');
  }

  /** One owner's snippets: the firm's (null) or a partner's. */
  list(partnerId: string | null): Snippet[] {
    return (this.byOwner.all(partnerId) as SnippetRow[]).map(toSnippet);
  }

  /** A partner's snippets and the firm's. */
  listWithFirm(partnerId: string): Snippet[] {
    return (this.withFirm.all(partnerId) as SnippetRow[]).map(toSnippet);
  }

  get(id: string): Snippet | null {
    const row = this.one.get(id) as SnippetRow | undefined;
    return row ? toSnippet(row) : null;
  }

  /** Whether another snippet of the same owner already has this shortcut. */
  shortcutTaken(partnerId: string | null, shortcut: string, exceptId: string): boolean {
    return this.shortcutOwner.get({ partnerId, shortcut, id: exceptId }) !== undefined;
  }

  insert(id: string, partnerId: string | null, fields: SnippetFields, now: number): void {
    this.insertRow.run({ id, partnerId, ...fields, now });
  }

  update(id: string, fields: SnippetFields, now: number): void {
    this.updateRow.run({ id, ...fields, now });
  }

  delete(id: string): void {
    this.deleteRow.run(id);
  }
}
