import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ApiError } from '../../../shared/api/errors';
import type { BackupInfo, WorkspaceHealth } from '../../../shared/workspace/health';
import type { Clock } from '../clock';
import { openDatabase } from '../db/open';
import type { MigrationReport } from '../db/migrate';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { BackgroundCheckpoints } from './backgroundCheckpoints';
import { forgetCoverage, recordCoverage, takeCoverage } from './backupCoverage';
import { BackupStore } from './backups';
import { checkDatabaseFile } from './fileCheck';
import { quickCheckInBackground } from './quickCheck';
import { diskFullError, isCorruption, isDiskFull, workspaceDamagedError } from './storageErrors';

export interface StorageOptions {
  databasePath: string;
  dataDir: string;
  clock: Clock;
  log: Logger;
  events: EventBus;
  migrationsDir?: string;
  /** How long after the last backup a changed workspace is backed up again. */
  backupEveryMs?: number;
  /**
   * How long after the first opening the file's quick_check starts (and with it the
   * start-of-session backup and the upkeep waiting for a sound file): the running app lets the
   * first screen be answered and drawn first. 0 by default.
   */
  checkAfterMs?: number;
}

export interface OpenedWorkspace {
  db: Database;
  migration: MigrationReport;
}

const SQLITE_SIDE_FILES = ['-wal', '-shm'];

/**
 * The workspace file's keeper: decides whether it can be trusted (cheap checks at open, a
 * quick_check in a worker right after, any SQLITE_CORRUPT later), stops writes and says so
 * when it cannot, sets the damaged file aside untouched, and takes and restores backups.
 */
export class WorkspaceStorage {
  readonly backups: BackupStore;
  private state: WorkspaceHealth;
  private db: Database | null = null;
  private changedSinceBackup = false;
  private lastBackupAt: number | null;
  private checking: Promise<void> = Promise.resolve();
  private openedBefore = false;
  private upkeepWait: Promise<void> = Promise.resolve();
  private backingUp: Promise<unknown> | null = null;
  private readonly backupEveryMs: number;
  /** The open file's WAL checkpoints, off core's thread (backgroundCheckpoints.ts). */
  private checkpoints: BackgroundCheckpoints | null = null;
  /**
   * The automatic backup that holds the open workspace up to `changesCovered` changes of its
   * connection (SQLite's total_changes(), counted from the opening): the one the start found still
   * current (backupCoverage.ts), or the last one taken since. A clean close with no change past it
   * tells the next start so.
   */
  private covering: { backup: string; changesCovered: number } | null = null;
  private readonly coverageMarker: string;

  constructor(private readonly options: StorageOptions) {
    this.backups = new BackupStore(join(options.dataDir, 'backups'));
    this.coverageMarker = join(this.backups.dir, 'covers-workspace.json');
    this.backupEveryMs = options.backupEveryMs ?? 4 * 3_600_000;
    this.lastBackupAt = this.backups.latest()?.takenAt ?? null;
    this.state = {
      status: 'ok',
      file: options.databasePath,
      reason: null,
      setAsidePath: null,
      readable: true,
      backupsDir: this.backups.dir,
      latestBackup: null,
    };
  }

  health(): WorkspaceHealth {
    return { ...this.state, latestBackup: this.backups.latest() };
  }

  /** Writes are refused while the file is damaged. */
  get refusesWrites(): boolean {
    return this.state.status === 'damaged';
  }

  /**
   * Opens the workspace after cheap checks; null when the file cannot be opened at all (the
   * health then says why). A file found empty is set aside and a new workspace started.
   */
  open(): OpenedWorkspace | null {
    const { databasePath: path, clock, log } = this.options;
    // Read (and removed) before anything opens the file; only the start's opening has one to read.
    const coveredBy = this.openedBefore ? null : takeCoverage(this.coverageMarker, path);
    this.covering = null;
    const check = checkDatabaseFile(path);
    let existed = check.kind === 'plausible';
    if (check.kind === 'damaged') {
      this.damaged(check.reason, false);
      return null;
    }
    if (check.kind === 'empty') {
      const aside = this.asidePath('empty');
      renameSync(path, aside);
      for (const side of SQLITE_SIDE_FILES) rmSync(path + side, { force: true });
      const latest = this.backups.latest();
      this.state = { ...this.state, status: 'emptyFile', reason: 'plume.sqlite was empty (0 bytes)', setAsidePath: aside };
      log.error(
        `workspace file ${path} was empty (0 bytes); set aside as ${aside}; a new workspace was started. ` +
          (latest ? `Latest backup: ${join(this.backups.dir, latest.name)} — restore it from Settings › Backups.` : 'No backup was found.'),
      );
      process.stderr.write(`Plume: ${path} was empty (0 bytes). ${latest ? `Restore the latest backup (${latest.name}) from Settings › Backups.` : 'No backup found; a new workspace was started.'}\n`);
      existed = false;
    }
    let opened: OpenedWorkspace;
    try {
      const { db, migration } = openDatabase(path, clock.now(), this.options.migrationsDir);
      // The schema must read back: a damaged sqlite_schema page fails here, not later.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      opened = { db, migration };
    } catch (error) {
      if (!isCorruption(error)) throw error;
      this.damaged(error instanceof Error ? error.message : String(error), false);
      return null;
    }
    this.db = opened.db;
    // A migration just changed the file: the backup holds the schema before it, not this file.
    if (coveredBy !== null && opened.migration.from === opened.migration.to) this.covering = { backup: coveredBy, changesCovered: 0 };
    this.checkpoints = new BackgroundCheckpoints(opened.db, path, log);
    const openedBefore = this.openedBefore;
    this.openedBefore = true;
    if (existed) {
      this.state = { ...this.state, status: 'checking' };
      // Only the start waits (a restore is checked at once: its caller awaits the check).
      this.checking = this.checkInBackground(opened.db, openedBefore ? 0 : (this.options.checkAfterMs ?? 0));
    } else {
      this.changedSinceBackup = true;
    }
    return opened;
  }

