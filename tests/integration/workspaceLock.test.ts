import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { acquireWorkspaceLock } from '../../electron/core/workspaceLock';
import { tempDir } from '../support/tempDir';

let folder: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  folder?.remove();
  folder = null;
});

it('one running Plume per workspace: a second one is refused while the first lives, and gets it once released', () => {
  folder = tempDir();
  const first = acquireWorkspaceLock(folder.path);
  expect(first.tookOverFromDeadProcess).toBe(false);
  // Another process holds it: simulated by this test's parent, which is alive.
  first.release();
  writeFileSync(join(folder.path, 'plume.lock'), String(process.ppid));
  expect(() => acquireWorkspaceLock(folder?.path ?? '')).toThrow(/already open in another Plume/);
  writeFileSync(join(folder.path, 'plume.lock'), String(process.pid));
  const again = acquireWorkspaceLock(folder.path);
  again.release();
});

it('takes over a lock left by a process that died (kill -9), and says so for reconciliation', () => {
  folder = tempDir();
  // Pid 2^22 + 1 is above Linux's pid_max ceiling: no process can have it.
  writeFileSync(join(folder.path, 'plume.lock'), String(4_194_305));
  const lock = acquireWorkspaceLock(folder.path);
  expect(lock.tookOverFromDeadProcess).toBe(true);
  lock.release();
});

it('creates the workspace folder on a first start (the machine has never run Plume)', () => {
  folder = tempDir();
  const fresh = join(folder.path, 'home', '.config', 'Plume');
  const lock = acquireWorkspaceLock(fresh);
  expect(readFileSync(join(fresh, 'plume.lock'), 'utf8')).toBe(String(process.pid));
  lock.release();
  expect(existsSync(join(fresh, 'plume.lock'))).toBe(false);
});

it('says which folder it cannot create, and how to choose another', () => {
  folder = tempDir();
  // A file where a folder should be: no user, root included, can create a folder inside it.
  writeFileSync(join(folder.path, 'not-a-folder'), '');
  expect(() => acquireWorkspaceLock(join(folder?.path ?? '', 'not-a-folder', 'Plume'))).toThrow(/Cannot create the workspace folder .*not-a-folder\/Plume \(ENOTDIR\)\. Choose a folder Plume may write to with PLUME_DATA_DIR/);
});
