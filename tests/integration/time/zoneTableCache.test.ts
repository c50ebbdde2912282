import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeTzDataKey, nodeZoneTable } from '../../../electron/core/time/nodeZoneTables';
import { zoneTableCache, zoneTableCachePath } from '../../../electron/core/time/zoneTableCache';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';

/**
 * Zone tables are built from Node's tz data once and kept in the workspace, so the first page of
 * the next launch does not wait for thousands of tz look-ups per partner zone.
 */
let t: TestCore | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

describe('the time-zone table cache', () => {
  it('gives the next launch the tables built by this one, for the same tz data only', () => {
    const dir = tempDir('plume-zones-');
    try {
      const path = zoneTableCachePath(dir.path);
      const table = nodeZoneTable('America/Santiago');
      zoneTableCache(path, nodeTzDataKey(), () => undefined).remember(table);
      expect(zoneTableCache(path, nodeTzDataKey(), () => undefined).get('America/Santiago')).toEqual(table);
      // A Node update with other tz rules: the tables are built again.
      expect(zoneTableCache(path, 'tz 1999z', () => undefined).get('America/Santiago')).toBeUndefined();
    } finally {
      dir.remove();
    }
  });

  it('ignores a damaged or foreign file and writes a sound one in its place', () => {
    const dir = tempDir('plume-zones-');
    try {
      const path = zoneTableCachePath(dir.path);
      mkdirSync(dirname(path), { recursive: true });
      const forged = { tzData: nodeTzDataKey(), tables: [{ zone: 'Europe/Paris', from: 0, to: 1, transitions: [5, 3], offsets: [60, 120, 60] }] };
      for (const content of ['{"tzData":', JSON.stringify(forged)]) {
        writeFileSync(path, content);
        const cache = zoneTableCache(path, nodeTzDataKey(), () => undefined);
        expect(cache.get('Europe/Paris')).toBeUndefined();
        cache.remember(nodeZoneTable('Europe/Paris'));
        expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ tzData: nodeTzDataKey(), tables: [{ zone: 'Europe/Paris' }] });
      }
    } finally {
      dir.remove();
    }
  });

  it('is what core serves the UI for a partner’s zone, and where core keeps the tables it builds', async () => {
    t = createTestCore();
    const path = zoneTableCachePath(t.dir);
    await t.call('partners.create', { displayName: 'Ana Ruiz', timeZone: 'America/Santiago' });
    const served = await t.call('time.zoneTables', { zones: [] });
    const santiago = served.find((table) => table.zone === 'America/Santiago');
    expect(santiago).toEqual(nodeZoneTable('America/Santiago'));
    const kept = zoneTableCache(path, nodeTzDataKey(), () => undefined);
    expect(kept.get('America/Santiago')).toEqual(santiago);
  });
});
