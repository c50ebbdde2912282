import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { reportFileError } from '../../../electron/core/reports/files';
import { createLogger } from '../../../electron/core/log';
import { uiMessages } from '../../../renderer/src/i18n/resources';
import { errorMessage } from '../../../renderer/src/ui/errorMessage';
import { cannotRefuseWriting, refuseWriting } from '../../support/refuseWriting';
import { createTestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';
import { seededCoreForEachTest } from './seed';

type Progress = Extract<AppEvent, { type: 'report.progress' }>;

/**
 * A folder the reports cannot go to settles at once, with a sentence naming the folder and
 * why, in French and English, and a line in plume.log. Node's recursive mkdir never settled
 * under /proc (ENOENT for a folder whose parent exists): the export hung with no answer.
 */
const fixture = seededCoreForEachTest();
const SOON = { timeout: 5_000 };

const ui: Record<'fr' | 'en', TFunction> = {} as Record<'fr' | 'en', TFunction>;
beforeAll(async () => {
  for (const lng of ['fr', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources: { [lng]: { translation: uiMessages(lng) } }, interpolation: { escapeValue: false } });
    ui[lng] = instance.t;
  }
});

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => new Error('the export succeeded'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

function progressOf(jobId: string): Progress[] {
  const seen: Progress[] = [];
  fixture.t.core.events.subscribe((event) => {
    if (event.type === 'report.progress' && event.jobId === jobId) seen.push(event);
  });
  return seen;
}

describe('an export folder that cannot be made', () => {
  it('answers at once for one partner’s CSV, naming the folder and the reason', SOON, async () => {
    const error = await failureOf(fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'csv', folder: '/proc/plume-rapports' }));
    expect(error).toMatchObject({ messageKey: 'reports.errors.files.cannotCreate', details: { path: '/proc/plume-rapports', reason: 'ENOENT' } });
    expect(errorMessage(ui.fr, error)).toBe('Impossible de créer le dossier /proc/plume-rapports\u00a0: le système n’accepte pas de dossier à cet endroit (ENOENT). Choisissez un autre dossier.');
    expect(errorMessage(ui.en, error)).toBe('Could not create the folder /proc/plume-rapports: the system accepts no folder there (ENOENT). Choose another folder.');
  });

  it('answers at once for every partner’s HTML, the progress saying no file was written', SOON, async () => {
    const jobId = randomUUID();
    const seen = progressOf(jobId);
    const error = await failureOf(fixture.t.call('reports.exportAll', { jobId, month: '2026-10', format: 'html', folder: '/proc/plume-rapports' }));
    expect(error).toMatchObject({ messageKey: 'reports.errors.files.cannotCreate', details: { path: '/proc/plume-rapports' } });
    expect(seen.at(-1)).toMatchObject({ state: 'failed', done: 0, total: 4 });
    // The job is over: a new export with the same id is not refused as running.
    expect(await fixture.t.call('reports.cancel', { jobId })).toEqual({ cancelled: false });
  });

  it('says a file standing where the folder should be is not a folder, for one partner and for all', SOON, async () => {
    const file = join(fixture.t.dir, 'notes.txt');
    writeFileSync(file, 'not a folder');
    const one = await failureOf(fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'html', folder: file }));
    expect(one).toMatchObject({ messageKey: 'reports.errors.files.notAFolder', details: { path: file, reason: 'ENOTDIR' } });
    expect(errorMessage(ui.fr, one)).toBe(`${file} n’est pas un dossier (c’est un fichier)\u00a0: rien n’a été écrit. Choisissez un dossier, ou déplacez ce fichier.`);
    expect(errorMessage(ui.en, one)).toBe(`${file} is not a folder (it is a file): nothing was written. Choose a folder, or move that file away.`);
    const all = await failureOf(fixture.t.call('reports.exportAll', { jobId: randomUUID(), month: '2026-10', format: 'csv', folder: join(file, 'deeper') }));
    expect(all).toMatchObject({ messageKey: 'reports.errors.files.notAFolder', details: { path: file } });
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('says a name too long for the system is too long', SOON, async () => {
    const folder = join(fixture.t.dir, 'x'.repeat(300));
    const error = await failureOf(fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'csv', folder }));
    expect(error).toMatchObject({ messageKey: 'reports.errors.files.nameTooLong', details: { path: folder, reason: 'ENAMETOOLONG' } });
  });

  it('says a folder standing at the report’s own name is in the way, and leaves no half-written file', SOON, async () => {
    const folder = join(fixture.t.dir, 'out');
    const first = await fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'csv', folder });
    execFileSync('rm', [first.path]);
    mkdirSync(join(first.path, 'inside'), { recursive: true });
    const error = await failureOf(fixture.t.call('reports.export', { month: '2026-10', partnerId: fixture.seeded.paris.id, format: 'csv', folder }));
    expect(error).toMatchObject({ messageKey: 'reports.errors.files.exists', details: { path: first.path } });
    expect(readdirSync(folder).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it.skipIf(cannotRefuseWriting() !== null)('says access is refused to a folder that refuses writing', SOON, async () => {
    const folder = join(fixture.t.dir, 'locked');
    mkdirSync(folder);
    const undo = refuseWriting(folder);
    try {
      const error = await failureOf(fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'csv', folder: join(folder, 'rapports') }));
      expect(error).toMatchObject({ messageKey: 'reports.errors.files.denied', details: { path: join(folder, 'rapports') } });
      expect(errorMessage(ui.fr, error)).toMatch(/^Accès refusé à .*locked\/rapports \((EPERM|EACCES)\)\u00a0: rien n’a été écrit\./u);
    } finally {
      undo();
    }
  });

  it('writes what happened into plume.log', SOON, async () => {
    const dir = tempDir('plume-report-log-');
    const logFile = join(dir.path, 'plume.log');
    const t = createTestCore(dir.path, createLogger({ file: logFile }));
    try {
      await expect(t.call('reports.exportAll', { jobId: randomUUID(), month: '2026-10', format: 'html', folder: '/proc/plume-rapports' })).rejects.toBeInstanceOf(ApiError);
      const log = readFileSync(logFile, 'utf8');
      expect(log).toContain('Could not create the folder /proc/plume-rapports');
      expect(log).toContain('stopped after 0 file(s)');
    } finally {
      t.close();
      dir.remove();
    }
  });
});

