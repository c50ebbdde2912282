import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { pauseHereForCrashTest } from '../crashTestHook';
import type { ReportFormatName } from '../../../shared/api/procedures/reports';
import type { Locale } from '../../../shared/partners/schema';

/** 'Me Élise Fontaine-Hébert' → 'me-elise-fontaine-hebert': file names every OS and mail client accept. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 40).replace(/-+$/, '') || 'partner';
}

/** File names in the report's own language: a French partner's report is a « rapport ». */
const NAMES: Record<Locale, { report: string; reports: string; allPartners: string }> = {
  fr: { report: 'plume-rapport', reports: 'plume-rapports', allPartners: 'tous-les-partenaires' },
  en: { report: 'plume-report', reports: 'plume-reports', allPartners: 'all-partners' },
};

/** plume-rapport-2026-10-me-claire-dupont-1a2b3c4d.pdf (plume-report-… in English) — the id suffix keeps namesakes apart. */
export const partnerFileName = (month: string, partner: { id: string; displayName: string }, format: ReportFormatName, locale: Locale): string =>
  `${NAMES[locale].report}-${month}-${slug(partner.displayName)}-${partner.id.slice(0, 8)}.${format}`;

/** plume-rapport-2026-10-tous-les-partenaires.csv, plume-report-2026-10-all-partners.csv. */
export const allPartnersFileName = (month: string, format: ReportFormatName, locale: Locale): string =>
  `${NAMES[locale].report}-${month}-${NAMES[locale].allPartners}.${format}`;

/** The folder an export of every partner goes to: plume-rapports-2026-10, plume-reports-2026-10. */
export const exportAllFolderName = (month: string, locale: Locale): string => `${NAMES[locale].reports}-${month}`;

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';

/** What went wrong with a report's folder or file, each with its own message (reports.errors.files.*). */
type FileFailure = 'cannotCreate' | 'notAFolder' | 'denied' | 'readOnly' | 'exists' | 'nameTooLong' | 'missing' | 'diskFull' | 'other';

const failureOf = (code: string, creating: boolean): FileFailure => {
  switch (code) {
    case 'ENOTDIR':
      return 'notAFolder';
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    case 'EROFS':
      return 'readOnly';
    case 'EEXIST':
    case 'EISDIR':
    case 'ENOTEMPTY':
      return 'exists';
    case 'ENAMETOOLONG':
      return 'nameTooLong';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'diskFull';
    case 'ENOENT':
      // A folder whose parent exists yet cannot be made (/proc/x): the system takes no folder there.
      return creating ? 'cannotCreate' : 'missing';
    default:
      return creating ? 'cannotCreate' : 'other';
  }
};

const englishOf: Record<FileFailure, (path: string, code: string) => string> = {
  cannotCreate: (path, code) => `Could not create the folder ${path}: the system accepts no folder there (${code}). Choose another folder.`,
  notAFolder: (path) => `${path} is not a folder (it is a file): nothing was written. Choose a folder, or move that file away.`,
  denied: (path, code) => `Access denied to ${path} (${code}): nothing was written. Give your user the right to write there, or choose another folder.`,
  readOnly: (path) => `${path} is on a read-only disk: nothing was written. Choose another folder.`,
  exists: (path) => `${path} already exists and is not a report Plume may replace: nothing was written. Move or rename it, then export again.`,
  nameTooLong: (path) => `The path ${path} is too long for the system: nothing was written. Choose a folder with a shorter path.`,
  missing: (path) => `The folder of ${path} disappeared during the export: nothing was written there. Export again.`,
  diskFull: (path) => `The disk is full: ${path} was not written. Free some space, then export again.`,
  other: (path, code) => `${path} could not be written (${code || 'unknown error'}). Export again, or choose another folder.`,
};

/** A file-system error on a report's folder or file, as the error the UI translates (path and system code in `details`). */
export function reportFileError(error: unknown, path: string, creating = false): ApiError {
  if (error instanceof ApiError) return error;
  const code = codeOf(error);
  const failure = failureOf(code, creating);
  return new ApiError({
    code: failure === 'diskFull' || failure === 'missing' || failure === 'other' ? 'unavailable' : 'validation',
    messageKey: `reports.errors.files.${failure}`,
    message: englishOf[failure](path, code),
    details: { path, reason: code || 'unknown' },
  });
}

/**
 * Makes `folder` and its missing parents, one level at a time. Node's `mkdir(…, { recursive })`
 * never settles where the system answers ENOENT for a folder whose parent exists (/proc/x):
 * it climbs to the parent, finds it, and tries the child again, for ever. Here every failure
 * settles at once, as a `reportFileError` naming the folder that could not be made or the file
 * standing where a folder should be.
 */
export async function ensureFolder(folder: string): Promise<void> {
  let isFolder: boolean | null;
  try {
    isFolder = (await stat(folder)).isDirectory();
  } catch (error) {
    const code = codeOf(error);
    // Missing, or a file further up (ENOTDIR): the parent says which.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw reportFileError(error, folder);
    isFolder = null;
  }
  if (isFolder === true) return;
  if (isFolder === false) throw reportFileError(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), folder);
  const parent = dirname(folder);
  if (parent === folder) throw reportFileError(Object.assign(new Error('no root'), { code: 'ENOENT' }), folder, true);
  await ensureFolder(parent);
  try {
    await mkdir(folder);
  } catch (error) {
    // Made meanwhile by someone else: fine if it is a folder.
    if (codeOf(error) === 'EEXIST' && (await stat(folder).catch(() => null))?.isDirectory() === true) return;
    throw reportFileError(error, folder, true);
  }
}

/** What a killed export left beside `path` (`<name>.<hex>.part`): never a report, removed before the next write. */
async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => []);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && /^[0-9a-f]{8}\.part$/.test(name.slice(prefix.length)))
      .map((name) => rm(join(dirname(path), name), { force: true })),
  );
}

/**
 * Written beside, flushed to disk, then renamed: a reader never sees half a report, a failure
 * (even kill -9) leaves none under the report's name. Failures come out as `reportFileError`.
 */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await ensureFolder(dirname(path));
  await removeLeftovers(path);
  const temporary = `${path}.${randomBytes(4).toString('hex')}.part`;
  try {
    await writeFile(temporary, bytes, { flush: true });
    pauseHereForCrashTest('report-before-rename');
    await rename(temporary, path);
  } catch (error) {
    // The half-written file goes; if even that fails, the error said is still the write's.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw reportFileError(error, path);
  }
}
