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

export const diskFullError = (what: string): ApiError =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'errors.diskFull',
    message: `The disk is full: ${what} could not be written. Free some space; nothing already saved was changed.`,
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
