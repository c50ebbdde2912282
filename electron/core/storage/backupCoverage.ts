import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * "The latest backup holds the workspace as it was closed": a marker a clean close leaves in
 * the backups folder, so the next start need not copy an unchanged workspace again (a 1.3 GB
 * agency workspace took 10–30 s of disk at every start, typing slowed meanwhile).
 *
 * The marker names the backup and how the workspace's files stood once closed (size, modification
 * time to the nanosecond, inode; the file and its WAL, whose pages are part of the workspace until
 * checkpointed). The next start reads it and removes it before opening anything, so a session that
 * does not close cleanly (a crash, a kill) leaves none; it counts only if both files are as they were:
 * anything written meanwhile (by Plume, a restore, another tool, a file put back by hand) changes them.
 */
const FileState = z.object({ size: z.string(), mtimeNs: z.string(), ino: z.string() });
type FileState = z.infer<typeof FileState>;

const Coverage = z.object({
  backup: z.string().min(1),
  database: FileState,
  wal: FileState.nullable(),
});

/** The file's state, or null when it does not exist. */
function fileState(path: string): FileState | null {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? { size: String(stat.size), mtimeNs: String(stat.mtimeNs), ino: String(stat.ino) } : null;
}

/** An empty WAL holds nothing: as good as none. */
const walState = (databasePath: string): FileState | null => {
  const wal = fileState(`${databasePath}-wal`);
  return wal && wal.size !== '0' ? wal : null;
};

const sameState = (a: FileState | null, b: FileState | null): boolean =>
  a === null || b === null ? a === b : a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;

/** Writes the marker: `backup` holds the workspace at `databasePath` as its files now stand (once closed). */
export function recordCoverage(markerPath: string, backup: string, databasePath: string): void {
  const database = fileState(databasePath);
  if (!database) return;
  const coverage: z.infer<typeof Coverage> = { backup, database, wal: walState(databasePath) };
  const temporary = `${markerPath}.tmp`;
  writeFileSync(temporary, JSON.stringify(coverage));
  renameSync(temporary, markerPath);
}

/**
 * Reads and removes the marker: the name of the backup that holds the workspace as it now stands,
 * or null (no marker, an unreadable one, or files changed since it was written).
 */
export function takeCoverage(markerPath: string, databasePath: string): string | null {
  let text: string;
  try {
    text = readFileSync(markerPath, 'utf8');
  } catch {
    return null;
  }
  rmSync(markerPath, { force: true });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const coverage = Coverage.safeParse(parsed);
  if (!coverage.success) return null;
  const { backup, database, wal } = coverage.data;
  return sameState(database, fileState(databasePath)) && sameState(wal, walState(databasePath)) ? backup : null;
}

/** Removes the marker (the workspace file was replaced). */
export const forgetCoverage = (markerPath: string): void => rmSync(markerPath, { force: true });
