import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/api/contract';
import { createTestCore } from '../../support/testCore';
import { partnerInput } from '../../support/partnerInput';
import { cannotRefuseWriting, refuseWriting } from '../../support/refuseWriting';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe.skipIf(cannotRefuseWriting() !== null)(`a backup that cannot be written${cannotRefuseWriting() ? ` — skipped: ${cannotRefuseWriting()}` : ''}`, () => {
  it('at start raises an alert saying why and what to do, and Settings › Backups keeps the failure until a backup succeeds', async () => {
    const folder = tempDir();
    cleanups.push(() => folder.remove());
    const before = createTestCore(folder.path);
    await before.call('partners.create', partnerInput());
    before.core.close();
    const backups = join(folder.path, 'backups');
    mkdirSync(backups, { recursive: true });
    const undo = refuseWriting(backups);
    let undone = false;
    cleanups.push(() => {
      if (!undone) undo();
    });

    const t = createTestCore(folder.path);
    cleanups.push(() => t.core.close());
    const events: AppEvent[] = [];
    t.core.events.subscribe((event) => events.push(event));
    await t.core.storage.whenChecked();

    const alerts = events.filter((event) => event.type === 'alert');
    expect(alerts).toEqual([{ type: 'alert', messageKey: 'storage.alerts.backupFailed.readOnly', params: { dir: backups }, severity: 'error', postId: null }]);
    const health = await t.call('workspace.health', {});
    expect(health.lastBackupFailure).toMatchObject({ kind: 'automatic', cause: 'readOnly' });
    expect(await t.call('backups.list', {})).toEqual([]);

    // Asked for by hand: says what to do, and that the button is to be pressed again.
    const manual = await t.raw('backups.create', {});
    expect(manual.ok).toBe(false);
    if (!manual.ok) expect(manual.error).toMatchObject({ messageKey: 'errors.backupFolderReadOnly', details: { dir: backups } });
    expect((await t.call('workspace.health', {})).lastBackupFailure).toMatchObject({ kind: 'manual', cause: 'readOnly' });

    undo();
    undone = true;
    await t.call('backups.create', {});
    expect((await t.call('workspace.health', {})).lastBackupFailure).toBeNull();
  });
});
