import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ApiError } from '../../../shared/api/errors';
import type { BackupFailure, BackupInfo, WorkspaceHealth } from '../../../shared/workspace/health';
import type { Clock } from '../clock';
import { openDatabase } from '../db/open';
import type { MigrationReport } from '../db/migrate';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { BackgroundCheckpoints } from './backgroundCheckpoints';
import { forgetCoverage, recordCoverage, takeCoverage } from './backupCoverage';
import { BackupStore } from './backups';
import { checkDatabaseFile, walHoldsFrames } from './fileCheck';
import { FileHold } from './fileHold';
import { quickCheckInBackground } from './quickCheck';
import { setAsideCopy } from './setAside';
import { newestSoundBackup } from './soundBackup';
import {
  backupFolderReadOnlyError,
  diskFullAskAgainError,
  diskFullError,
  isCorruption,
  isDiskFull,
  isWriteRefusedBySystem,
  mayBeReadOnly,
  workspaceDamagedError,
  workspaceReadOnlyError,
  workspaceUnopenableError,
  workspaceReopeningError,
  workspaceUnreadableError,
} from './storageErrors';
import { writeRefusal } from './writability';

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
  /**
   * The file refused writing and now accepts it again: core reopens it (a connection SQLite
   * opened read-only stays read-only). Checked every `writableCheckEveryMs` (2 s by default).
   */
  onWritableAgain?: () => void;
  writableCheckEveryMs?: number;
}

export interface OpenedWorkspace {
  db: Database;
  migration: MigrationReport;
}

