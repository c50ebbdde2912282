import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { docFromParagraphs } from '../../shared/posts/document';
import type { DocNode } from '../../shared/posts/document';
import type { AppEvent } from '../../shared/api/contract';
import { createTestCore } from '../support/testCore';
import type { TestCore } from '../support/testCore';

const partnerInput = {
  displayName: 'Me Claire Dupont',
  role: 'Associée',
  organisation: 'Cabinet Arcand',
  color: '#1d4ed8',
  timeZone: 'Europe/Paris',
  locale: 'fr' as const,
  signoffEmail: 'claire.dupont@example.org',
};

const richDoc: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Trois points ' }, { type: 'text', text: 'essentiels', marks: [{ type: 'bold' }] }] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'imprévision' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'clauses abusives' }] }] },
      ],
    },
  ],
};

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

describe('partners', () => {
  it('round-trip through a real SQLite file, survive a reopen, and archive', async () => {
    const created = await t.call('partners.create', partnerInput);
    expect(created).toMatchObject({ ...partnerInput, isExample: false, archivedAt: null });

    const updated = await t.call('partners.update', { id: created.id, fields: { ...partnerInput, timeZone: 'Africa/Casablanca' } });
    expect(updated.timeZone).toBe('Africa/Casablanca');

    const dir = t.dir;
    t.core.close();
    const reopened = createTestCore(dir);
    try {
      expect(await reopened.call('partners.get', { id: created.id })).toMatchObject({ timeZone: 'Africa/Casablanca' });
      await reopened.call('partners.setArchived', { id: created.id, archived: true });
      expect(await reopened.call('partners.list', {})).toEqual([]);
      const all = await reopened.call('partners.list', { includeArchived: true });
      expect(all[0]?.archivedAt).toBe(reopened.clock.now());
    } finally {
      reopened.core.close();
    }
    t = createTestCore();
  });

  it('refuse invalid input with field errors and save nothing', async () => {
    const result = await t.raw('partners.create', { ...partnerInput, displayName: '', timeZone: 'Mars/Olympus', signoffEmail: 'nope' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.issues?.map((i) => `${i.path.join('.')}:${i.messageKey}`).sort()).toEqual([
      'displayName:errors.required',
      'signoffEmail:errors.email',
      'timeZone:errors.timeZone',
    ]);
    expect(await t.call('partners.list', { includeArchived: true })).toEqual([]);
  });

  it('an update with one bad field changes nothing', async () => {
    const created = await t.call('partners.create', partnerInput);
    const result = await t.raw('partners.update', { id: created.id, fields: { ...partnerInput, displayName: 'Nouveau nom', signoffEmail: 'bad' } });
    expect(result.ok).toBe(false);
    expect((await t.call('partners.get', { id: created.id })).displayName).toBe(partnerInput.displayName);
  });

  it('refuse a second partner of the same name, whatever its case and spacing, archived ones included', async () => {
    const claire = await t.call('partners.create', partnerInput);
    const issue = async (name: string, id?: string) => {
      const result = id === undefined ? await t.raw('partners.create', { ...partnerInput, displayName: name }) : await t.raw('partners.update', { id, fields: { ...partnerInput, displayName: name } });
      return result.ok ? null : result.error.issues?.map((i) => `${i.path.join('.')}:${i.messageKey}`);
    };
    expect(await issue('  me claire   DUPONT ')).toEqual(['displayName:errors.partnerNameTaken']);
    const paul = await t.call('partners.create', { ...partnerInput, displayName: 'Me Paul Martin' });
    expect(await issue('Me Claire Dupont', paul.id)).toEqual(['displayName:errors.partnerNameTaken']);
    // Saving a partner under their own name is no clash.
    expect(await issue('Me Claire Dupont', claire.id)).toBeNull();
    await t.call('partners.setArchived', { id: claire.id, archived: true });
    expect(await issue('Me Claire Dupont')).toEqual(['displayName:errors.partnerNameTakenArchived']);
    expect((await t.call('partners.list', { includeArchived: true })).map((p) => p.displayName).sort()).toEqual(['Me Claire Dupont', 'Me Paul Martin']);
  });
});

describe('posts and revisions', () => {
  it('store TipTap JSON with its derived plain text and keep it exactly', async () => {
    const partner = await t.call('partners.create', partnerInput);
    const post = await t.call('posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin', 'x'], content: richDoc });
    const loaded = await t.call('posts.get', { id: post.id });
    expect(loaded.content).toEqual(richDoc);
    expect(loaded.plainText).toBe('Trois points essentiels\n• imprévision\n• clauses abusives');
    expect(loaded.networks).toEqual(['linkedin', 'x']);
    expect(loaded.version).toBe(1);
    expect((await t.call('posts.revisions', { postId: post.id })).items).toHaveLength(1);
  });

  it('keep no revision for autosaves in a row, none for a save that changes nothing, one when asked (Ctrl+S)', async () => {
    const partner = await t.call('partners.create', partnerInput);
    const post = await t.call('posts.create', { partnerId: partner.id });
    const v2 = await t.call('posts.save', { id: post.id, baseVersion: 1, content: docFromParagraphs(['Premier jet']) });
    const same = await t.call('posts.save', { id: post.id, baseVersion: v2.version, content: docFromParagraphs(['Premier jet']) });
    expect(same.version).toBe(v2.version);
    const noteOnly = await t.call('posts.save', { id: post.id, baseVersion: v2.version, note: 'à relire' });
    expect(noteOnly.version).toBe(v2.version + 1);
    const v4 = await t.call('posts.save', { id: post.id, baseVersion: noteOnly.version, content: docFromParagraphs(['Second jet']) });
    expect(v4.revisionCount).toBe(1);
    const kept = await t.call('posts.keepRevision', { id: post.id });
    expect(kept).toMatchObject({ version: v4.version, revisionCount: 2 });
    const { items: revisions } = await t.call('posts.revisions', { postId: post.id });
    expect(revisions.map((r) => [r.number, r.excerpt])).toEqual([
      [2, 'Second jet'],
      [1, ''],
    ]);
  });

  it('restore an older revision as the newest one, history intact, the replaced text kept first', async () => {
    const partner = await t.call('partners.create', partnerInput);
    const post = await t.call('posts.create', { partnerId: partner.id, content: docFromParagraphs(['Version A']) });
    const b = await t.call('posts.save', { id: post.id, baseVersion: 1, content: docFromParagraphs(['Version B']) });
    const { items: revisions } = await t.call('posts.revisions', { postId: post.id });
    const first = revisions.find((r) => r.number === 1);
    expect(first).toBeDefined();
    const restored = await t.call('posts.restoreRevision', { postId: post.id, revisionId: first?.id ?? 0, baseVersion: b.version });
    expect(restored.plainText).toBe('Version A');
    const { items: after } = await t.call('posts.revisions', { postId: post.id });
    expect(after.map((r) => [r.number, r.restoredFrom, r.excerpt])).toEqual([
      [3, 1, 'Version A'],
      [2, null, 'Version B'],
      [1, null, 'Version A'],
    ]);
  });

  it('detect a concurrent edit: the second writer on an old version gets a conflict and nothing is overwritten', async () => {
    const partner = await t.call('partners.create', partnerInput);
    const post = await t.call('posts.create', { partnerId: partner.id });
    await t.call('posts.save', { id: post.id, baseVersion: 1, content: docFromParagraphs(['Fenêtre A']) });
    const late = await t.raw('posts.save', { id: post.id, baseVersion: 1, content: docFromParagraphs(['Fenêtre B']) });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe('conflict');
      expect(late.error.details?.currentVersion).toBe(2);
    }
    expect((await t.call('posts.get', { id: post.id })).plainText).toBe('Fenêtre A');
  });

  it('announce each save to every subscriber with its new version', async () => {
    const events: AppEvent[] = [];
    t.core.events.subscribe((e) => events.push(e));
    const partner = await t.call('partners.create', partnerInput);
    const post = await t.call('posts.create', { partnerId: partner.id });
    await t.call('posts.save', { id: post.id, baseVersion: 1, title: 'Titre' });
    expect(events.filter((e) => e.type === 'post.saved')).toEqual([
      { type: 'post.saved', postId: post.id, version: 1, revisionCount: 1 },
      { type: 'post.saved', postId: post.id, version: 2, revisionCount: 1 },
    ]);
  });

  it('search titles, bodies and notes, literally (no LIKE wildcards)', async () => {
    const partner = await t.call('partners.create', partnerInput);
    await t.call('posts.create', { partnerId: partner.id, title: 'Imprévision', content: docFromParagraphs(['article 1195']) });
    await t.call('posts.create', { partnerId: partner.id, title: 'Autre', note: 'taux 100% garanti' });
    expect((await t.call('posts.list', { query: '1195' })).map((p) => p.title)).toEqual(['Imprévision']);
    expect((await t.call('posts.list', { query: '100%' })).map((p) => p.title)).toEqual(['Autre']);
    expect(await t.call('posts.list', { query: '%' })).toHaveLength(1);
  });

  it('list posts as rows without their body or note, which the post itself carries', async () => {
    const partner = await t.call('partners.create', partnerInput);
    const post = await t.call('posts.create', { partnerId: partner.id, title: 'Imprévision', note: 'à relire', content: docFromParagraphs(['article 1195']) });
    const [row] = await t.call('posts.list', {});
    expect(Object.keys(row ?? {}).sort()).toEqual(['createdAt', 'id', 'networks', 'partnerId', 'revisionCount', 'scheduledAt', 'scheduledZone', 'status', 'title', 'updatedAt', 'version']);
    expect(row).toMatchObject({ id: post.id, title: 'Imprévision', revisionCount: 1 });
    expect(await t.call('posts.get', { id: post.id })).toMatchObject({ note: 'à relire', plainText: 'article 1195' });
  });

  it('refuse a post for an unknown partner', async () => {
    const result = await t.raw('posts.create', { partnerId: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_found');
  });
});

