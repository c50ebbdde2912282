import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../electron/core/db/open';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { SearchHit } from '../../../shared/calendar/entries';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const titles = (hits: SearchHit[]) => hits.map((hit) => hit.title);
const search = async (query: string, partnerIds?: string[]) => t.call('calendar.search', { query, ...(partnerIds ? { filter: { partnerIds } } : {}) });

async function seed() {
  const paris = await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const casa = await t.call('partners.create', { displayName: 'Me Benali', timeZone: 'Africa/Casablanca' });
  const post = async (partnerId: string, title: string, body: string, note = '') =>
    t.call('posts.create', { partnerId, title, note, networks: ['linkedin'], content: docFromParagraphs([body]) });
  return { paris, casa, post };
}

describe('full-text search (SQLite FTS5)', () => {
  it('ignores accents and case both ways', async () => {
    const { paris, post } = await seed();
    await post(paris.id, 'Médiation familiale', 'Un texte.');
    await post(paris.id, 'Autre sujet', 'LA MEDIATION EN DROIT DU TRAVAIL');
    expect(titles(await search('mediation')).sort()).toEqual(['Autre sujet', 'Médiation familiale']);
    expect(titles(await search('MÉDIATION')).sort()).toEqual(['Autre sujet', 'Médiation familiale']);
  });

  it('matches the last word as a prefix, the others as whole words, all of them required', async () => {
    const { paris, post } = await seed();
    await post(paris.id, 'Colloque', 'L’arbitrage international et le droit OHADA.');
    expect(titles(await search('arbit'))).toEqual(['Colloque']);
    expect(titles(await search('arbitrage oha'))).toEqual(['Colloque']);
    expect(await search('arbit ohada')).toEqual([]);
    expect(await search('arbitrage fiscal')).toEqual([]);
  });

  it('finds words in notes, with the passage highlighted', async () => {
    const { paris, post } = await seed();
    await post(paris.id, 'Vœux', 'Bonne année à tous.', 'Relire avec le bâtonnier avant publication');
    const [hit] = await search('batonnier');
    expect(hit?.title).toBe('Vœux');
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['bâtonnier']);
    expect(hit?.snippet.map((part) => part.text).join('')).toBe('Relire avec le bâtonnier avant publication');
  });

  it('ranks a title match above a match in the body only', async () => {
    const { paris, post } = await seed();
    await post(paris.id, 'Le droit de la concurrence', 'Une note sur le marché.');
    await post(paris.id, 'Actualité', 'Long texte où la concurrence apparaît une fois parmi beaucoup d’autres mots sur le marché et la régulation.');
    expect(titles(await search('concurrence'))).toEqual(['Le droit de la concurrence', 'Actualité']);
  });

  it('follows edits, and deleted posts vanish from the results', async () => {
    const { paris, post } = await seed();
    const created = await post(paris.id, 'Brouillon', 'Premier jet sur la prescription.');
    await t.call('posts.save', { id: created.id, baseVersion: created.version, content: docFromParagraphs(['Second jet sur la forclusion.']) });
    expect(await search('prescription')).toEqual([]);
    expect(titles(await search('forclusion'))).toEqual(['Brouillon']);
    // Scheduling does not touch the text: the post is still found, with its new date.
    await t.call('calendar.schedule', { id: created.id, scheduledAt: Date.parse('2026-12-01T09:00:00Z'), zone: 'Europe/Paris' });
    expect((await search('forclusion'))[0]?.scheduledAt).toBe(Date.parse('2026-12-01T09:00:00Z'));
    await t.call('posts.delete', { id: created.id });
    expect(await search('forclusion')).toEqual([]);
  });

  it('applies the calendar filters and leaves archived partners out', async () => {
    const { paris, casa, post } = await seed();
    await post(paris.id, 'Paris', 'Le contentieux des affaires.');
    await post(casa.id, 'Casablanca', 'Le contentieux des affaires.');
    expect(titles(await search('contentieux', [casa.id]))).toEqual(['Casablanca']);
    await t.call('partners.setArchived', { id: paris.id, archived: true });
    expect(titles(await search('contentieux'))).toEqual(['Casablanca']);
  });

  it('treats FTS5 syntax in the input as plain words, without an error', async () => {
    const { paris, post } = await seed();
    await post(paris.id, 'Titre', 'Le texte NEAR la fin.');
    for (const query of ['NEAR(', '"', 'title:x', 'a OR', '*', '-', 'NOT texte', '^texte']) {
      expect((await t.raw('calendar.search', { query })).ok, query).toBe(true);
    }
    expect(titles(await search('near('))).toEqual(['Titre']);
  });

  it('keeps the index consistent with the posts (FTS5 integrity check)', async () => {
    const { paris, post } = await seed();
    const a = await post(paris.id, 'Un', 'alpha');
    await post(paris.id, 'Deux', 'beta');
    await t.call('posts.save', { id: a.id, baseVersion: a.version, title: 'Un bis', note: 'gamma' });
    await t.call('posts.delete', { id: a.id });
    const db = new Database(t.core.databasePath);
    try {
      expect(() => db.prepare("INSERT INTO post_search (post_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
      expect(db.prepare('SELECT count(*) AS n FROM post_search_ids').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});

describe('the search migration', () => {
  it('indexes the posts written before it', async () => {
    const dir = tempDir();
    const before = join(dir.path, 'migrations-before-search');
    mkdirSync(before);
    const all = join(import.meta.dirname, '../../../electron/core/db/migrations');
    for (const file of readdirSync(all).filter((f) => /^000[1-4]_/.test(f))) copyFileSync(join(all, file), join(before, file));
    const data = join(dir.path, 'data');
    mkdirSync(data);
    // A workspace as version 4 left it: its own migrations, a partner and a post written then.
    const { db: old } = openDatabase(databaseFile(data), Date.now(), before);
    const now = Date.now();
    old.prepare("INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000000aa', 'Me Dupont', '#1d4ed8', 'Europe/Paris', 'fr', ?, ?)").run(now, now);
    old
      .prepare("INSERT INTO posts (id, partner_id, title, content_json, plain_text, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000aa', 'Ancien billet', ?, ?, ?, ?)")
      .run(JSON.stringify(docFromParagraphs(['Écrit avant la recherche plein texte.'])), 'Écrit avant la recherche plein texte.', now, now);
    old.close();

    const upgraded = createTestCore(data);
    try {
      expect(upgraded.core.migration.from).toBe(4);
      expect(titles(await upgraded.call('calendar.search', { query: 'ecrit' }))).toEqual(['Ancien billet']);
    } finally {
      upgraded.close();
      dir.remove();
    }
  });
});