describe('every file-system refusal has its own words, with the path, in French and English', () => {
  it.each([
    ['ENOTDIR', false, 'notAFolder', '/srv/x n’est pas un dossier', '/srv/x is not a folder'],
    ['EACCES', false, 'denied', 'Accès refusé à /srv/x (EACCES)', 'Access denied to /srv/x (EACCES)'],
    ['EPERM', true, 'denied', 'Accès refusé à /srv/x (EPERM)', 'Access denied to /srv/x (EPERM)'],
    ['EROFS', true, 'readOnly', '/srv/x est sur un disque en lecture seule', '/srv/x is on a read-only disk'],
    ['EEXIST', false, 'exists', '/srv/x existe déjà', '/srv/x already exists'],
    ['ENAMETOOLONG', true, 'nameTooLong', 'Le chemin /srv/x est trop long', 'The path /srv/x is too long'],
    ['ENOENT', true, 'cannotCreate', 'Impossible de créer le dossier /srv/x', 'Could not create the folder /srv/x'],
    ['ENOENT', false, 'missing', 'Le dossier de /srv/x a disparu', 'The folder of /srv/x disappeared'],
    ['ENOSPC', false, 'diskFull', 'Le disque est plein\u00a0: /srv/x n’a pas été écrit', 'The disk is full: /srv/x was not written'],
    ['EIO', false, 'other', '/srv/x n’a pas pu être écrit (EIO)', '/srv/x could not be written (EIO)'],
  ] as const)('%s (creating: %s) → %s', (code, creating, key, fr, en) => {
    const error = reportFileError(Object.assign(new Error(code), { code }), '/srv/x', creating);
    expect(error.messageKey).toBe(`reports.errors.files.${key}`);
    expect(error.message).toContain(en);
    expect(errorMessage(ui.fr, error)).toContain(fr);
    expect(errorMessage(ui.en, error)).toContain(en);
  });
});

// A real read-only disk and a real full one: tmpfs mounts (root, as CI runs); skipped, saying why, elsewhere.
describe('a read-only or full disk', () => {
  const mountPoint = tempDir('plume-report-disk-');
  let problem: string | null = null;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint.path], { stdio: 'pipe' });
  } catch (error) {
    problem = `cannot mount a tmpfs here (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)})`;
  }
  afterAll(() => {
    if (problem === null) execFileSync('umount', [mountPoint.path]);
    mountPoint.remove();
  });

  it.skipIf(problem !== null)('says the disk is read-only, naming the folder', SOON, async () => {
    execFileSync('mount', ['-o', 'remount,ro', mountPoint.path]);
    try {
      const folder = join(mountPoint.path, 'rapports');
      const error = await failureOf(fixture.t.call('reports.export', { month: '2026-10', partnerId: null, format: 'csv', folder }));
      expect(error).toMatchObject({ messageKey: 'reports.errors.files.readOnly', details: { path: folder, reason: 'EROFS' } });
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint.path]);
    }
  });

  it.skipIf(problem !== null)('says the disk is full and leaves no half-written report', SOON, async () => {
    const result = fixture.t.call('reports.exportAll', { jobId: randomUUID(), month: '2026-10', format: 'html', folder: mountPoint.path });
    const error = await failureOf(result);
    expect(error).toMatchObject({ messageKey: 'reports.errors.files.diskFull' });
    const folder = join(mountPoint.path, 'plume-rapports-2026-10');
    const names = existsSync(folder) ? readdirSync(folder) : [];
    expect(names.filter((name) => name.endsWith('.part'))).toEqual([]);
    for (const name of names) expect(readFileSync(join(folder, name), 'utf8')).toMatch(/<\/html>\s*$/u);
  });
});
