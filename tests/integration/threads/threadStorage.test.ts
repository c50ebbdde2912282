import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, startHarness } from '../signoff/harness';
import type { Harness } from '../signoff/harness';

/** Thread parts and first comments: stored per post and network, kept in revisions, bound to the approval. */

let h: Harness;
afterEach(async () => {
  await h.close();
});

const longText = Array.from({ length: 12 }, (_, i) => `Phrase ${i + 1} sur la réforme du droit des contrats, assez longue pour peser.`).join(' ');

describe('thread parts and first comments', () => {
  it('are saved per network and read back with the post', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, longText, { networks: ['linkedin', 'x'] });
    const saved = await h.call('posts.save', {
      id: post.id,
      baseVersion: post.version,
      threads: { x: ['Première partie. 1/2', 'Seconde partie. 2/2'] },
      firstComments: { linkedin: 'Le lien en commentaire\u202f: https://example.org' },
    });
    const read = await h.call('posts.get', { id: post.id });
    expect(read.threads).toEqual({ x: ['Première partie. 1/2', 'Seconde partie. 2/2'] });
    expect(read.firstComments).toEqual({ linkedin: 'Le lien en commentaire\u202f: https://example.org' });
    expect(saved.version).toBe(post.version + 1);
  });

  it('restoring a revision restores its thread parts and first comment', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, longText, { networks: ['x'] });
    const first = await h.call('posts.save', { id: post.id, baseVersion: post.version, threads: { x: ['A 1/2', 'B 2/2'] }, firstComments: { x: 'Réponse' } });
    await h.call('posts.keepRevision', { id: post.id });
    h.clock.advance(HOUR);
    const second = await h.call('posts.save', { id: post.id, baseVersion: first.version, threads: { x: ['C 1/2', 'D 2/2'] }, firstComments: {} });
    await h.call('posts.keepRevision', { id: post.id });
    expect(second.threads).toEqual({ x: ['C 1/2', 'D 2/2'] });

    const page = await h.call('posts.revisions', { postId: post.id });
    const olderWithThread = page.items.find((r) => r.number === 2);
    expect(olderWithThread).toBeDefined();
    const detail = await h.call('posts.revision', { id: olderWithThread?.id ?? -1 });
    expect(detail.threads).toEqual({ x: ['A 1/2', 'B 2/2'] });

    const current = await h.call('posts.get', { id: post.id });
    const restored = await h.call('posts.restoreRevision', { postId: post.id, revisionId: detail.id, baseVersion: current.version });
    expect(restored.threads).toEqual({ x: ['A 1/2', 'B 2/2'] });
    expect(restored.firstComments).toEqual({ x: 'Réponse' });
  });

  it('editing one part of an approved post voids the approval, as editing the body does', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, longText, { networks: ['x'] });
    await h.call('posts.save', { id: post.id, baseVersion: post.version, threads: { x: ['Un. 1/2', 'Deux. 2/2'] } });
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
    expect((await h.call('signoff.status', { postId: post.id })).approvalValid).toBe(true);

    h.clock.advance(HOUR);
    const current = await h.call('posts.get', { id: post.id });
    await h.call('posts.save', { id: post.id, baseVersion: current.version, threads: { x: ['Un. 1/2', 'Deux\u202f! 2/2'] } });
    const status = await h.call('signoff.status', { postId: post.id });
    expect(status).toMatchObject({ approvalValid: false, approvedHash: null });
  });

  it('a first comment added after approval voids it too, and an unchanged save does not', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, 'Court.', { networks: ['linkedin'] });
    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
    let current = await h.call('posts.get', { id: post.id });
    await h.call('posts.save', { id: post.id, baseVersion: current.version, threads: {}, firstComments: {} });
    expect((await h.call('signoff.status', { postId: post.id })).approvalValid).toBe(true);
    current = await h.call('posts.get', { id: post.id });
    await h.call('posts.save', { id: post.id, baseVersion: current.version, firstComments: { linkedin: 'Le lien' } });
    expect((await h.call('signoff.status', { postId: post.id })).approvalValid).toBe(false);
  });
});

describe('each thread part is linted and counted', () => {
  it('checks every part against the network’s limit, and the whole text no longer counts against it', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, longText, { networks: ['x'] });
    const before = await h.call('editorial.checkPost', { postId: post.id });
    const overBefore = before.networks[0]?.result.findings.filter((f) => f.severity === 'error') ?? [];
    expect(overBefore.length).toBeGreaterThan(0);

    const tooLong = `${'mot '.repeat(80).trim()}. 2/2`;
    await h.call('posts.save', { id: post.id, baseVersion: post.version, threads: { x: ['Une partie courte. 1/2', tooLong] } });
    const check = await h.call('editorial.checkPost', { postId: post.id });
    expect(check.threadParts.map((p) => [p.network, p.index])).toEqual([['x', 0], ['x', 1]]);
    expect(check.threadParts[0]?.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const partErrors = check.threadParts[1]?.result.findings.filter((f) => f.severity === 'error') ?? [];
    expect(partErrors.length).toBeGreaterThan(0);
    expect(check.errorFindingIds).toEqual(expect.arrayContaining(partErrors.map((f) => f.id)));
    expect(check.networks[0]?.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('previews of a thread', () => {
  it('show the first part as the post, the other parts as a chain of replies, and the first comment', async () => {
    h = await startHarness();
    const partner = await h.partner({ signoffEmail: '' });
    const post = await h.post(partner.id, longText, { networks: ['x', 'linkedin'] });
    await h.call('posts.save', { id: post.id, baseVersion: post.version, threads: { x: ['Un. 1/3', 'Deux. 2/3', 'Trois. 3/3'] }, firstComments: { linkedin: 'Le lien\u202f: https://example.org' } });
    const { previews } = await h.call('previews.forPost', { postId: post.id });
    const x = previews.find((p) => p.network === 'x');
    expect(x?.text).toBe('Un. 1/3');
    expect(x?.thread?.map((part) => part.text)).toEqual(['Deux. 2/3', 'Trois. 3/3']);
    expect(x?.thread?.[0]?.count).toEqual({ used: 9, limit: 280, over: false });
    const linkedin = previews.find((p) => p.network === 'linkedin');
    expect(linkedin?.text).toBe(longText);
    expect(linkedin?.firstComment?.text).toBe('Le lien\u202f: https://example.org');
  });
});
