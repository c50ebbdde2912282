import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostRepository } from '../../../electron/core/posts/repository';
import { docFromParagraphs } from '../../../shared/posts/document';
import { SIMILARITY_ALGORITHM_VERSION, signatureOf, signatureToBytes } from '../../../shared/similarity/minhash';
import { DAY_MS } from '../../../shared/similarity/window';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

const DANA_TEXT =
  'Cette semaine, j’ai accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. ' +
  'Trop d’entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite bien des surprises. #droit #RGPD';
/** Claire's draft: Dana's post with a new intro, other hashtags and a few words changed. */
const NEAR_COPY =
  'Petite réflexion du jour 👇 Cette semaine, nous avons accompagné une PME industrielle de Lyon sur la conformité RGPD. Le sujet reste stratégique pour les dirigeants. ' +
  "Trop d'entreprises de la santé découvrent la loi Sapin II au dernier moment. Un audit préalable évite souvent des surprises. #conformité";
const UNRELATED = 'Merci aux vingt participants de notre petit-déjeuner à Rennes sur la médiation ! Prochain rendez-vous en mars.';

const D = Date.UTC(2026, 11, 10, 9, 0, 0);

let t: TestCore;
const partner = async (displayName: string) =>
  t.call('partners.create', { displayName, role: 'Associée', organisation: 'Cabinet Arcand', color: '#1d4ed8', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: '' });
const post = async (partnerId: string, text: string, scheduledAt: number | null, title = 'Post') =>
  t.call('posts.create', { partnerId, title, content: docFromParagraphs([text]), scheduledAt });

const storedSignature = (dir: string, postId: string): { version: number; bytes: Buffer } | undefined => {
  const db = new Database(`${dir}/plume.sqlite`, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT algorithm_version AS version, signature AS bytes FROM post_signatures WHERE post_id = ?').get(postId) as
      | { version: number; bytes: Buffer }
      | undefined;
    return row;
  } finally {
    db.close();
  }
};

beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

describe('the near-duplicate check', () => {
  it('finds another partner’s near-copy within the window, not outside it, and not the same partner’s', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const inside = await post(dana.id, DANA_TEXT, D - 5 * DAY_MS, 'Conformité');
    await post(dana.id, DANA_TEXT, D + 20 * DAY_MS, 'Trop tard');
    await post(claire.id, DANA_TEXT, D + DAY_MS, 'Le sien');
    await post(dana.id, UNRELATED, D, 'Médiation');
    const draft = await post(claire.id, 'brouillon', D);

    const check = await t.call('similarity.check', { postId: draft.id, text: NEAR_COPY });
    expect(check.windowDays).toBe(14);
    expect(check.matches.map((m) => m.postId)).toEqual([inside.id]);
    const [match] = check.matches;
    expect(match).toMatchObject({ partnerName: 'Dana Lefèvre', title: 'Conformité', at: D - 5 * DAY_MS, dismissed: false });
    expect(match?.sharePercent).toBeGreaterThanOrEqual(50);
    expect(['warn', 'strong']).toContain(match?.level);
  });

  it('uses the window of the firm’s editorial line', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const later = await post(dana.id, DANA_TEXT, D + 20 * DAY_MS);
    const draft = await post(claire.id, NEAR_COPY, D);
    expect((await t.call('similarity.check', { postId: draft.id })).matches).toEqual([]);

    const line = await t.call('editorial.firmLine', {});
    await t.call('editorial.saveFirmLine', { baseVersion: line.version, line: { ...line, similarity: { windowDays: 30 } } });
    const check = await t.call('similarity.check', { postId: draft.id });
    expect(check.windowDays).toBe(30);
    expect(check.matches.map((m) => m.postId)).toEqual([later.id]);
  });

  it('shows the shared passages of both texts side by side', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const other = await post(dana.id, DANA_TEXT, D);
    const draft = await post(claire.id, NEAR_COPY, D);
    const comparison = await t.call('similarity.compare', { postId: draft.id, otherPostId: other.id });
    const passages = comparison.other.shared.map((r) => comparison.other.text.slice(r.from, r.to));
    expect(passages.some((passage) => passage.includes('Le sujet reste stratégique pour les dirigeants'))).toBe(true);
    // The changed word is not highlighted: « bien » in Dana's post became « souvent » in the draft.
    expect(passages.some((passage) => passage.includes('évite bien des'))).toBe(false);
    expect(comparison.draft.shared.length).toBeGreaterThan(0);
    expect(comparison.other.match.partnerName).toBe('Dana Lefèvre');
  });

  it('remembers a dismissal and counts it in the partner’s monthly report', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const other = await post(dana.id, DANA_TEXT, D);
    const draft = await post(claire.id, NEAR_COPY, D);
    t.clock.advance(3 * DAY_MS);
    await t.call('similarity.dismiss', { postId: draft.id, otherPostId: other.id });
    await t.call('similarity.dismiss', { postId: draft.id, otherPostId: other.id });

    const check = await t.call('similarity.check', { postId: draft.id });
    expect(check.matches).toMatchObject([{ postId: other.id, dismissed: true }]);
    expect(await t.call('similarity.pairs', { from: D - DAY_MS, to: D + DAY_MS })).toEqual([]);

    const month = new Date(t.clock.now()).toISOString().slice(0, 7);
    const claireReport = await t.call('reports.build', { month, partnerId: claire.id });
    const danaReport = await t.call('reports.build', { month, partnerId: dana.id });
    expect(claireReport.kind === 'partner' ? claireReport.report.nearDuplicatesKept : null).toBe(1);
    expect(danaReport.kind === 'partner' ? danaReport.report.nearDuplicatesKept : null).toBe(0);
    const preview = await t.call('reports.preview', { month, partnerId: claire.id });
    expect(preview.html).toContain('Quasi-doublons d’un autre partenaire signalés puis conservés\u00a0: 1');
  });

  it('flags the pair once for the calendar while it is not dismissed', async () => {
    const claire = await partner('Claire Martin');
    const dana = await partner('Dana Lefèvre');
    const other = await post(dana.id, DANA_TEXT, D);
    const draft = await post(claire.id, NEAR_COPY, D + DAY_MS);
    const pairs = await t.call('similarity.pairs', { from: D - DAY_MS, to: D + 2 * DAY_MS });
    expect(pairs).toHaveLength(1);
    expect([pairs[0]?.postId, pairs[0]?.otherPostId].sort()).toEqual([draft.id, other.id].sort());
  });
});

