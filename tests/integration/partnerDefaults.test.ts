import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, openDatabase } from '../../electron/core/db/open';
import { partnerPalette } from '../../shared/partners/palette';
import { createTestCore } from '../support/testCore';
import type { TestCore } from '../support/testCore';
import { tempDir } from '../support/tempDir';

/** What a partner brings to each new post: a colour of their own, default networks, a form of address. Real core, real SQLite file. */

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const partner = (displayName: string, timeZone: string, extra: Record<string, unknown> = {}) =>
  t.call('partners.create', { displayName, timeZone, locale: 'fr', ...extra });

describe('partner defaults', () => {
  it('gives each new partner a colour no other partner has, from the palette', async () => {
    const claire = await partner('Me Claire Dupont', 'Europe/Paris');
    const youssef = await partner('Youssef Benali', 'Africa/Casablanca');
    const dana = await partner('Dana Whitaker', 'America/Toronto', { locale: 'en' });
    expect(new Set([claire.color, youssef.color, dana.color]).size).toBe(3);
    expect([claire.color, youssef.color, dana.color]).toEqual(partnerPalette.slice(0, 3));
    // A colour chosen by hand is kept, and the next partner is offered one not taken yet.
    await partner('Autre', 'Europe/Paris', { color: partnerPalette[3] });
    expect((await partner('Cinquième', 'Europe/Paris')).color).toBe(partnerPalette[4]);
  });

  it('stores default networks and the form of address, keeps them on an update that leaves them out, and starts new posts on those networks', async () => {
    const claire = await partner('Me Claire Dupont', 'Europe/Paris', { defaultNetworks: ['linkedin', 'bluesky', 'linkedin'], formOfAddress: 'madame' });
    expect(claire).toMatchObject({ defaultNetworks: ['linkedin', 'bluesky'], formOfAddress: 'madame' });
    const updated = await t.call('partners.update', { id: claire.id, fields: { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' } });
    expect(updated).toMatchObject({ defaultNetworks: ['linkedin', 'bluesky'], formOfAddress: 'madame', color: claire.color });

    const post = await t.call('posts.create', { partnerId: claire.id });
    expect(post.networks).toEqual(['linkedin', 'bluesky']);
    const chosen = await t.call('posts.create', { partnerId: claire.id, networks: ['x'] });
    expect(chosen.networks).toEqual(['x']);
  });
});

describe('migration 0008 (partner defaults)', () => {
  const temps: { remove: () => void }[] = [];
  afterEach(() => temps.splice(0).forEach((d) => d.remove()));

  it('gives partners who all had the one default colour distinct palette colours, the first keeping it', () => {
    const dir = tempDir();
    temps.push(dir);
    const before = join(dir.path, 'before');
    mkdirSync(before);
    for (const file of readdirSync(DEFAULT_MIGRATIONS_DIR)) if (file < '0008') copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(before, file));
    const file = join(dir.path, 'plume.sqlite');
    const old = openDatabase(file, 1, before);
    const insert = old.db.prepare(
      `INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES (?, ?, ?, 'Europe/Paris', 'fr', ?, ?)`,
    );
    insert.run('p1', 'Claire', '#4f46e5', 1, 1);
    insert.run('p2', 'Youssef', '#4f46e5', 2, 2);
    insert.run('p3', 'Dana', '#4f46e5', 3, 3);
    insert.run('p4', 'Chosen', '#123456', 4, 4);
    old.db.close();

    const current = openDatabase(file, 2);
    const rows = current.db.prepare('SELECT id, color, default_networks, form_of_address FROM partners ORDER BY id').all();
    current.db.close();
    expect(rows).toEqual([
      { id: 'p1', color: partnerPalette[0], default_networks: '[]', form_of_address: '' },
      { id: 'p2', color: partnerPalette[1], default_networks: '[]', form_of_address: '' },
      { id: 'p3', color: partnerPalette[2], default_networks: '[]', form_of_address: '' },
      { id: 'p4', color: '#123456', default_networks: '[]', form_of_address: '' },
    ]);
  });
});
