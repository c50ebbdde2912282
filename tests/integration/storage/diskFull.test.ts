import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';
import { partnerInput } from '../../support/partnerInput';

// A real full filesystem: an 8 MB tmpfs (the workspaces of three tests and a backup fit; the filler takes the rest). Needs root (CI runs as root); skipped, saying why, elsewhere.
const mountPoint = tempDir('plume-full-disk-');
let mountProblem: string | null = null;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint.path], { stdio: 'pipe' });
} catch (error) {
  mountProblem = `cannot mount an 8 MB tmpfs here (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
}
afterAll(() => {
  if (mountProblem === null) execFileSync('umount', [mountPoint.path]);
  mountPoint.remove();
});

/** Fills the filesystem to the last byte; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return filler;
}

const partner = partnerInput();

describe.skipIf(mountProblem !== null)(`on a full disk${mountProblem ? ` — skipped: ${mountProblem}` : ''}`, () => {
  it('a save answers errors.diskFull, keeps the last saved version, and succeeds once there is room', async () => {
    const dir = join(mountPoint.path, 'workspace');
    mkdirSync(dir);
    const t = createTestCore(dir);
    try {
      const p = await t.call('partners.create', partner);
      const post = await t.call('posts.create', { partnerId: p.id, title: 'Imprévision', content: docFromParagraphs(['Première version.']) });
      const saved = await t.call('posts.save', { id: post.id, baseVersion: post.version, content: docFromParagraphs(['Deuxième version.']) });

      const filler = fillDisk(mountPoint.path);
      // Bigger than any WAL space already allocated, so the write must grow a file.
      const long = docFromParagraphs(Array.from({ length: 15 }, (_, i) => `Paragraphe ${i} ${'é'.repeat(1500)}`));
      const result = await t.raw('posts.save', { id: post.id, baseVersion: saved.version, content: long });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'unavailable', messageKey: 'errors.diskFull' });
      const stored = await t.call('posts.get', { id: post.id });
      expect(stored.version).toBe(saved.version);
      expect(stored.plainText).toContain('Deuxième version.');

      const backup = await t.raw('backups.create', {});
      expect(backup.ok).toBe(false);
      // Asked for once: nothing retries it, so the message says to press the button again.
      if (!backup.ok) expect(backup.error.messageKey).toBe('errors.diskFullBackup');

      rmSync(filler);
      const retried = await t.call('posts.save', { id: post.id, baseVersion: saved.version, content: long });
      expect(retried.version).toBe(saved.version + 1);
      await t.call('backups.create', {});
      // The failed backup left no partial file behind.
      expect(await t.call('backups.list', {})).toHaveLength(1);
    } finally {
      t.close();
    }
  });

  it('a report export answers the reports’ own disk-full error (naming the folder) and leaves no partial file', async () => {
    const dir = join(mountPoint.path, 'workspace-export');
    mkdirSync(dir);
    const folder = join(mountPoint.path, 'exports');
    mkdirSync(folder);
    const t = createTestCore(dir);
    const filler = fillDisk(mountPoint.path);
    try {
      const p = await t.call('partners.create', partner).catch(() => null);
      // Creating the partner may itself hit the full disk; the export needs none to fail.
      const result = await t.raw('reports.export', { month: '2026-11', partnerId: p?.id ?? null, format: 'html', folder });
      expect(result.ok).toBe(false);
      // Not core's errors.diskFull (« Plume réessaiera tout seul »): an export is not retried by itself.
      if (!result.ok) expect(result.error.messageKey).toBe('reports.errors.files.diskFull');
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(filler);
      t.close();
    }
  });

  it('a restore that cannot copy the backup answers errors.diskFull and leaves the workspace as it was', async () => {
    const dir = join(mountPoint.path, 'workspace-restore');
    mkdirSync(dir);
    const t = createTestCore(dir);
    let filler: string | null = null;
    try {
      await t.call('partners.create', { ...partner, displayName: 'A' });
      const backup = await t.call('backups.create', {});
      await t.call('partners.create', { ...partner, displayName: 'B' });
      filler = fillDisk(mountPoint.path);
      const result = await t.raw('backups.restore', { name: backup.name });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.messageKey).toBe('errors.diskFullRestore');
      expect((await t.call('partners.list', {})).map((p) => p.displayName).sort()).toEqual(['A', 'B']);
    } finally {
      if (filler) rmSync(filler);
      t.close();
    }
  });
});
