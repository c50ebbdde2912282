import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { acquireWorkspaceLock, processStartToken } from '../../electron/core/workspaceLock';
import { cannotRefuseWriting, refuseWriting } from '../support/refuseWriting';
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

it('takes over a lock whose Plume was killed but not yet collected by its parent (a zombie process)', async () => {
  folder = tempDir();
  // The background `sh` exits once its parent has become `sleep`, which never collects it. (Exiting
  // at once, it was sometimes collected by bash itself before the exec, under a full run's load.)
  const parent = spawn('bash', ['-c', `sh -c 'until [ "$(cat /proc/$PPID/comm)" = sleep ]; do sleep 0.05; done' & echo $!; exec sleep 30`], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const zombie = Number.parseInt(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')))), 10);
    await expect.poll(() => /\) Z /u.test(readFileSync(`/proc/${zombie}/stat`, 'utf8')), { timeout: 10_000 }).toBe(true);
    writeFileSync(join(folder.path, 'plume.lock'), `${zombie}\n${processStartToken(zombie) ?? ''}`);
    const lock = acquireWorkspaceLock(folder.path);
    expect(lock.tookOverFromDeadProcess).toBe(true);
    lock.release();
  } finally {
    parent.kill('SIGKILL');
  }
});

it('creates the workspace folder on a first start (the machine has never run Plume)', () => {
  folder = tempDir();
  const fresh = join(folder.path, 'home', '.config', 'Plume');
  const lock = acquireWorkspaceLock(fresh);
  expect(readFileSync(join(fresh, 'plume.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
  lock.release();
  expect(existsSync(join(fresh, 'plume.lock'))).toBe(false);
});

it('says which folder it cannot create, and how to choose another', () => {
  folder = tempDir();
  // A file where a folder should be: no user, root included, can create a folder inside it.
  writeFileSync(join(folder.path, 'not-a-folder'), '');
  expect(() => acquireWorkspaceLock(join(folder?.path ?? '', 'not-a-folder', 'Plume'))).toThrow(/Cannot create the workspace folder .*not-a-folder\/Plume \(ENOTDIR\)\. Choose a folder Plume may write to with PLUME_DATA_DIR/);
});

it('takes over a lock naming a pid the system has since given to a program that is not Plume', async () => {
  folder = tempDir();
  const lockFile = join(folder.path, 'plume.lock');
  const other = spawn('sleep', ['30'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => other.once('spawn', resolve));
    const pid = other.pid ?? 0;
    // As an older Plume wrote it (the pid alone): the process is `sleep`, not Plume.
    writeFileSync(lockFile, String(pid));
    const legacy = acquireWorkspaceLock(folder.path);
    expect(legacy.tookOverFromDeadProcess).toBe(true);
    legacy.release();
    // With the start time of the Plume that wrote it: the process running now started at another time.
    writeFileSync(lockFile, `${process.ppid}\n1`);
    const reused = acquireWorkspaceLock(folder.path);
    expect(reused.tookOverFromDeadProcess).toBe(true);
    reused.release();
  } finally {
    other.kill();
  }
});

it('still refuses a second start while the Plume named by the lock (same pid, same start time) runs', () => {
  folder = tempDir();
  writeFileSync(join(folder.path, 'plume.lock'), `${process.ppid}\n${processStartToken(process.ppid) ?? ''}`);
  expect(() => acquireWorkspaceLock(folder?.path ?? '')).toThrow(/already open in another Plume/);
});

it.skipIf(cannotRefuseWriting() !== null)('says which folder refuses writing, and how to fix it or choose another', () => {
  folder = tempDir();
  const undo = refuseWriting(folder.path);
  try {
    expect(() => acquireWorkspaceLock(folder?.path ?? '')).toThrow(
      /Cannot write in the workspace folder .*plume-test-\w+ \((EPERM|EACCES)\).*Give your user the right to write in that folder.*PLUME_DATA_DIR/,
    );
  } finally {
    undo();
  }
});
