import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/testCore';
import { seedScenario } from './seed';

describe('npm run report', () => {
  it('writes the report of a month to --out from the workspace in PLUME_DATA_DIR', async () => {
    const t = createTestCore();
    const seeded = await seedScenario(t);
    seeded.db.close();
    t.core.close();
    try {
      const out = join(t.dir, 'out', 'octobre.csv');
      const run = spawnSync(
        process.execPath,
        ['scripts/report.mjs', '--month', '2026-10', '--partner', seeded.paris.id, '--format', 'csv', '--out', out],
        { env: { ...process.env, PLUME_DATA_DIR: t.dir }, encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(\\d+ bytes\\)$`));
      const csv = readFileSync(out, 'utf8');
      expect(csv.startsWith('\uFEFFpartenaire;')).toBe(true);
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 29);

      const usage = spawnSync(process.execPath, ['scripts/report.mjs', '--month', 'octobre', '--format', 'csv', '--out', out], {
        env: { ...process.env, PLUME_DATA_DIR: t.dir },
        encoding: 'utf8',
      });
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('usage: npm run report');
    } finally {
      t.close();
    }
  });
});
