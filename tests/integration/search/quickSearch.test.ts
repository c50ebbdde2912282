import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { SearchHit } from '../../../shared/calendar/entries';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

// Ctrl+K (renderer/src/search/SearchDialog.tsx) asks calendar.search for its top 20.
let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const quickSearch = (query: string) => t.call('calendar.search', { query, limit: 20 });
const titles = (hits: SearchHit[]) => hits.map((hit) => hit.title);

async function partnerWithPosts() {
  const partner = await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const post = (title: string, body: string) =>
    t.call('posts.create', { partnerId: partner.id, title, networks: ['linkedin'], content: docFromParagraphs([body]) });
  return { partner, post };
}

describe('Ctrl+K quick search', () => {
  it('answers id, title, partner, status, date and a short snippet, never the post’s body', async () => {
    const { partner, post } = await partnerWithPosts();
    const tail = 'CONCLUSION-UNIQUE-EN-FIN-DE-TEXTE';
    const body = `La médiation commerciale. ${'Un long développement sur la procédure. '.repeat(200)}${tail}`;
    const created = await post('Note longue', body);
    const [hit, ...others] = await quickSearch('mediation');
    expect(others).toEqual([]);
    expect(hit).toMatchObject({ id: created.id, title: 'Note longue', partnerId: partner.id, status: created.status, scheduledAt: null });
    for (const key of ['content', 'plainText', 'body', 'note']) expect(hit).not.toHaveProperty(key);
    expect(JSON.stringify(hit).length).toBeLessThan(1_000);
    expect(JSON.stringify(hit)).not.toContain(tail);
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['médiation']);
  });

  it('returns only the best 20 of many matches, title matches first', async () => {
    const { post } = await partnerWithPosts();
    for (let i = 0; i < 30; i += 1) await post(`Billet ${i}`, `Un mot sur la prescription, numéro ${i}.`);
    await post('La prescription acquisitive', 'Un autre sujet.');
    const hits = await quickSearch('prescription');
    expect(hits).toHaveLength(20);
    expect(hits[0]?.title).toBe('La prescription acquisitive');
    expect((await t.raw('calendar.search', { query: 'prescription', limit: 51 })).ok).toBe(false);
  });

  it('folds French accents and case, and matches the word being typed as a prefix', async () => {
    const { post } = await partnerWithPosts();
    await post('Vœux', 'Très bonne année au barreau, de la part du bâtonnier.');
    expect(titles(await quickSearch('BATONNIER'))).toEqual(['Vœux']);
    expect(titles(await quickSearch('année bât'))).toEqual(['Vœux']);
    expect(titles(await quickSearch('annee barr'))).toEqual(['Vœux']);
    expect(await quickSearch('bât année')).toEqual([]);
  });

  it('with more matches than it ranks, still answers 20 hits with their highlighted passage, newest title matches first', async () => {
    const { post } = await partnerWithPosts();
    for (let i = 0; i < 1_050; i += 1) await post(`Billet ${i}`, `Une remarque de procédure, numéro ${i}.`);
    for (let i = 0; i < 3; i += 1) await post(`Procédure civile ${i}`, 'Un autre sujet.');
    const hits = await quickSearch('proc');
    expect(hits).toHaveLength(20);
    expect(titles(hits.slice(0, 3)).sort()).toEqual(['Procédure civile 0', 'Procédure civile 1', 'Procédure civile 2']);
    for (const hit of hits) expect(hit.snippet.some((part) => part.match && part.text.toLowerCase() === 'procédure')).toBe(true);
  });

  it('a word as typed more common than what is ranked: 20 hits, title matches first, each highlighted', async () => {
    const { post } = await partnerWithPosts();
    for (let i = 0; i < 1_010; i += 1) await post(`Billet ${i}`, `Une remarque de droit, numéro ${i}.`);
    for (let i = 0; i < 2; i += 1) await post(`Droit social ${i}`, 'Un autre sujet.');
    const hits = await quickSearch('droit');
    expect(hits).toHaveLength(20);
    expect(titles(hits.slice(0, 2)).sort()).toEqual(['Droit social 0', 'Droit social 1']);
    for (const hit of hits) expect(hit.snippet.some((part) => part.match && part.text.toLowerCase() === 'droit')).toBe(true);
  });
});
