import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { Logger } from '../../../electron/core/log';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';
import { partnerInput } from '../../support/partnerInput';

const DAY = 86_400_000;
const partner = partnerInput;

let folder: ReturnType<typeof tempDir> | null = null;
const open: TestCore[] = [];
afterEach(() => {
  for (const core of open.splice(0)) core.core.close();
  folder?.remove();
  folder = null;
});

/** Starts core on the workspace `days` days after the first start, as a user does, and waits for its start-up check and backup. */
async function start(days: number): Promise<{ t: TestCore; log: string[] }> {
  const log: string[] = [];
  const logger: Logger = { info: (message) => log.push(message), error: (message) => log.push(`ERROR ${message}`) };
  const t = createTestCore(folder?.path, logger);
  open.push(t);
  // Before the check ends: the start's backup is named after this instant.
  t.clock.advance(days * DAY);
  await t.core.storage.whenChecked();
  return { t, log };
}

const stop = (t: TestCore) => {
  open.splice(open.indexOf(t), 1);
  t.core.close();
};

/** A workspace with one partner, started again once (so backed up) and closed cleanly: its marker says the backup holds it. */
async function backedUpAndClosed(): Promise<ReturnType<typeof tempDir>> {
  folder = tempDir();
  const created = await start(0);
  await created.t.call('partners.create', partner('A'));
  stop(created.t);
  stop((await start(1)).t);
  return folder;
}

const backupNames = async (t: TestCore) => (await t.call('backups.list', {})).map((backup) => backup.name);

it('a start backs the workspace up only if it changed since the latest backup, and says so in the log', async () => {
  folder = tempDir();
  const first = await start(0);
  await first.t.call('partners.create', partner('A'));
  stop(first.t);

  // Changed (it was created): the start backs it up.
  const second = await start(1);
  const [taken] = await backupNames(second.t);
  expect(await backupNames(second.t)).toHaveLength(1);
  stop(second.t);
  expect(existsSync(join(folder.path, 'backups', 'covers-workspace.json'))).toBe(true);

  // Read, not written, twice: no new copy; the latest stays the one that holds it.
  for (const day of [2, 3]) {
    const unchanged = await start(day);
    expect(await backupNames(unchanged.t)).toEqual([taken]);
    expect(unchanged.log).toContain(`start-of-session backup not needed: the workspace is unchanged since the backup ${join(folder.path, 'backups', taken ?? '')}`);
    expect((await unchanged.t.call('workspace.health', {})).latestBackup?.name).toBe(taken);
    expect(await unchanged.t.call('partners.list', {})).toHaveLength(1);
    stop(unchanged.t);
  }

  // Written during a session: the next start backs up again, and the new copy holds the change.
  const writing = await start(4);
  await writing.t.call('partners.create', partner('B'));
  stop(writing.t);
  const after = await start(5);
  const names = await backupNames(after.t);
  expect(names).toHaveLength(2);
  const newest = new Database(join(folder.path, 'backups', names[0] ?? ''), { readonly: true });
  expect(newest.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(2);
  newest.close();
  stop(after.t);
});

it('a session that did not close (a crash) leaves nothing to skip on: the next start backs up', async () => {
  folder = await backedUpAndClosed();
  // This session never closes: its process died, as far as the next start can tell.
  await start(2);
  const next = await start(3);
  expect(await backupNames(next.t)).toHaveLength(2);
});

it('a workspace file changed while Plume was closed (another tool, a file put back) is backed up at the next start', async () => {
  folder = await backedUpAndClosed();

  const outside = new Database(join(folder.path, 'plume.sqlite'));
  outside.prepare("UPDATE partners SET role = 'Associé gérant'").run();
  outside.close();

  const next = await start(2);
  expect(await backupNames(next.t)).toHaveLength(2);
  expect(next.log.some((line) => line.startsWith('start-of-session backup not needed'))).toBe(false);
});

it('a marker that is not one (damaged, hand-edited) is ignored and removed: the start backs up', async () => {
  folder = await backedUpAndClosed();
  const marker = join(folder.path, 'backups', 'covers-workspace.json');
  writeFileSync(marker, '{"backup": 42');
  const next = await start(2);
  expect(await backupNames(next.t)).toHaveLength(2);
  expect(existsSync(marker)).toBe(false);
});
