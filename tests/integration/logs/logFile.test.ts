import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log';
import { tempDir } from '../../support/tempDir';

let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => dir?.remove());

describe('plume.log', () => {
  it('rotates by size, keeping a few files, the newest lines in plume.log', () => {
    dir = tempDir('plume-log-');
    const file = join(dir.path, 'plume.log');
    const log = createLogger({ file, maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    expect(readdirSync(dir.path).sort()).toEqual(['plume.log', 'plume.log.1', 'plume.log.2']);
    for (const name of ['plume.log', 'plume.log.1', 'plume.log.2']) {
      expect(readFileSync(join(dir.path, name), 'utf8').length).toBeLessThanOrEqual(400);
    }
    expect(readFileSync(file, 'utf8')).toContain('line 039');
    expect(readFileSync(join(dir.path, 'plume.log.1'), 'utf8')).not.toContain('line 039');
  });

  it('goes on appending to the existing file after a restart, then rotates it', () => {
    dir = tempDir('plume-log-');
    const file = join(dir.path, 'plume.log');
    createLogger({ file, maxBytes: 300 }).info('first launch');
    const second = createLogger({ file, maxBytes: 300 });
    second.info('second launch');
    expect(readFileSync(file, 'utf8')).toContain('first launch');
    for (let i = 0; i < 3; i++) second.info('x'.repeat(60));
    expect(readFileSync(file, 'utf8')).not.toContain('first launch');
    expect(readFileSync(`${file}.1`, 'utf8')).toContain('first launch');
  });
});
