import { ApiError } from '../../../shared/api/errors';

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';

/** SQLite saying the file is not a database, or not a sound one. */
export const isCorruption = (error: unknown): boolean => {
  const code = codeOf(error);
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
};

/** The disk (or the quota) is full: SQLite's SQLITE_FULL or the system's ENOSPC/EDQUOT. */
export const isDiskFull = (error: unknown): boolean => {
  const code = codeOf(error);
  return code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT';
};

/** The system refusing a write outright: the file's rights, an immutable file, a read-only disk. */
export const isWriteRefusedBySystem = (error: unknown): boolean => ['EACCES', 'EPERM', 'EROFS'].includes(codeOf(error));

/**
 * SQLite could not write the file for a reason outside it: opened read-only because the system
 * refused writing (SQLITE_READONLY*), a side file it could not open (SQLITE_CANTOPEN), or an I/O
 * error (SQLITE_IOERR*, which SQLite also answers for EACCES, EPERM or EROFS on a write; the
 * caller checks the file's rights before calling it read-only), or the system's own code.
 */
export const mayBeReadOnly = (error: unknown): boolean => {
  const code = codeOf(error);
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || isWriteRefusedBySystem(error);
};

/** A full disk while saving: the editor keeps the text and saves it again by itself. */
export const diskFullError = (what: string): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.diskFull',
    message: `The disk is full: ${what} could not be written. Free some space; nothing already saved was changed.`,
  });

/** A full disk during something the user asked for once (a backup, a restore): nothing retries it. */
export const diskFullAskAgainError = (action: 'backup' | 'restore'): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: action === 'backup' ? 'errors.diskFullBackup' : 'errors.diskFullRestore',
    message: `The disk is full: the ${action} could not be written. Free some space, then ${action === 'backup' ? 'press « Back up now »' : 'restore'} again; nothing already saved was changed.`,
  });

/** The backups folder refuses writing: the backup asked for was not written. */
export const backupFolderReadOnlyError = (dir: string): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.backupFolderReadOnly',
    message: `The backups folder ${dir} refuses writing: the backup was not written. Make it writable, then press « Back up now » again; nothing already saved was changed.`,
    details: { dir },
  });

export const workspaceReadOnlyError = (file: string): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.workspaceReadOnly',
    message: `The workspace file is read-only (${file}): nothing was saved. Make it writable (the file's rights, a locked disk); Plume will retry by itself.`,
    details: { file },
  });

export const workspaceDamagedError = (file: string): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.workspaceDamaged',
    message: `The workspace file ${file} is damaged: Plume stopped writing to it. Restore a backup, or export what can still be read.`,
    details: { file },
  });

export const workspaceUnreadableError = (file: string): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.workspaceUnreadable',
    message: `The workspace file ${file} cannot be read. Restore a backup.`,
    details: { file },
  });

/**
 * Core is closing the workspace file and opening it again (it accepts writes again, a backup is
 * being restored): nothing is wrong with it, and the same call works in a moment.
 */
export const workspaceReopeningError = (file: string): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.workspaceReopening',
    message: `The workspace file ${file} is being reopened: nothing was done. Try again in a moment.`,
    details: { file, retryable: true },
  });

/** plume.sqlite is not a file Plume may open (a folder of that name, no right to read it): nothing is wrong inside it. */
export const workspaceUnopenableError = (file: string, cause: 'directory' | 'noAccess'): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: cause === 'directory' ? 'errors.workspaceIsDirectory' : 'errors.workspaceNoAccess',
    message:
      cause === 'directory'
        ? `${file} is a folder, not Plume's workspace file. Move or rename that folder (or choose another workspace with PLUME_DATA_DIR), then start Plume again.`
        : `Plume may not read ${file}. Give your user the right to read and write it (or choose another workspace with PLUME_DATA_DIR), then start Plume again.`,
    details: { file },
  });
