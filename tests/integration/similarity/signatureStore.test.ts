import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostRepository } from '../../../electron/core/posts/repository';
import { SimilarityRepository } from '../../../electron/core/similarity/repository';
import { SimilarityService } from '../../../electron/core/similarity/service';
import { SignatureStore, loadSignatureStore, signatureStore } from '../../../electron/core/similarity/signatureStore';
import { docFromParagraphs } from '../../../shared/posts/document';
import { SIGNATURE_SIZE, signatureOf, signatureToBytes } from '../../../shared/similarity/minhash';
import type { Logger } from '../../../electron/core/log';
import { tempDir } from '../../support/tempDir';
import type { SimilarityCheck } from '../../../shared/similarity/schema';
import { ManualClock, createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

const DANA_TEXT =
  'Cette semaine, j’ai accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. ' +
  'Trop d’entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite bien des surprises. #droit #RGPD';
const NEAR_COPY =
  'Petite réflexion du jour 👇 Cette semaine, nous avons accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. ' +
  "Trop d'entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite souvent des surprises. #conformité";
const UNRELATED = 'Merci aux vingt participants de notre petit-déjeuner à Rennes sur la médiation ! Prochain rendez-vous en mars.';
const D = Date.UTC(2026, 11, 10, 9, 0, 0);
const noSlice = (): Promise<void> => Promise.resolve();

let t: TestCore;
let db: Database.Database;
const clock = new ManualClock();

beforeEach(() => {
  t = createTestCore();
});
afterEach(() => {
  if (db.open) db.close();
  t.close();
});

const partner = async (displayName: string) =>
  t.call('partners.create', { displayName, role: 'Associée', organisation: 'Cabinet Arcand', color: '#1d4ed8', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: '' });
const post = async (partnerId: string, text: string, title: string) =>
  t.call('posts.create', { partnerId, title, content: docFromParagraphs([text]), scheduledAt: D });

/** The check answered from this connection's in-memory store. */
const fromStore = (draftId: string): SimilarityCheck => new SimilarityService(new SimilarityRepository(db), () => 14, clock).check(draftId, NEAR_COPY);

/** The same check on a fresh connection: an empty store, every signature read from SQLite. */
function fromSql(draftId: string): SimilarityCheck {
  const fresh = new Database(`${t.dir}/plume.sqlite`, { readonly: true });
  try {
    expect(signatureStore(fresh).count).toBe(0);
    return new SimilarityService(new SimilarityRepository(fresh), () => 14, clock).check(draftId, NEAR_COPY);
  } finally {
    fresh.close();
  }
}

const matchedIds = (check: SimilarityCheck) => check.matches.map((m) => m.postId).sort();

describe('the in-memory signature store', () => {
  it('answers every check as the SQL path does through a save, a rolled-back write, a status change, a delete and an archived partner', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const eve = await partner('Ève Dubois');
    const danaPost = await post(dana.id, UNRELATED, 'Médiation');
    const evePost = await post(eve.id, DANA_TEXT, 'Conformité');
    const evePost2 = await post(eve.id, `${DANA_TEXT} Merci à toutes et à tous.`, 'Conformité bis');
    const draft = await post(claire.id, 'brouillon', 'Brouillon');

    db = new Database(`${t.dir}/plume.sqlite`);
    const posts = new PostRepository(db);
    const store = await loadSignatureStore(db, noSlice);
    expect(store.loaded).toBe(true);
    expect(store.count).toBe(4);
    const same = () => {
      const answered = fromStore(draft.id);
      expect(answered).toEqual(fromSql(draft.id));
      return matchedIds(answered);
    };
    expect(same()).toEqual([evePost.id, evePost2.id].sort());

    // A save: Dana's post becomes a near-copy; the store's old signature must not hide it.
    const danaRecord = posts.get(danaPost.id);
    if (!danaRecord) throw new Error('Dana’s post is missing');
    const saved = { ...danaRecord, contentJson: JSON.stringify(docFromParagraphs([DANA_TEXT])), plainText: DANA_TEXT, version: danaRecord.version + 1 };
    expect(db.transaction(() => posts.updateIfVersion(saved, danaRecord.version, clock.now()))()).toBe(true);
    expect(same()).toEqual([danaPost.id, evePost.id, evePost2.id].sort());

    // A rolled-back write, with a check inside its transaction: nothing of it stays in the store.
    const rolledBack = db.transaction(() => {
      posts.updateIfVersion({ ...saved, contentJson: JSON.stringify(docFromParagraphs([UNRELATED])), plainText: UNRELATED, version: saved.version + 1 }, saved.version, clock.now());
      expect(matchedIds(fromStore(draft.id))).toEqual([evePost.id, evePost2.id].sort());
      throw new Error('a later step of the save fails');
    });
    expect(rolledBack).toThrow('a later step');
    expect(same()).toEqual([danaPost.id, evePost.id, evePost2.id].sort());

    // A status change out of the compared ones.
    db.prepare("UPDATE posts SET status = 'withdrawn' WHERE id = ?").run(evePost2.id);
    expect(same()).toEqual([danaPost.id, evePost.id].sort());

    // A deleted post.
    expect(posts.delete(danaPost.id)).toBe(true);
    expect(store.slotOf(danaPost.id)).toBeUndefined();
    expect(same()).toEqual([evePost.id]);

    // An archived partner.
    db.prepare('UPDATE partners SET archived_at = ? WHERE id = ?').run(clock.now(), eve.id);
    expect(same()).toEqual([]);
  });

  it('compares a new post by its own signature when it takes the rowid of a deleted post the store still held', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const draft = await post(claire.id, 'brouillon', 'Brouillon');
    const gone = await post(dana.id, UNRELATED, 'Médiation');
    db = new Database(`${t.dir}/plume.sqlite`);
    const posts = new PostRepository(db);
    const store = await loadSignatureStore(db, noSlice);
    const rowidOf = db.prepare<[string], number>('SELECT rowid FROM posts WHERE id = ?').pluck();
    const goneRow = rowidOf.get(gone.id);
    expect(goneRow).toBeDefined();
    expect(matchedIds(fromStore(draft.id))).toEqual([]);

    // Deleted without the repository's eviction (as a partner's delete cascades to their posts):
    // the store still holds its entry, at its rowid.
    db.prepare('DELETE FROM posts WHERE id = ?').run(gone.id);
    expect(store.slotOf(gone.id)).toBeDefined();
    // The next post written is given the same rowid (SQLite's max + 1), with a near-copy's text.
    const record = posts.get(draft.id);
    if (!record) throw new Error('the draft is missing');
    const nearCopy = { ...record, id: 'post-taking-the-rowid', partnerId: dana.id, contentJson: JSON.stringify(docFromParagraphs([DANA_TEXT])), plainText: DANA_TEXT };
    db.transaction(() => posts.insert(nearCopy, clock.now()))();
    expect(rowidOf.get(nearCopy.id)).toBe(goneRow);
    expect(store.slotOf(gone.id)).toBeUndefined();

    const answered = fromStore(draft.id);
    expect(answered).toEqual(fromSql(draft.id));
    expect(matchedIds(answered)).toEqual([nearCopy.id]);
  });

  it('answers a check through core as the SQL path does', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const other = await post(dana.id, DANA_TEXT, 'Conformité');
    const draft = await post(claire.id, 'brouillon', 'Brouillon');
    db = new Database(`${t.dir}/plume.sqlite`);
    const check = await t.call('similarity.check', { postId: draft.id, text: NEAR_COPY });
    expect(check).toEqual(fromSql(draft.id));
    expect(matchedIds(check)).toEqual([other.id]);
  });
});

