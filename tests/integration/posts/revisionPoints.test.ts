import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { Post } from '../../../shared/posts/schema';
import { defaultAutosavePolicy } from '../../../shared/posts/autosave';
import { defaultRevisionPolicy } from '../../../shared/posts/revisionPolicy';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

let t: TestCore;
let post: Post;
beforeEach(async () => {
  t = createTestCore();
  const partner = await t.call('partners.create', {
    displayName: 'Me Claire Dupont',
    role: 'Associée',
    organisation: 'Cabinet Arcand',
    color: '#1d4ed8',
    timeZone: 'Europe/Paris',
    locale: 'fr',
    // No sign-off address: a request is recorded in the app, no mail account needed.
    signoffEmail: '',
  });
  post = await t.call('posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin'], content: docFromParagraphs(['Début']) });
});
afterEach(() => t.close());

const revisions = async () => (await t.call('posts.revisions', { postId: post.id })).items.map((r) => [r.number, r.excerpt]);

/** Types `sentence` a word at a time, one autosave per word as the editor's policy paces them. */
async function typeSentence(sentence: string): Promise<Post> {
  let current = await t.call('posts.get', { id: post.id });
  let typed = '';
  for (const word of sentence.split(' ')) {
    typed = typed ? `${typed} ${word}` : word;
    t.clock.advance(defaultAutosavePolicy.quietMs);
    current = await t.call('posts.save', { id: post.id, baseVersion: current.version, content: docFromParagraphs([typed]) });
  }
  return current;
}

describe('revisions at meaningful points', () => {
  it('13 rapid autosaves of one sentence keep no revision; the pause after them keeps exactly one', async () => {
    const typed = await typeSentence('La clause d’imprévision permet désormais de demander une renégociation au juge du contrat.');
    expect(typed.version).toBe(14);
    expect(await revisions()).toEqual([[1, 'Début']]);

    // Typing resumes after a pause: the sentence as it stood through it becomes one revision.
    t.clock.advance(defaultRevisionPolicy.pauseMs);
    await t.call('posts.save', { id: post.id, baseVersion: typed.version, content: docFromParagraphs([`${typed.plainText} Suite`]) });
    const after = (await t.call('posts.revisions', { postId: post.id })).items;
    expect(after.map((r) => [r.number, r.excerpt])).toEqual([
      [2, typed.plainText],
      [1, 'Début'],
    ]);
    // Dated by the last save before the pause, when that text was written.
    expect(after[0]?.createdAt).toBe(typed.updatedAt);
  });

  it('the editor’s pause, leaving the post and Ctrl+S each keep one revision, and never the same text twice', async () => {
    const typed = await typeSentence('Premier paragraphe');
    expect((await t.call('posts.keepRevision', { id: post.id })).revisionCount).toBe(2);
    expect((await t.call('posts.keepRevision', { id: post.id })).revisionCount).toBe(2);
    await t.call('posts.save', { id: post.id, baseVersion: typed.version, content: docFromParagraphs(['Second paragraphe']) });
    expect((await t.call('posts.keepRevision', { id: post.id })).revisionCount).toBe(3);
    expect(await revisions()).toEqual([
      [3, 'Second paragraphe'],
      [2, 'Premier paragraphe'],
      [1, 'Début'],
    ]);
  });

  it('a revision kept without a change of text leaves the version alone and tells the panels its count', async () => {
    const typed = await typeSentence('Texte');
    const events: unknown[] = [];
    t.core.events.subscribe((event) => events.push(event));
    const kept = await t.call('posts.keepRevision', { id: post.id });
    expect(kept.version).toBe(typed.version);
    expect(events).toEqual([{ type: 'post.saved', postId: post.id, version: typed.version, revisionCount: 2 }]);
  });

  it('a sign-off request keeps one revision, the one the request names', async () => {
    await typeSentence('Texte soumis au partenaire');
    await t.call('signoff.request', { postId: post.id });
    expect(await revisions()).toEqual([
      [2, 'Texte soumis au partenaire'],
      [1, 'Début'],
    ]);
    const history = await t.call('signoff.history', { postId: post.id });
    expect(history.find((e) => e.action === 'requestSignoff')).toMatchObject({ revisionNumber: 2 });
  });

  it('a restore keeps one revision when the text it replaces is already kept', async () => {
    const first = (await t.call('posts.revisions', { postId: post.id })).items[0];
    const typed = await typeSentence('Autre texte');
    const kept = await t.call('posts.keepRevision', { id: post.id });
    const restored = await t.call('posts.restoreRevision', { postId: post.id, revisionId: first?.id ?? 0, baseVersion: kept.version });
    expect(restored).toMatchObject({ plainText: 'Début', revisionCount: 3, version: typed.version + 1 });
    expect(await revisions()).toEqual([
      [3, 'Début'],
      [2, 'Autre texte'],
      [1, 'Début'],
    ]);
  });
});
