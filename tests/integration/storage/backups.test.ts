import { afterEach, describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../shared/workspace/backupRetention';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { partnerInput } from '../../support/partnerInput';

const HOUR = 3_600_000;
const partner = partnerInput;

let t: TestCore;
afterEach(() => t.close());

const names = async () => (await t.call('partners.list', {})).map((p) => p.displayName).sort();

describe('automatic backups', () => {
  it('are taken every few hours while the workspace changes, driven by the clock, and not when it does not', async () => {
    t = createTestCore();
    await t.call('partners.create', partner('A'));
    const newest = async () => (await t.call('backups.list', {}))[0]?.takenAt;
    await t.core.scheduler.tick(t.clock.now());
    const first = t.clock.now();
    expect(await newest()).toBe(first);

    t.clock.advance(HOUR);
    await t.call('partners.create', partner('B'));
    await t.core.scheduler.tick(t.clock.now());
    expect(await newest()).toBe(first); // too soon after the last one

    t.clock.advance(4 * HOUR);
    await t.core.scheduler.tick(t.clock.now());
    const second = t.clock.now();
    expect(await newest()).toBe(second);

    t.clock.advance(5 * HOUR); // nothing changed since
    await t.core.scheduler.tick(t.clock.now());
    expect(await newest()).toBe(second);
  });

  it('are pruned to 7 daily and 4 weekly as they are written', async () => {
    t = createTestCore();
    const taken: number[] = [];
    for (let i = 0; i < 14; i++) {
      await t.call('partners.create', partner(`P${i}`));
      // Automatic ones (the periodic backup's call): those asked for are not thinned.
      taken.push((await t.core.storage.backupNow()).takenAt);
      t.clock.advance(60 * HOUR);
    }
    const kept = (await t.call('backups.list', {})).map((b) => b.takenAt).sort((a, b) => a - b);
    expect(kept).toEqual([...backupsToKeep(taken)].sort((a, b) => a - b));
    expect(kept.length).toBeLessThan(taken.length);
    expect(kept.at(-1)).toBe(taken.at(-1));
  });

  it('taken with the system clock set back, are written, listed and kept (the retention rules do not remove the copy just taken)', async () => {
    t = createTestCore();
    for (let i = 0; i < 12; i++) {
      await t.call('partners.create', partner(`P${i}`));
      await t.core.storage.backupNow();
      await t.call('backups.create', {});
      t.clock.advance(30 * HOUR);
    }
    // The clock goes back ten days: the copies taken now are older than every other one.
    t.clock.advance(-245 * HOUR);
    await t.call('partners.create', partner('Après le retour en arrière'));
    const automatic = await t.core.storage.backupNow();
    const manual = await t.call('backups.create', {});
    const listed = (await t.call('backups.list', {})).map((b) => b.name);
    expect(listed).toContain(automatic.name);
    expect(listed).toContain(manual.name);
    expect(manual.bytes).toBeGreaterThan(0);
  });

  it('asked for (« Sauvegarder maintenant »), is listed as manual and outlives the automatic ones of the same day', async () => {
    t = createTestCore();
    await t.call('partners.create', partner('A'));
    const manual = await t.call('backups.create', {});
    expect(manual).toMatchObject({ kind: 'manual', name: expect.stringMatching(/^plume-manual-\d{8}-\d{6}\.sqlite$/) as unknown });
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(5 * HOUR);
      await t.call('partners.create', partner(`P${i}`));
      await t.core.scheduler.tick(t.clock.now());
    }
    const listed = await t.call('backups.list', {});
    expect(listed.filter((b) => b.kind === 'automatic')).toHaveLength(2); // the day's first and its newest
    expect(listed.find((b) => b.name === manual.name)?.kind).toBe('manual');
    expect((await t.call('workspace.health', {})).latestBackup?.kind).toBe('automatic');
  });

  it('is taken at start once the reopened file checked sound', async () => {
    t = createTestCore();
    await t.call('partners.create', partner('A'));
    const dir = t.dir;
    t.core.close();
    const reopened = createTestCore(dir);
    await reopened.core.storage.whenChecked();
    expect(await reopened.call('backups.list', {})).toHaveLength(1);
    reopened.core.close();
    t = createTestCore();
  });
});

describe('restoring a backup', () => {
  it('switches the running workspace to it, keeps the current file aside, and can itself be undone', async () => {
    t = createTestCore();
    await t.call('partners.create', partner('A'));
    const backup = await t.call('backups.create', {});
    t.clock.advance(HOUR);
    await t.call('partners.create', partner('B'));
    expect(await names()).toEqual(['A', 'B']);

    const health = await t.call('backups.restore', { name: backup.name });
    expect(health.status).toBe('ok');
    expect(await names()).toEqual(['A']);
    // The app keeps running on the restored file: writes work.
    await t.call('partners.create', partner('C'));

    const aside = (await t.call('backups.list', {})).find((b) => b.kind === 'beforeRestore');
    expect(aside).toBeDefined();
    t.clock.advance(HOUR);
    await t.call('backups.restore', { name: aside?.name ?? '' });
    expect(await names()).toEqual(['A', 'B']);
  });

  it('refuses a backup name that is not one', async () => {
    t = createTestCore();
    const result = await t.raw('backups.restore', { name: '../plume.sqlite' });
    expect(result.ok).toBe(false);
  });
});
