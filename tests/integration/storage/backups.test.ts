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
      taken.push((await t.call('backups.create', {})).takenAt);
      t.clock.advance(60 * HOUR);
    }
    const kept = (await t.call('backups.list', {})).map((b) => b.takenAt).sort((a, b) => a - b);
    expect(kept).toEqual([...backupsToKeep(taken)].sort((a, b) => a - b));
    expect(kept.length).toBeLessThan(taken.length);
    expect(kept.at(-1)).toBe(taken.at(-1));
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