  /**
   * Resolves once the start's first moments are over (`checkAfterMs`): background work that
   * only reads, and need not wait for the file's check, starts then.
   */
  afterStart(): Promise<void> {
    return this.upkeepWait;
  }

  /** Resolves once the background check of the opened file has answered (tests, restore). */
  whenChecked(): Promise<void> {
    return this.checking;
  }

  /**
   * Runs `write` once the opened file is known sound, never while it is checked or damaged:
   * background upkeep (anchoring the audit log, signing posts) must not write into a file
   * that is about to be set aside untouched. Resolves false when it did not run.
   */
  async whenSound<T>(write: () => T | Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const db = this.db;
    await this.checking;
    if (this.db !== db || !db?.open || this.state.status === 'damaged' || this.state.status === 'checking') return { ran: false };
    return { ran: true, value: await write() };
  }

  private async checkInBackground(db: Database, delay: number): Promise<void> {
    this.upkeepWait = delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay).unref()) : Promise.resolve();
    await this.upkeepWait;
    if (this.db !== db) return; // closed or replaced meanwhile
    const result = await quickCheckInBackground(this.options.databasePath);
    if (this.db !== db) return; // closed or replaced meanwhile
    if (result.status === 'damaged') {
      this.damaged(`quick_check: ${result.reason}`, true);
      return;
    }
    if (result.status === 'unchecked') this.options.log.error(`workspace check did not run: ${result.reason}`);
    if (this.state.status === 'checking') this.state = { ...this.state, status: 'ok' };
    this.options.events.emit({ type: 'workspace.health' });
    // The start-of-session backup, once the file is known sound; none when the latest backup
    // already holds the workspace as this session found it.
    const current = this.covering?.backup;
    if (current !== undefined && this.backups.latest()?.name === current) {
      this.options.log.info(`start-of-session backup not needed: the workspace is unchanged since the backup ${join(this.backups.dir, current)}`);
      return;
    }
    await this.backupNow().catch((error: unknown) => this.options.log.error('start-up backup failed', error));
  }

  /**
   * A write procedure succeeded: the next periodic backup has something to keep, and the WAL is
   * checkpointed in the background from now on (not while the file is checked or refused).
   */
  noteWrite(): void {
    this.changedSinceBackup = true;
    if (this.state.status !== 'checking' && !this.refusesWrites) this.checkpoints?.afterWrite();
  }

  /** The scheduler's step: a backup when the workspace changed and the last one is old enough. */
  async backupIfDue(now: number): Promise<void> {
    if (!this.changedSinceBackup || this.state.status === 'damaged' || this.state.status === 'checking') return;
    if (this.lastBackupAt !== null && now - this.lastBackupAt < this.backupEveryMs) return;
    await this.backupNow().catch((error: unknown) => this.options.log.error('periodic backup failed', error));
  }

  /** Takes a backup now (`manual`: the user asked for it); one at a time. Throws the contract's error when it cannot. */
  async backupNow(kind: 'automatic' | 'manual' = 'automatic'): Promise<BackupInfo> {
    while (this.backingUp) await this.backingUp.catch(() => undefined);
    const db = this.db;
    if (!db || this.state.status === 'damaged') throw workspaceDamagedError(this.options.databasePath);
    const now = this.options.clock.now();
    // Changes made from here on may or may not make it into the copy: only those before count as held.
    const changesBefore = totalChanges(db);
    const run = this.backups.create(db, now, kind);
    this.backingUp = run;
    try {
      const outcome = await run;
      if (outcome.status === 'damaged') {
        this.damaged(outcome.reason, true);
        throw workspaceDamagedError(this.options.databasePath);
      }
      this.changedSinceBackup = false;
      this.lastBackupAt = now;
      if (this.db === db) this.covering = { backup: outcome.backup.name, changesCovered: changesBefore };
      this.options.log.info(`backup written: ${join(this.backups.dir, outcome.backup.name)}`);
      return outcome.backup;
    } catch (error) {
      if (isDiskFull(error)) {
        this.options.log.error(`backup not written, the disk is full (${this.backups.dir})`, error);
        throw diskFullError('the backup');
      }
      throw error;
    } finally {
      this.backingUp = null;
    }
  }

  /**
   * What the router does with an error a handler threw: corruption puts the workspace in the
   * damaged state, a full disk gets its own message. Null: not a storage error.
   */
  mapError(procedure: string, error: unknown): ApiError | null {
    if (isCorruption(error)) {
      this.damaged(`${procedure}: ${error instanceof Error ? error.message : String(error)}`, true);
      return workspaceDamagedError(this.options.databasePath);
    }
    if (isDiskFull(error)) {
      this.options.log.error(`${procedure}: the disk is full`, error);
      return diskFullError(procedure);
    }
    return null;
  }

  /** Damage found: stop writing, copy the file aside untouched, say it on the log, the terminal and the UI. */
  damaged(reason: string, readable: boolean): void {
    if (this.state.status === 'damaged') return;
    const { databasePath: path, log } = this.options;
    let aside: string | null = null;
    try {
      aside = this.asidePath('damaged');
      copyFileSync(path, aside);
      for (const side of SQLITE_SIDE_FILES) if (existsSync(path + side)) copyFileSync(path + side, aside + side);
    } catch (error) {
      log.error(`could not copy the damaged workspace file aside`, error);
      aside = null;
    }
    try {
      // Belt and braces behind the router's refusal: this connection can no longer write.
      this.db?.pragma('query_only = ON');
    } catch {
      // A connection to a file this damaged may refuse even that; the router still refuses writes.
    }
    // Nothing more is written into a damaged file, checkpoints included.
    void this.checkpoints?.stop();
    this.state = { ...this.state, status: 'damaged', reason, readable, setAsidePath: aside };
    const latest = this.backups.latest();
    const advice = latest ? `restore the backup ${join(this.backups.dir, latest.name)} from Settings › Backups` : 'no backup exists yet; export what can still be read';
    log.error(`workspace file ${path} is damaged (${reason}); writing stopped; a copy was set aside as ${aside ?? '(copy failed)'}; ${advice}`);
    process.stderr.write(`Plume: the workspace file ${path} is damaged. Writing stopped. ${advice[0]?.toUpperCase() ?? ''}${advice.slice(1)}.\n`);
    this.options.events.emit({ type: 'workspace.health' });
  }

  /**
   * Forgets the open connection before core closes it (restore, shutdown). Resolves once the
   * checkpoints' worker holds no connection to the file: a restore waits for it before moving files.
   */
  detach(): Promise<void> {
    this.db = null;
    const stopped = this.checkpoints?.stop() ?? Promise.resolve();
    this.checkpoints = null;
    return stopped;
  }

  /**
   * Closes the workspace's connection (core's shutdown, a restore). When the file is sound and
   * nothing was written since the start of the latest backup that holds it, the next start is
   * told so (backupCoverage.ts) and skips its own backup.
   */
  closeDatabase(db: Database): void {
    const covering = this.covering;
    const unchanged = covering !== null && db.open && this.state.status === 'ok' && totalChanges(db) === covering.changesCovered;
    db.close();
    if (!unchanged) return;
    try {
      recordCoverage(this.coverageMarker, covering.backup, this.options.databasePath);
    } catch (error) {
      // The next start then backs up again: slower, never wrong.
      this.options.log.error(`could not note that the backup ${covering.backup} holds the closed workspace`, error);
    }
  }

  /**
   * First half of a restore, while the workspace is still open: copies the backup next to
   * the workspace file. A full disk fails here, before anything was closed or moved.
   */
  stageRestore(backupPath: string): string {
    const incoming = `${this.options.databasePath}.restoring`;
    try {
      copyFileSync(backupPath, incoming);
      return incoming;
    } catch (error) {
      rmSync(incoming, { force: true });
      this.options.log.error(`restore from ${backupPath} not started: the copy failed`, error);
      throw isDiskFull(error) ? diskFullError('the restored file') : error;
    }
  }

  /**
   * Second half, once core closed the database: the current file moves aside as a "before
   * restore" backup (so the restore itself can be undone) and the staged copy takes its place.
   * Renames only, so it needs no free space.
   */
  swapIn(incoming: string, backupPath: string): void {
    const { databasePath: path, clock } = this.options;
    const aside = this.backups.beforeRestorePath(clock.now());
    if (existsSync(path)) renameSync(path, aside);
    for (const side of SQLITE_SIDE_FILES) {
      if (existsSync(path + side)) renameSync(path + side, aside + side);
    }
    renameSync(incoming, path);
    // A marker left by the close above speaks of the file set aside.
    forgetCoverage(this.coverageMarker);
    this.covering = null;
    this.state = { ...this.state, status: 'ok', reason: null, setAsidePath: null, readable: true };
    this.options.log.info(`workspace restored from ${backupPath}; the previous file was kept as ${aside}`);
  }

  private asidePath(kind: 'damaged' | 'empty'): string {
    const iso = new Date(this.options.clock.now()).toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
    return `${this.options.databasePath}.${kind}-${iso}`;
  }
}

/** Rows changed through this connection since it opened (SQLite's total_changes()). */
const totalChanges = (db: Database): number => Number(db.prepare('SELECT total_changes()').pluck().get());
