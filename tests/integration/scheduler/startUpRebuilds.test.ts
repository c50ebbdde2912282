import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SignatureRepository } from '../../../electron/core/similarity/signatureRepository';
import { VoiceProfileRepository } from '../../../electron/core/voice/repository';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

const cores: TestCore[] = [];
const connections: Database.Database[] = [];
afterEach(() => {
  for (const db of connections.splice(0)) db.close();
  for (const t of cores.splice(0)) t.close();
});

/** A workspace with three posts of one partner, and a second connection to its file (as a start-up pass has), closed after the test. */
async function workspace() {
  const t = createTestCore();
  cores.push(t);
  const partner = await t.call('partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const ids: string[] = [];
  for (const text of ['Réforme du droit des contrats : ce qui change pour les PME.', 'Médiation : trois idées reçues.', 'Colloque sur la conformité RGPD à Lyon.']) {
    ids.push((await t.call('posts.create', { partnerId: partner.id, content: docFromParagraphs([text]) })).id);
  }
  const db = new Database(`${t.dir}/plume.sqlite`);
  connections.push(db);
  return { db, ids };
}

/** Runs a pass, counting the slices it yields at (one per window of rowids it walks): [rows done, windows walked]. */
async function pass(repo: { rebuildStale: (now: number, slice: () => Promise<void>) => Promise<number> }): Promise<[number, number]> {
  let windows = 0;
  const done = await repo.rebuildStale(Date.now(), () => Promise.resolve().then(() => void (windows += 1)));
  return [done, windows];
}

/** A pass that had something to mend: it did `rows` and walked at least one window to find them. */
async function expectMended(repo: Parameters<typeof pass>[0], rows: number): Promise<void> {
  const [done, windows] = await pass(repo);
  expect(done).toBe(rows);
  expect(windows).toBeGreaterThan(0);
}

describe('the start-up rebuilds walk the posts only when something is stale', () => {
  it('near-duplicate signatures: every post signed, no window is walked; a post without one is walked to and signed', async () => {
    const { db, ids } = await workspace();
    const repo = new SignatureRepository(db);
    expect(await pass(repo)).toEqual([0, 0]);
    db.prepare('DELETE FROM post_signatures WHERE post_id = ?').run(ids[1]);
    await expectMended(repo, 1);
    expect(db.prepare('SELECT count(*) FROM post_signatures').pluck().get()).toBe(3);
  });

  it('voice samples: each learned post sampled and no sample left over, no window is walked; otherwise the walk mends it', async () => {
    const { db, ids } = await workspace();
    const repo = new VoiceProfileRepository(db);
    // No learned post, no sample.
    expect(await pass(repo)).toEqual([0, 0]);
    // A post published without its sample (as written by an older Plume): walked to and learned.
    db.prepare("UPDATE posts SET status = 'published' WHERE id = ?").run(ids[0]);
    await expectMended(repo, 1);
    expect(await pass(repo)).toEqual([0, 0]);
    // A sample left for a post no longer learned: walked to and forgotten.
    db.prepare("UPDATE posts SET status = 'draft' WHERE id = ?").run(ids[0]);
    expect((await pass(repo))[1]).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM voice_samples').pluck().get()).toBe(0);
  });
});
