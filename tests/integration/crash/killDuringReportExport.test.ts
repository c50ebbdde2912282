import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killReportCliAt } from '../../support/killMidway';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

let t: TestCore | null = null;
afterEach(() => t?.close());

describe('kill -9 during a report export', () => {
  it('leaves no file under the report name, and the next export writes a whole one and clears the leftover', async () => {
    t = createTestCore();
    await t.call('partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
    t.core.close();
    const folder = join(t.dir, 'out');
    const out = join(folder, 'octobre.csv');
    const args = ['--month', '2026-10', '--format', 'csv', '--out', out];

    await killReportCliAt('report-before-rename', join(t.dir, 'paused'), args, { PLUME_DATA_DIR: t.dir });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder).filter((name) => name.endsWith('.part'))).toHaveLength(1);

    const again = spawnSync(process.execPath, ['scripts/report.mjs', ...args], { env: { ...process.env, PLUME_DATA_DIR: t.dir }, encoding: 'utf8' });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFpartenaire;')).toBe(true);
    expect(readdirSync(folder)).toEqual(['octobre.csv']);
  });
});
