import { z } from 'zod';

/** One backup: automatic, asked for (« Sauvegarder maintenant »), or a copy kept aside by a restore; newest first in lists. */
export const BackupInfo = z.object({
  name: z.string(),
  /** When it was taken (UTC ms). */
  takenAt: z.number().int(),
  bytes: z.number().int().nonnegative(),
  kind: z.enum(['automatic', 'manual', 'beforeRestore']),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** The latest backup that failed (automatic or asked for), until one succeeds: said in Settings › Backups and the status bar. */
export const BackupFailure = z.object({
  /** When it failed (UTC ms). */
  at: z.number().int(),
  kind: z.enum(['automatic', 'manual']),
  /** diskFull: free space; readOnly: the backups folder or the file refuses writing; other: see plume.log. */
  cause: z.enum(['diskFull', 'readOnly', 'other']),
  /** Technical detail for the log and support (English). */
  detail: z.string(),
});
export type BackupFailure = z.infer<typeof BackupFailure>;

/**
 * Whether the workspace file can be trusted.
 * - ok: nothing wrong found (yet: `checking` while the background check runs);
 * - damaged: writes are refused; reads go on when the file still opens (`readable`);
 * - emptyFile: plume.sqlite was 0 bytes; Plume started a new workspace and offers the backup;
 * - unopenable: plume.sqlite is not a file Plume may open (`cause`: a folder of that name, no
 *   right to read it); nothing is wrong inside it, nothing was copied or changed.
 * Apart from those, `readOnly`: the file (or its disk) refuses writing; nothing is saved until it
 * is writable again, which Plume notices by itself.
 */
export const WorkspaceHealth = z.object({
  status: z.enum(['checking', 'ok', 'damaged', 'emptyFile', 'unopenable']),
  cause: z.enum(['directory', 'noAccess']).nullable(),
  file: z.string(),
  /** Technical detail for the log and support (English, never user content). */
  reason: z.string().nullable(),
  /** Where the damaged or empty file was copied aside, untouched. */
  setAsidePath: z.string().nullable(),
  /** The copy was set aside by an earlier start (the same bytes): no second copy was made. */
  setAsideEarlier: z.boolean(),
  readable: z.boolean(),
  readOnly: z.boolean(),
  backupsDir: z.string(),
  latestBackup: BackupInfo.nullable(),
  /**
   * For a damaged or empty file: the newest backup that passed its check (`backupsChecked`
   * false while they are being checked); backups found damaged are in `damagedBackups`.
   */
  soundBackup: BackupInfo.nullable(),
  backupsChecked: z.boolean(),
  damagedBackups: z.array(z.string()),
  lastBackupFailure: BackupFailure.nullable(),
});
export type WorkspaceHealth = z.infer<typeof WorkspaceHealth>;

export const BackupName = z.object({ name: z.string().regex(/^plume-[a-z0-9-]+\.sqlite$/, 'errors.backups.unknown') }).strict();
