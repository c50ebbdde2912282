import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Logger } from '../../../electron/core/log';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { partnerInput } from '../../support/partnerInput';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0).reverse()) t.close();
});

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

it('a damaged workspace whose newest backup is damaged too offers the newest sound backup, and the log names that one', async () => {
  const before = createTestCore();
  cores.push(before);
  await before.call('partners.create', partnerInput('Me Claire Dupont'));
  const sound = await before.call('backups.create', {});
  before.clock.advance(3_600_000);
  await before.call('partners.create', partnerInput('Me Jean Martin'));
  const newest = await before.call('backups.create', {});
  before.core.close();
  const backups = join(before.dir, 'backups');
  // The newest backup's pages past the first overwritten: it opens, and fails its check.
  const newestFile = join(backups, newest.name);
  for (let at = 4096; at < statSync(newestFile).size; at += 4096) overwrite(newestFile, at, Buffer.alloc(4096, 0x5a));
  overwrite(join(before.dir, 'plume.sqlite'), 0, Buffer.from('garbage garbage!'));

  const lines: string[] = [];
  const logger: Logger = { info: (message) => lines.push(message), error: (message) => lines.push(message) };
  const t = createTestCore(before.dir, logger);
  cores.push(t);
  await t.core.storage.whenBackupsChecked();
  const health = await t.call('workspace.health', {});
  expect(health).toMatchObject({ status: 'damaged', readable: false, backupsChecked: true, damagedBackups: [newest.name] });
  expect(health.soundBackup?.name).toBe(sound.name);
  const advice = lines.filter((line) => line.includes('restore the backup'));
  expect(advice).toHaveLength(1);
  expect(advice[0]).toContain(sound.name);
  expect(lines.join('\n')).not.toMatch(new RegExp(`restore the backup [^;]*${newest.name}`));

  const restored = await t.call('backups.restore', { name: health.soundBackup?.name ?? '' });
  expect(restored.status).toBe('ok');
  expect((await t.call('partners.list', {})).map((p) => p.displayName)).toEqual(['Me Claire Dupont']);
});
