import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { Post } from '../../../shared/posts/schema';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

let t: TestCore;
let post: Post;
let at: number;
beforeEach(async () => {
  t = createTestCore();
  const partner = await t.call('partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: '' });
  post = await t.call('posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin', 'x'], content: docFromParagraphs(['Réforme des contrats.']) });
  at = t.clock.now() + 86_400_000;
  await t.call('calendar.schedule', { id: post.id, scheduledAt: at, zone: 'Europe/Paris' });
});
afterEach(() => t.close());

const save = async (extra: Partial<Pick<Post, 'threads' | 'firstComments' | 'networks'>>) => {
  const current = await t.call('posts.get', { id: post.id });
  return t.call('posts.save', { id: post.id, baseVersion: current.version, ...extra });
};
const entry = async () => {
  const [found] = await t.call('calendar.range', { from: at - 1, to: at + 1 });
  return { threadParts: found?.threadParts, commentNetworks: found?.commentNetworks };
};

describe('the calendar names each entry’s thread and first comment', () => {
  it('gives the parts of the X thread and the networks with a first comment', async () => {
    await save({ threads: { x: ['Un. 1/3', 'Deux. 2/3', 'Trois. 3/3'] }, firstComments: { linkedin: 'Notre note complète.' } });
    expect(await entry()).toEqual({ threadParts: { x: 3 }, commentNetworks: ['linkedin'] });
  });

  it('names neither once they are emptied, nor a thread on a network the post no longer targets', async () => {
    await save({ threads: { x: ['Un. 1/2', 'Deux. 2/2'] }, firstComments: { x: 'Réponse.' } });
    await save({ networks: ['linkedin'] });
    expect(await entry()).toEqual({ threadParts: {}, commentNetworks: [] });
    await save({ networks: ['linkedin', 'x'] });
    expect(await entry()).toEqual({ threadParts: { x: 2 }, commentNetworks: ['x'] });
    await save({ threads: {}, firstComments: {} });
    expect(await entry()).toEqual({ threadParts: {}, commentNetworks: [] });
  });

  it('reads them from the calendar index, not the post rows', () => {
    const db = new Database(t.core.databasePath, { readonly: true });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT p.thread_parts, p.comment_networks, p.version_networks, p.title FROM posts p INDEXED BY posts_calendar WHERE p.scheduled_at >= 0 AND p.scheduled_at < 1`)
      .all() as { detail: string }[];
    db.close();
    expect(plan.map((row) => row.detail).join(' ')).toContain('USING COVERING INDEX posts_calendar');
  });
});
