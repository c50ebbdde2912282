import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { DocNode } from '../../../shared/posts/document';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.close());

const partner = (displayName = 'Me Anne Dupont') => t.call('partners.create', { displayName, timeZone: 'Europe/Paris' });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const disclosure = { kind: 'signature', name: 'Barreau', text: 'Avocate au barreau de Paris', shortcut: '1' } as const;

describe('snippets', () => {
  it('are created, listed, updated and deleted, the firm’s apart from each partner’s', async () => {
    const anne = await partner();
    const paul = await partner('Me Paul Martin');
    const firm = await t.call('snippets.create', { partnerId: null, fields: { kind: 'hashtags', name: 'Tags du cabinet', text: '#Droit #Cabinet' } });
    const own = await t.call('snippets.create', { partnerId: anne.id, fields: disclosure });
    expect(own).toMatchObject({ partnerId: anne.id, kind: 'signature', text: 'Avocate au barreau de Paris', shortcut: '1' });
    expect(firm).toMatchObject({ partnerId: null, shortcut: null });

    expect((await t.call('snippets.list', { partnerId: null })).map((s) => s.name)).toEqual(['Tags du cabinet']);
    expect((await t.call('snippets.list', { partnerId: anne.id })).map((s) => s.name)).toEqual(['Barreau']);
    expect((await t.call('snippets.list', { partnerId: paul.id })).map((s) => s.name)).toEqual([]);
    // What the editor offers: the partner's first, then the firm's.
    expect((await t.call('snippets.list', { partnerId: anne.id, includeFirm: true })).map((s) => s.name)).toEqual(['Barreau', 'Tags du cabinet']);
    expect((await t.call('snippets.list', { partnerId: paul.id, includeFirm: true })).map((s) => s.name)).toEqual(['Tags du cabinet']);

    t.clock.advance(1000);
    const updated = await t.call('snippets.update', { id: own.id, fields: { ...disclosure, text: 'Avocate au barreau de Lyon', shortcut: null } });
    expect(updated).toMatchObject({ text: 'Avocate au barreau de Lyon', shortcut: null, createdAt: own.createdAt, updatedAt: own.createdAt + 1000 });

    await t.call('snippets.delete', { id: own.id });
    expect(await t.call('snippets.list', { partnerId: anne.id })).toEqual([]);
    expect((await failure(t.call('snippets.delete', { id: own.id }))).messageKey).toBe('snippets.errors.notFound');
  });

  it('refuse a shortcut the same owner already uses, and allow it to another owner', async () => {
    const anne = await partner();
    await t.call('snippets.create', { partnerId: anne.id, fields: disclosure });
    const taken = await failure(t.call('snippets.create', { partnerId: anne.id, fields: { ...disclosure, name: 'Autre' } }));
    expect(taken.code).toBe('validation');
    expect(taken.issues).toEqual([{ path: ['fields', 'shortcut'], messageKey: 'snippets.errors.shortcutTaken' }]);
    await expect(t.call('snippets.create', { partnerId: null, fields: disclosure })).resolves.toMatchObject({ shortcut: '1' });
  });

  it('refuse an empty text, an unknown partner and a shortcut that is not a digit', async () => {
    const empty = await failure(t.call('snippets.create', { partnerId: null, fields: { ...disclosure, text: '   ' } }));
    expect(empty.issues).toContainEqual(expect.objectContaining({ path: ['fields', 'text'], messageKey: 'errors.required' }));
    const unknown = await failure(t.call('snippets.create', { partnerId: '6f1c2b7e-1d1a-4a52-9a0c-1b2c3d4e5f60', fields: disclosure }));
    expect(unknown.messageKey).toBe('errors.notFound.partner');
    const badShortcut = await t.raw('snippets.create', { partnerId: null, fields: { ...disclosure, shortcut: 'a' } });
    expect(badShortcut.ok).toBe(false);
  });
});

describe('a required snippet', () => {
  const withSnippet = (text: string, snippetText: string): DocNode => ({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      { type: 'paragraph', content: [{ type: 'snippet', attrs: { snippetId: 'x', text: snippetText, locked: true } }] },
    ],
  });

  async function setUp() {
    const anne = await partner();
    const snippet = await t.call('snippets.create', { partnerId: anne.id, fields: disclosure });
    const firm = await t.call('editorial.firmLine', {});
    await t.call('editorial.saveFirmLine', {
      baseVersion: firm.version,
      line: { ...firm, rules: [...firm.rules, { kind: 'requiredSnippet', id: 'disclosure', snippetId: snippet.id, text: snippet.text, networks: ['linkedin'] }] },
    });
    return { anne, snippet };
  }

  it('missing, refuses the sign-off request with its own message, even with a justified override', async () => {
    const { anne } = await setUp();
    const post = await t.call('posts.create', { partnerId: anne.id, networks: ['linkedin'], content: docFromParagraphs(['Une décision importante de la Cour de cassation.']) });
    const refused = await failure(t.call('signoff.request', { postId: post.id }));
    expect(refused).toMatchObject({ code: 'validation', messageKey: 'snippets.errors.requiredMissing', details: { snippets: ['Avocate au barreau de Paris'] } });
    const overridden = await failure(t.call('signoff.request', { postId: post.id, override: { justification: 'Le partenaire a validé par téléphone.' } }));
    expect(overridden.messageKey).toBe('snippets.errors.requiredMissing');
    expect((await t.call('posts.get', { id: post.id })).status).toBe('draft');
  });

  it('present as a snippet node, lets the request go, and the node is sent as its plain text', async () => {
    const { anne } = await setUp();
    const post = await t.call('posts.create', {
      partnerId: anne.id,
      networks: ['linkedin'],
      content: withSnippet('Une décision importante de la Cour de cassation.', 'Avocate au barreau de Paris'),
    });
    expect(post.plainText).toBe('Une décision importante de la Cour de cassation.\nAvocate au barreau de Paris');
    const check = await t.call('editorial.checkPost', { postId: post.id });
    expect(check.networks.flatMap((n) => n.result.findings).filter((f) => f.kind === 'requiredSnippet')).toEqual([]);
    await t.call('signoff.request', { postId: post.id });
    expect((await t.call('posts.get', { id: post.id })).status).toBe('in_review');
  });

  it('asked for one network only, does not stop a post that does not go there', async () => {
    const { anne } = await setUp();
    const post = await t.call('posts.create', { partnerId: anne.id, networks: ['bluesky'], content: docFromParagraphs(['Une décision importante.']) });
    await t.call('signoff.request', { postId: post.id });
    expect((await t.call('posts.get', { id: post.id })).status).toBe('in_review');
  });
});