const SQLITE_SIDE_FILES = ['-wal', '-shm'];
/** After an automatic backup failed (a full disk…), the next automatic try waits this long. */
const BACKUP_RETRY_AFTER_MS = 15 * 60_000;

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
  /** Keeps any checkpoint out of a file not yet known sound, or damaged (fileHold.ts). */
  private hold: FileHold | null = null;
  /** While the file refuses writing: the timer that notices when it accepts writes again. */
  private writableWatch: ReturnType<typeof setInterval> | null = null;
  /** Each search for a sound backup; a newer one (a restore, another damage) makes the older moot. */
  private backupSearch = 0;
  private backupsSearched: Promise<void> = Promise.resolve();

  constructor(private readonly options: StorageOptions) {
    this.backups = new BackupStore(join(options.dataDir, 'backups'));
    this.coverageMarker = join(this.backups.dir, 'covers-workspace.json');
    this.backupEveryMs = options.backupEveryMs ?? 4 * 3_600_000;
    this.lastBackupAt = this.backups.latest()?.takenAt ?? null;
    this.state = {
      status: 'ok',
      file: options.databasePath,
      reason: null,
      cause: null,
      setAsidePath: null,
      setAsideEarlier: false,
      readable: true,
      readOnly: false,
      backupsDir: this.backups.dir,
      latestBackup: null,
      soundBackup: null,
      backupsChecked: false,
      damagedBackups: [],
      lastBackupFailure: null,
    };
  }

  health(): WorkspaceHealth {
    return { ...this.state, latestBackup: this.backups.latest() };
  }

  /** Writes are refused while the file is damaged. */
  get refusesWrites(): boolean {
    return this.state.status === 'damaged';
  }

  /** While core closes the workspace and opens it again (`whileReopening`). */
  private reopening = false;

  /**
   * Runs core's closing and opening again of the workspace (the file writable again, a backup
   * restored): calls meanwhile are told to try again in a moment, not that the file is unreadable.
   */
  async whileReopening<T>(run: () => Promise<T>): Promise<T> {
    this.reopening = true;
    try {
      return await run();
    } finally {
      this.reopening = false;
    }
  }

  /**
   * What every call answers while no workspace is open: it is being reopened (try again in a
   * moment), the file is not one Plume may open, or it cannot be read.
   */
  unavailableError(): ApiError {
    const { databasePath: path } = this.options;
    if (this.reopening) return workspaceReopeningError(path);
    return this.state.status === 'unopenable' ? workspaceUnopenableError(path, this.state.cause ?? 'noAccess') : workspaceUnreadableError(path);
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
    if (check.kind === 'unopenable') {
      this.unopenable(check.cause, check.reason);
      return null;
    }
    if (check.kind === 'empty') {
      const aside = this.asidePath('empty');
      renameSync(path, aside);
      for (const side of SQLITE_SIDE_FILES) rmSync(path + side, { force: true });
      this.state = { ...this.state, status: 'emptyFile', reason: 'plume.sqlite was empty (0 bytes)', setAsidePath: aside };
      log.error(`workspace file ${path} was empty (0 bytes); set aside as ${aside}; a new workspace was started; the backups are being checked for the newest sound one`);
      process.stderr.write(`Plume: ${path} was empty (0 bytes); a new workspace was started.\n`);
      this.searchSoundBackup(true);
      existed = false;
    }
    // A WAL beside the file is written into it by the last connection to close, whatever it
    // holds (another database's, left beside this one): not before the file is known sound.
    if (existed && walHoldsFrames(path)) this.holdFile();
    let opened: OpenedWorkspace;
    let db: Database | null = null;
    try {
      const { db: openedDb, migration } = openDatabase(path, clock.now(), this.options.migrationsDir);
      db = openedDb;
      // The schema must read back: a damaged sqlite_schema page fails here, not later.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      opened = { db, migration };
    } catch (error) {
      // Closed while the hold keeps its WAL out of the file (openDatabase closes it on its own failures).
      if (db?.open) db.close();
      if (isCorruption(error)) {
        this.damaged(error instanceof Error ? error.message : String(error), false);
        return null;
      }
      this.releaseFile();
      const refusal = mayBeReadOnly(error) ? writeRefusal(path) : null;
      if (refusal === null) throw error;
      // Opening needed a write (a migration) the file refuses: nothing to serve until it accepts it.
      this.readOnly(`opening: ${error instanceof Error ? error.message : String(error)}`, refusal);
      this.unopenable('noAccess', `${refusal.file} refuses writing (${refusal.code}) and opening it needs a write`);
      return null;
    }
    this.db = opened.db;
    if (this.state.status === 'unopenable') this.state = { ...this.state, status: 'ok', cause: null, reason: null };
    const refusal = writeRefusal(path);
    if (refusal !== null) this.readOnly('at open', refusal);
    else if (this.state.readOnly) this.writableAgain(false);
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
    // A file that refuses writing is left alone too: the reopening once it accepts them runs these again.
    if (this.db !== db || !db?.open || this.state.status === 'damaged' || this.state.status === 'checking' || this.state.readOnly) return { ran: false };
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
    // Known sound: its WAL may be checkpointed into it from now on.
    this.releaseFile();
    this.options.events.emit({ type: 'workspace.health' });
    // The start-of-session backup, once the file is known sound; none when the latest backup
    // already holds the workspace as this session found it.
    const current = this.covering?.backup;
    if (current !== undefined && this.backups.latest()?.name === current) {
      this.options.log.info(`start-of-session backup not needed: the workspace is unchanged since the backup ${join(this.backups.dir, current)}`);
      return;
    }
    await this.backupNow().catch(() => undefined);
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
    // A failed one is said once and tried again later, not at every tick of a full disk.
    const failed = this.state.lastBackupFailure;
    if (failed !== null && now - failed.at < BACKUP_RETRY_AFTER_MS) return;
    await this.backupNow().catch(() => undefined);
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
      if (this.state.lastBackupFailure !== null) {
        this.state = { ...this.state, lastBackupFailure: null };
        this.options.events.emit({ type: 'workspace.health' });
      }
      return outcome.backup;
    } catch (error) {
      const cause = this.backupFailed(kind, now, error);
      if (cause === 'diskFull') throw kind === 'manual' ? diskFullAskAgainError('backup') : diskFullError('the backup');
      if (cause === 'readOnly') throw backupFolderReadOnlyError(this.backups.dir);
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
    const { databasePath: path } = this.options;
    if (isCorruption(error)) {
      this.damaged(`${procedure}: ${error instanceof Error ? error.message : String(error)}`, true);
      return workspaceDamagedError(path);
    }
    if (isDiskFull(error)) {
      this.options.log.error(`${procedure}: the disk is full`, error);
      return diskFullError(procedure);
    }
    if (mayBeReadOnly(error)) {
      const refusal = writeRefusal(path);
      // SQLITE_READONLY: this connection was opened read-only, even if the file was made writable since.
      const readOnlyConnection = error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_READONLY') && error.code !== 'SQLITE_READONLY_DBMOVED';
      if (refusal !== null || readOnlyConnection) {
        this.readOnly(`${procedure}: ${error instanceof Error ? error.message : String(error)}`, refusal);
        return workspaceReadOnlyError(path);
      }
    }
    return null;
  }

  /**
   * The file refuses writing (its rights, an immutable file, a disk mounted read-only): said
   * once in the log, on the terminal and in the UI (not at every save the editor retries), then
   * watched until it accepts writes again.
   */
  private readOnly(reason: string, refusal: { code: string; file: string } | null): void {
    const { databasePath: path, log } = this.options;
    if (!this.state.readOnly) {
      this.state = { ...this.state, readOnly: true };
      const why = refusal ? `${refusal.code} on ${refusal.file}` : reason;
      log.error(
        `workspace file ${path} is read-only (${why}): nothing can be saved. Make it writable (the file's rights, a locked disk); Plume notices it and saves again by itself. Detail: ${reason}`,
      );
      process.stderr.write(`Plume: the workspace file ${path} is read-only (${why}): nothing can be saved. Make it writable; Plume will retry by itself.\n`);
      this.options.events.emit({ type: 'workspace.health' });
    }
    if (this.writableWatch !== null) return;
    this.writableWatch = setInterval(() => {
      if (writeRefusal(path) === null) this.writableAgain(true);
    }, this.options.writableCheckEveryMs ?? 2_000);
    this.writableWatch.unref();
  }

  /** The file accepts writes again: said, and (`reopen`) core reopens it (onWritableAgain). */
  private writableAgain(reopen: boolean): void {
    this.stopWatchingWritable();
    if (!this.state.readOnly) return;
    this.state = { ...this.state, readOnly: false };
    this.options.log.info(`workspace file ${this.options.databasePath} is writable again; saving resumes`);
    this.options.events.emit({ type: 'workspace.health' });
    if (reopen) this.options.onWritableAgain?.();
  }

  private stopWatchingWritable(): void {
    if (this.writableWatch !== null) clearInterval(this.writableWatch);
    this.writableWatch = null;
  }

  /** A backup that failed: kept for Settings › Backups, and an automatic one raises an alert (nobody asked for it, nobody would see it). */
  private backupFailed(kind: BackupFailure['kind'], at: number, error: unknown): BackupFailure['cause'] {
    const cause: BackupFailure['cause'] = isDiskFull(error)
      ? 'diskFull'
      : isWriteRefusedBySystem(error) || (mayBeReadOnly(error) && writeRefusal(join(this.backups.dir, 'plume-backup.sqlite')) !== null)
        ? 'readOnly'
        : 'other';
    const detail = error instanceof Error ? error.message : String(error);
    const dir = this.backups.dir;
    const advice = cause === 'diskFull' ? 'free some space' : cause === 'readOnly' ? `make ${dir} writable` : 'see the error below';
    this.options.log.error(`${kind === 'manual' ? 'backup asked for' : 'automatic backup'} not written (${dir}): ${advice}; ${kind === 'manual' ? 'press « Back up now » again' : 'Plume tries again later'}`, error);
    this.state = { ...this.state, lastBackupFailure: { at, kind, cause, detail } };
    if (kind === 'automatic') {
      this.options.events.emit({ type: 'alert', messageKey: `storage.alerts.backupFailed.${cause}`, params: { dir }, severity: 'error', postId: null });
    }
    this.options.events.emit({ type: 'workspace.health' });
    return cause;
  }

  /** plume.sqlite is not a file Plume may open: said, nothing copied or changed. */
  private unopenable(cause: 'directory' | 'noAccess', reason: string): void {
    const { databasePath: path, log } = this.options;
    const error = workspaceUnopenableError(path, cause);
    this.state = { ...this.state, status: 'unopenable', cause, reason, readable: false };
    log.error(`${error.message} (${reason})`);
    process.stderr.write(`Plume: ${error.message}\n`);
    this.options.events.emit({ type: 'workspace.health' });
  }

  /** Damage found: stop writing, copy the file aside untouched, say it on the log, the terminal and the UI. */
  damaged(reason: string, readable: boolean): void {
    if (this.state.status === 'damaged') return;
    const { databasePath: path, log } = this.options;
    // Before anything closes: no connection may checkpoint a WAL into the file from now on.
    if (this.db?.open) this.holdFile();
    let aside: string | null = null;
    let earlier = false;
    try {
      ({ path: aside, earlier } = setAsideCopy(path, this.asidePath('damaged')));
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
    this.state = { ...this.state, status: 'damaged', reason, readable, setAsidePath: aside, setAsideEarlier: earlier };
    const copy = aside === null ? '(copy failed)' : earlier ? `${aside} (set aside by an earlier start: the same bytes, no second copy)` : aside;
    log.error(`workspace file ${path} is damaged (${reason}); writing stopped; the file is left as it is; a copy was set aside as ${copy}; the backups are being checked for the newest sound one`);
    process.stderr.write(`Plume: the workspace file ${path} is damaged. Writing stopped; the file is left as it is.\n`);
    this.searchSoundBackup(readable);
    this.options.events.emit({ type: 'workspace.health' });
  }

  /** Resolves once the backups were checked for the one to offer (tests). */
  whenBackupsChecked(): Promise<void> {
    return this.backupsSearched;
  }

  /** Finds the newest backup that passes its check, offers it on the screen and names it in the log. */
  private searchSoundBackup(readable: boolean): void {
    const search = ++this.backupSearch;
    const { log } = this.options;
    const dir = this.backups.dir;
    this.state = { ...this.state, soundBackup: null, backupsChecked: false, damagedBackups: [] };
    const candidates = this.backups.list().filter((backup) => backup.kind !== 'beforeRestore');
    this.backupsSearched = newestSoundBackup(dir, candidates).then(({ sound, damaged, unchecked }) => {
      if (search !== this.backupSearch) return;
      this.state = { ...this.state, soundBackup: sound, backupsChecked: true, damagedBackups: damaged };
      for (const { name, reason } of unchecked) log.error(`backup ${join(dir, name)} could not be checked (${reason}); not offered`);
      const found = damaged.length > 0 ? `; damaged too, not offered: ${damaged.join(', ')}` : '';
      const advice = sound
        ? `restore the backup ${join(dir, sound.name)}, the newest that passes its check, from the screen or Settings › Backups${found}`
        : candidates.length > 0
          ? `no backup passes its check${found}${readable ? '; export what can still be read' : ''}`
          : `no backup exists yet${readable ? '; export what can still be read' : ''}`;
      log.error(`workspace file ${this.options.databasePath}: ${advice}`);
      process.stderr.write(`Plume: ${advice[0]?.toUpperCase() ?? ''}${advice.slice(1)}.\n`);
      this.options.events.emit({ type: 'workspace.health' });
    });
  }

  /** Keeps checkpoints out of the file (fileHold.ts); a failure to is said, never fatal. */
  private holdFile(): void {
    if (this.hold !== null) return;
    const taken = FileHold.take(this.options.databasePath);
    this.hold = taken.hold;
    if (taken.hold === null) this.options.log.error('could not hold the workspace file against checkpoints while it is not known sound', taken.error);
  }

  /** Once no connection to a damaged file is left open, or the file is known sound. */
  releaseFile(): void {
    const hold = this.hold;
    this.hold = null;
    try {
      hold?.release();
    } catch (error) {
      this.options.log.error('could not release the hold on the workspace file', error);
    }
  }

  /**
   * Forgets the open connection before core closes it (restore, shutdown). Resolves once the
   * checkpoints' worker holds no connection to the file: a restore waits for it before moving files.
   */
  detach(): Promise<void> {
    this.db = null;
    this.stopWatchingWritable();
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
    // Only now: the connection closed above could not checkpoint while the hold was on.
    this.releaseFile();
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
      throw isDiskFull(error) ? diskFullAskAgainError('restore') : error;
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
    // A damaged file no wiring had open is still held: let go before it moves.
    this.releaseFile();
    if (existsSync(path)) renameSync(path, aside);
    for (const side of SQLITE_SIDE_FILES) {
      if (existsSync(path + side)) renameSync(path + side, aside + side);
    }
    renameSync(incoming, path);
    // A marker left by the close above speaks of the file set aside.
    forgetCoverage(this.coverageMarker);
    this.covering = null;
    this.backupSearch += 1;
    this.state = {
      ...this.state,
      status: 'ok',
      cause: null,
      reason: null,
      setAsidePath: null,
      setAsideEarlier: false,
      readable: true,
      soundBackup: null,
      backupsChecked: false,
      damagedBackups: [],
    };
    this.options.log.info(`workspace restored from ${backupPath}; the previous file was kept as ${aside}`);
  }

  private asidePath(kind: 'damaged' | 'empty'): string {
    const iso = new Date(this.options.clock.now()).toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
    return `${this.options.databasePath}.${kind}-${iso}`;
  }
}

/** Rows changed through this connection since it opened (SQLite's total_changes()). */
const totalChanges = (db: Database): number => Number(db.prepare('SELECT total_changes()').pluck().get());
