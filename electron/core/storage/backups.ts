import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MANUAL_BACKUPS_KEPT, backupsToKeep } from '../../../shared/workspace/backupRetention';
import type { BackupInfo } from '../../../shared/workspace/health';
import { copyInBackground } from './copyInBackground';
import { quickCheckInBackground } from './quickCheck';
import type { QuickCheckResult } from './quickCheck';

const NAME = /^plume-(before-restore-|manual-)?(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$/;

const stamp = (at: number): string => {
  const iso = new Date(at).toISOString(); // 2026-11-24T09:00:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
};

function parse(name: string): { takenAt: number; kind: BackupInfo['kind'] } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, prefix, y, mo, d, h, mi, s] = m;
  const kind: BackupInfo['kind'] = prefix === 'before-restore-' ? 'beforeRestore' : prefix === 'manual-' ? 'manual' : 'automatic';
  return { takenAt: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)), kind };
}

/**
 * The copy keeps the live file's WAL mode; switched to a rollback journal it is one file that
 * opens read-only (the check, a user's own copy) without a -wal or -shm beside it.
 */
function selfContained(path: string): void {
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export type BackupOutcome = { status: 'ok'; backup: BackupInfo } | { status: 'damaged'; reason: string };

/**
 * The backups folder (`<dataDir>/backups`): online copies taken with SQLite's backup API,
 * each checked after writing, pruned to the retention policy. Copies kept aside by a restore
 * are listed too (so a restore can be undone) and never pruned.
 */
export class BackupStore {
  /** The name of the last copy this run wrote, by kind. */
  private readonly lastWritten = new Map<'automatic' | 'manual', string>();

  constructor(readonly dir: string) {}

  list(): BackupInfo[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const backups: BackupInfo[] = [];
    for (const name of names) {
      const parsed = parse(name);
      if (!parsed) continue;
      // A file pruned or restored between the listing and this read is simply no longer listed.
      const stat = statSync(join(this.dir, name), { throwIfNoEntry: false });
      if (stat) backups.push({ name, ...parsed, bytes: stat.size });
    }
    return backups.sort((a, b) => b.takenAt - a.takenAt);
  }

  /** The newest copy of the workspace as it ran (automatic or asked for; not one kept aside by a restore). */
  latest(): BackupInfo | null {
    return this.list().find((b) => b.kind !== 'beforeRestore') ?? null;
  }

  pathOf(name: string): string | null {
    return parse(name) ? join(this.dir, name) : null;
  }

  /** Where a restore keeps the file it replaces. */
  beforeRestorePath(now: number): string {
    mkdirSync(this.dir, { recursive: true });
    return join(this.dir, `plume-before-restore-${stamp(now)}.sqlite`);
  }

  /**
   * Copies the live database without stopping it (one consistent snapshot, written by a worker
   * thread while the app keeps reading and writing), checks the copy, then gives it its final
   * name. A failed or damaged copy is removed; the live file is never touched.
   */
  async create(db: Database.Database, now: number, kind: 'automatic' | 'manual' = 'automatic'): Promise<BackupOutcome> {
    mkdirSync(this.dir, { recursive: true });
    const name = `plume-${kind === 'manual' ? 'manual-' : ''}${stamp(now)}.sqlite`;
    const partial = join(this.dir, `.${name}.partial`);
    try {
      // Left by a copy cut short (VACUUM INTO wants a new file).
      rmSync(partial, { force: true });
      await copyInBackground(db.name, partial);
      selfContained(partial);
      const check: QuickCheckResult = await quickCheckInBackground(partial);
      if (check.status === 'damaged') return { status: 'damaged', reason: `backup copy failed its check: ${check.reason}` };
      if (check.status === 'unchecked') throw new Error(`backup copy could not be checked: ${check.reason}`);
      renameSync(partial, join(this.dir, name));
    } finally {
      for (const file of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(file, { force: true });
    }
    const bytes = statSync(join(this.dir, name)).size;
    this.lastWritten.set(kind, name);
    this.prune();
    return { status: 'ok', backup: { name, takenAt: parse(name)?.takenAt ?? now, bytes, kind } };
  }

  /**
   * Automatic backups thinned by day and week; asked-for ones, the newest MANUAL_BACKUPS_KEPT;
   * restore copies never. The last copy of each kind written by this run is always kept: with
   * the system clock set back, it is dated before the others (which hold an older state of the
   * workspace) and the policy alone would remove it at once.
   */
  prune(): void {
    const written = new Set(this.lastWritten.values());
    const backups = this.list();
    const automatic = backups.filter((b) => b.kind === 'automatic');
    const keep = backupsToKeep(automatic.map((b) => b.takenAt));
    const remove = (backup: BackupInfo) => {
      if (!written.has(backup.name)) rmSync(join(this.dir, backup.name), { force: true });
    };
    for (const backup of automatic) if (!keep.has(backup.takenAt)) remove(backup);
    for (const backup of backups.filter((b) => b.kind === 'manual').slice(MANUAL_BACKUPS_KEPT)) remove(backup);
  }
}
