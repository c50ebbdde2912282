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

/**
 * Whether the workspace file can be trusted.
 * - ok: nothing wrong found (yet: `checking` while the background check runs);
 * - damaged: writes are refused; reads go on when the file still opens (`readable`);
 * - emptyFile: plume.sqlite was 0 bytes; Plume started a new workspace and offers the backup.
 */
export const WorkspaceHealth = z.object({
  status: z.enum(['checking', 'ok', 'damaged', 'emptyFile']),
  file: z.string(),
  /** Technical detail for the log and support (English, never user content). */
  reason: z.string().nullable(),
  /** Where the damaged or empty file was copied aside, untouched. */
  setAsidePath: z.string().nullable(),
  readable: z.boolean(),
  backupsDir: z.string(),
  latestBackup: BackupInfo.nullable(),
});
export type WorkspaceHealth = z.infer<typeof WorkspaceHealth>;

export const BackupName = z.object({ name: z.string().regex(/^plume-[a-z0-9-]+\.sqlite$/, 'errors.backups.unknown') }).strict();
