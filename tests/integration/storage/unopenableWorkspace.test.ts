import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { Logger } from '../../../electron/core/log';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

it('a folder named plume.sqlite does not stop Plume: every call and the log name the path and say what to do', async () => {
  const folder = tempDir();
  cleanups.push(() => folder.remove());
  const file = join(folder.path, 'plume.sqlite');
  mkdirSync(file);
  writeFileSync(join(file, 'inside.txt'), 'not a database');
  const lines: string[] = [];
  const logger: Logger = { info: (message) => lines.push(message), error: (message) => lines.push(message) };
  const t: TestCore = createTestCore(folder.path, logger);
  cleanups.push(() => t.core.close());

  const health = await t.call('workspace.health', {});
  expect(health).toMatchObject({ status: 'unopenable', cause: 'directory', file, setAsidePath: null });
  const result = await t.raw('partners.list', {});
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error).toMatchObject({ code: 'unavailable', messageKey: 'errors.workspaceIsDirectory', details: { file } });
    expect(new ApiError(result.error).message).toMatch(/is a folder.*Move or rename that folder/);
  }
  const said = lines.filter((line) => line.includes(file));
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(/is a folder, not Plume's workspace file\. Move or rename that folder .*PLUME_DATA_DIR/);
});

it('a workspace file Plume may not read is named with what to do, not a crash (checked as an unprivileged user)', (context) => {
  const asRoot = process.getuid?.() === 0;
  const fileCheck = fileURLToPath(new URL('../../../electron/core/storage/fileCheck.ts', import.meta.url));
  // As root, the check runs as "nobody", who must be able to read this checkout (not so under a private home).
  if (asRoot && spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(fileCheck)})`], { uid: 65_534, gid: 65_534 }).status !== 0) {
    context.skip('running as root in a checkout the unprivileged user cannot read: no way to show a file Plume may not read');
  }
  const folder = tempDir();
  cleanups.push(() => folder.remove());
  const file = join(folder.path, 'plume.sqlite');
  writeFileSync(file, Buffer.alloc(4096));
  chmodSync(folder.path, 0o755);
  chmodSync(file, 0o000);
  const script = `import { checkDatabaseFile } from ${JSON.stringify(fileCheck)}; process.stdout.write(JSON.stringify(checkDatabaseFile(process.argv[1])));`;
  // As root the file is readable whatever its rights: the check runs as "nobody".
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], {
    encoding: 'utf8',
    ...(asRoot ? { uid: 65_534, gid: 65_534 } : {}),
  });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'unopenable', cause: 'noAccess' });
});