describe('the example workspace', () => {
  it('loads a law firm with partners in Paris, Casablanca and Montréal, marked as example, and goes in one call', async () => {
    const own = await t.call('partners.create', partnerInput);
    const state = await t.call('workspace.loadExample', {});
    expect(state.hasExampleData).toBe(true);
    const partners = await t.call('partners.list', {});
    const examples = partners.filter((p) => p.isExample);
    expect(examples.map((p) => p.timeZone).sort()).toEqual(['Africa/Casablanca', 'America/Montreal', 'Europe/Paris']);
    expect((await t.call('posts.list', {})).length).toBeGreaterThanOrEqual(3);

    const after = await t.call('workspace.removeExample', {});
    expect(after.hasExampleData).toBe(false);
    expect((await t.call('partners.list', {})).map((p) => p.id)).toEqual([own.id]);
    expect(await t.call('posts.list', {})).toEqual([]);
  });

  it('audits each example post’s creation, so the month’s report counts the example drafts as written', async () => {
    await t.call('workspace.loadExample', {});
    const claire = (await t.call('partners.list', {})).find((p) => p.displayName === 'Me Claire Dupont');
    if (!claire) throw new Error('the example firm has no Me Claire Dupont');
    const posts = await t.call('posts.list', { partnerId: claire.id });
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect((await t.call('signoff.history', { postId: post.id })).map((e) => e.action)).toEqual(['created']);
    // Before, her report said « aucun brouillon » beside her drafts.
    const month = new Date(t.clock.now()).toISOString().slice(0, 7);
    const built = await t.call('reports.build', { month, partnerId: claire.id });
    if (built.kind !== 'partner') throw new Error('one partner’s report was asked for');
    expect(built.report.empty).toBe(false);
    expect(built.report.figures.counts.drafted).toBe(posts.length);
  });

  it('keeps the posts the user wrote under an example partner when the example goes, and that partner with them', async () => {
    await t.call('workspace.loadExample', {});
    const examples = (await t.call('partners.list', {})).filter((p) => p.isExample);
    const claire = examples.find((p) => p.displayName === 'Me Claire Dupont');
    if (!claire) throw new Error('the example firm has no Me Claire Dupont');
    // Edited by the user too: an example post stays the example's.
    const exampleOfClaire = (await t.call('posts.list', { partnerId: claire.id }))[0];
    if (!exampleOfClaire) throw new Error('Me Claire Dupont has no example post');
    const opened = await t.call('posts.get', { id: exampleOfClaire.id });
    await t.call('posts.save', { id: opened.id, baseVersion: opened.version, title: 'Réforme du droit des contrats, revue' });
    const mine = await t.call('posts.create', { partnerId: claire.id, title: 'Mon billet pour Me Dupont', content: docFromParagraphs(['Écrit par moi.']) });

    const after = await t.call('workspace.removeExample', {});
    expect(after.hasExampleData).toBe(false);
    const partners = await t.call('partners.list', {});
    expect(partners.map((p) => [p.displayName, p.isExample])).toEqual([['Me Claire Dupont', false]]);
    expect((await t.call('posts.list', {})).map((p) => p.id)).toEqual([mine.id]);
    expect((await t.call('posts.get', { id: mine.id })).title).toBe('Mon billet pour Me Dupont');
  });
});

describe('the router', () => {
  it('answers an unknown procedure with the contract error shape', async () => {
    const result = await t.raw('posts.dropTable', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_procedure' }) as unknown });
  });

  it('throws ApiError on the typed path', async () => {
    await expect(t.call('posts.get', { id: '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11' })).rejects.toBeInstanceOf(ApiError);
  });
});
