import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/core/db/open';
import { EventBus } from '../../../electron/core/events';
import { createLogger } from '../../../electron/core/log';
import { WorkspaceStorage } from '../../../electron/core/storage/workspaceStorage';
import { ManualClock, createTestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';

const dirs: { remove: () => void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

/** A workspace that exists on disk, closed, as the app finds it at a start. */
async function existingWorkspace(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const t = createTestCore(dir.path);
  await t.call('partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  t.close();
  return dir.path;
}

const storageOf = (dataDir: string, checkAfterMs: number) =>
  new WorkspaceStorage({ databasePath: databaseFile(dataDir), dataDir, clock: new ManualClock(), log: createLogger({}), events: new EventBus(), checkAfterMs });

describe('upkeep after the app starts', () => {
  it('leaves the first moments to the first screen: the file is not checked nor backed up before the wait is over', async () => {
    const dataDir = await existingWorkspace();
    const storage = storageOf(dataDir, 60_000);
    const opened = storage.open();
    expect(opened).not.toBeNull();
    // Long enough for a check and a backup of this small file to have run without the wait.
    const immediate = storageOf(await existingWorkspace(), 0);
    immediate.open();
    await immediate.whenChecked();
    expect(immediate.health().status).toBe('ok');
    expect(immediate.backups.latest()).not.toBeNull();
    await immediate.detach();

    expect(storage.health().status).toBe('checking');
    expect(storage.backups.latest()).toBeNull();
    await storage.detach();
    opened?.db.close();
  });

  it('checks a workspace opened again (a restore) at once: its caller waits for that check', async () => {
    const dataDir = await existingWorkspace();
    const storage = storageOf(dataDir, 60_000);
    storage.open()?.db.close();
    await storage.detach();
    const reopened = storage.open();
    await storage.whenChecked();
    expect(storage.health().status).toBe('ok');
    await storage.detach();
    reopened?.db.close();
  });
});