describe('post signatures', () => {
  it('are written with each save, matching the saved text', async () => {
    const claire = await partner('Claire Martin');
    const created = await post(claire.id, UNRELATED, null);
    expect(storedSignature(t.dir, created.id)?.bytes).toEqual(Buffer.from(signatureToBytes(signatureOf(UNRELATED))));
    await t.call('posts.save', { id: created.id, baseVersion: created.version, content: docFromParagraphs([DANA_TEXT]) });
    expect(storedSignature(t.dir, created.id)).toEqual({ version: SIMILARITY_ALGORITHM_VERSION, bytes: Buffer.from(signatureToBytes(signatureOf(DANA_TEXT))) });
  });

  it('roll back with the post when its transaction fails', async () => {
    const claire = await partner('Claire Martin');
    const created = await post(claire.id, UNRELATED, null);
    const db = new Database(`${t.dir}/plume.sqlite`);
    try {
      const repo = new PostRepository(db);
      const failing = db.transaction(() => {
        const ok = repo.updateIfVersion(
          { ...created, contentJson: JSON.stringify(docFromParagraphs([DANA_TEXT])), plainText: DANA_TEXT, version: created.version + 1 },
          created.version,
          t.clock.now(),
        );
        expect(ok).toBe(true);
        throw new Error('a later step of the save fails');
      });
      expect(failing).toThrow('a later step');
    } finally {
      db.close();
    }
    expect(storedSignature(t.dir, created.id)?.bytes).toEqual(Buffer.from(signatureToBytes(signatureOf(UNRELATED))));
  });

  it('are rebuilt in the background: a request made right after start is answered before the rebuild ends', async () => {
    const claire = await partner('Claire Martin');
    const first = await post(claire.id, DANA_TEXT, null);
    const dir = t.dir;
    const db = new Database(`${dir}/plume.sqlite`);
    const row = db.prepare('SELECT * FROM posts WHERE id = ?').get(first.id) as Record<string, unknown>;
    const insert = db.prepare('INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, claire.id, `Post ${i}`, row.networks, row.content_json, `${DANA_TEXT} ${i}`, 1, 1);
    })();
    db.prepare('DELETE FROM post_signatures').run();
    db.close();
    t.core.close();

    const reopened = createTestCore(dir);
    try {
      expect(await reopened.call('partners.list', {})).toHaveLength(1);
      const signedWhenAnswered = (new Database(`${dir}/plume.sqlite`, { readonly: true }).prepare('SELECT count(*) FROM post_signatures').pluck().get() as number);
      expect(signedWhenAnswered).toBeLessThan(2001);
      await vi.waitFor(() => expect(new Database(`${dir}/plume.sqlite`, { readonly: true }).prepare('SELECT count(*) FROM post_signatures').pluck().get()).toBe(2001), { timeout: 30_000, interval: 200 });
    } finally {
      reopened.core.close();
    }
  });

  it('are rebuilt at start when made by another algorithm version', async () => {
    const claire = await partner('Claire Martin');
    const created = await post(claire.id, DANA_TEXT, null);
    const dir = t.dir;
    const db = new Database(`${dir}/plume.sqlite`);
    db.prepare('UPDATE post_signatures SET algorithm_version = ?, signature = zeroblob(516)').run(SIMILARITY_ALGORITHM_VERSION - 1);
    db.close();
    t.core.close();

    const reopened = createTestCore(dir);
    try {
      // Rebuilt in the background after start, sharing the thread.
      await vi.waitFor(() => expect(storedSignature(dir, created.id)).toEqual({ version: SIMILARITY_ALGORITHM_VERSION, bytes: Buffer.from(signatureToBytes(signatureOf(DANA_TEXT))) }), { timeout: 10_000 });
    } finally {
      reopened.core.close();
    }
  });
});