describe('after an upgrade of the signature algorithm', () => {
  it('the signatures rebuilt at start are held in memory once rebuilt, not read from the file by the checks that follow', async () => {
    const dir = tempDir();
    try {
      const before = createTestCore(dir.path);
      const partnerId = (await before.call('partners.create', { displayName: 'Dana Lefèvre', timeZone: 'Europe/Paris' })).id;
      for (const text of [DANA_TEXT, NEAR_COPY, UNRELATED]) await before.call('posts.create', { partnerId, content: docFromParagraphs([text]) });
      before.close();
      // As an older Plume signed them: every signature is stale for this version.
      db = new Database(`${dir.path}/plume.sqlite`);
      db.prepare('UPDATE post_signatures SET algorithm_version = algorithm_version - 1').run();
      db.close();

      const log: string[] = [];
      const logger: Logger = { info: (message) => log.push(message), error: (message) => log.push(`ERROR ${message}`) };
      const after = createTestCore(dir.path, logger);
      try {
        const guard = () => log.filter((line) => line.startsWith('near-duplicate guard'));
        // The start's load, then the rebuild: waited for until a load follows the rebuild (or 10 s).
        const loadAfterRebuild = () => guard().some((line, i, lines) => line.includes('in memory') && lines.slice(0, i).some((before) => before.includes('(re)built')));
        for (let waited = 0; waited < 10_000 && !loadAfterRebuild(); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
        const lines = guard();
        const rebuilt = lines.indexOf('near-duplicate guard: 3 post signatures (re)built');
        expect(rebuilt).toBeGreaterThanOrEqual(0);
        expect(lines.slice(rebuilt + 1)).toEqual([expect.stringMatching(/^near-duplicate guard: 3 post signatures in memory/)]);
        expect(log.filter((line) => line.startsWith('ERROR near-duplicate guard'))).toEqual([]);
      } finally {
        after.close();
      }
    } finally {
      dir.remove();
    }
  });
});

describe('a signature store', () => {
  it('keeps every entry exact as it grows and reuses the slots of evicted ones', () => {
    const store = new SignatureStore();
    const bytesOf = (n: number) => signatureToBytes(signatureOf(`publication numéro ${n} du cabinet`));
    for (let n = 0; n < 3000; n++) expect(store.put(`post-${n}`, n + 1, bytesOf(n))).toBe(true);
    for (let n = 0; n < 3000; n += 3) store.evict(`post-${n}`);
    for (let n = 3000; n < 4000; n++) store.put(`post-${n}`, n + 1, bytesOf(n));
    expect(store.count).toBe(3000);
    expect(store.mins.length).toBeLessThan(3500 * SIGNATURE_SIZE);
    for (let n = 0; n < 4000; n++) {
      const slot = store.slotOf(`post-${n}`);
      if (n < 3000 && n % 3 === 0) {
        expect(slot).toBeUndefined();
        expect(store.slotOfRow(n + 1)).toBeUndefined();
        continue;
      }
      // Found by its rowid too, as a check's window finds it.
      expect(store.slotOfRow(n + 1)).toBe(slot);
      if (slot !== undefined) expect(store.postIdAt(slot)).toBe(`post-${n}`);
      const expected = signatureOf(`publication numéro ${n} du cabinet`);
      expect(slot === undefined ? null : { size: store.sizes[slot], mins: store.mins.slice(slot * SIGNATURE_SIZE, (slot + 1) * SIGNATURE_SIZE) }).toEqual(expected);
    }
    expect(store.put('wrong length', 5000, new Uint8Array(12))).toBe(false);
    // A rowid given to another post: the entry of the post that had it goes.
    store.put('post-4000', 2, bytesOf(4000));
    expect(store.slotOf('post-1')).toBeUndefined();
    expect(store.slotOfRow(2)).toBe(store.slotOf('post-4000'));
  });
});
