import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { Post } from '../../../shared/posts/schema';
import { defaultRevisionPolicy } from '../../../shared/posts/revisionPolicy';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

const COMMON = 'Réforme du droit des contrats : trois points essentiels pour vos conventions 2026, expliqués pas à pas.';
const SHORT = 'Réforme des contrats : 3 points clés.';

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
    signoffEmail: '',
  });
  post = await t.call('posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin', 'x'], content: docFromParagraphs([COMMON]) });
});
afterEach(() => t.close());

const saveVersions = async (versions: Record<string, ReturnType<typeof docFromParagraphs>>, extra: { networks?: Post['networks'] } = {}) => {
  const current = await t.call('posts.get', { id: post.id });
  return t.call('posts.save', { id: post.id, baseVersion: current.version, versions, ...extra });
};

describe('per-network versions are stored with the post and its revisions', () => {
  it('saves an X version through the normal save, with its plain text, and leaves LinkedIn on the common text', async () => {
    const saved = await saveVersions({ x: docFromParagraphs([SHORT]) });
    expect(saved.version).toBe(post.version + 1);
    expect(saved.versions.x?.plainText).toBe(SHORT);
    expect(saved.versions.linkedin).toBeUndefined();
    const previews = await t.call('previews.forPost', { postId: post.id });
    expect(Object.fromEntries(previews.previews.map((p) => [p.network, p.text]))).toEqual({ linkedin: COMMON, x: SHORT });
  });

  it('labels the preview of a network with its own version, and only that one', async () => {
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    const previews = await t.call('previews.forPost', { postId: post.id });
    expect(Object.fromEntries(previews.previews.map((p) => [p.network, p.ownVersion]))).toEqual({ linkedin: false, x: true });
  });

  it('refuses a version saved on a stale base version (conflict), like the body', async () => {
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    const result = await t.raw('posts.save', { id: post.id, baseVersion: post.version, versions: { x: docFromParagraphs(['Autre']) } });
    expect(result.ok ? null : result.error.code).toBe('conflict');
  });

  it('restoring a revision restores the versions it held, and the lack of them', async () => {
    t.clock.advance(defaultRevisionPolicy.pauseMs);
    const withX = await saveVersions({ x: docFromParagraphs([SHORT]) });
    await t.call('posts.keepRevision', { id: post.id });
    t.clock.advance(defaultRevisionPolicy.pauseMs);
    await saveVersions({ x: docFromParagraphs(['Une autre version pour X']) });
    await t.call('posts.keepRevision', { id: post.id });

    const { items } = await t.call('posts.revisions', { postId: post.id });
    const [newest, middle, first] = items;
    if (!newest || !middle || !first) throw new Error('three revisions expected');
    expect((await t.call('posts.revision', { id: middle.id })).versions.x?.plainText).toBe(SHORT);
    expect((await t.call('posts.revision', { id: first.id })).versions).toEqual({});

    const current = await t.call('posts.get', { id: post.id });
    const restored = await t.call('posts.restoreRevision', { postId: post.id, revisionId: middle.id, baseVersion: current.version });
    expect(restored.versions).toEqual(withX.versions);
    const back = await t.call('posts.restoreRevision', { postId: post.id, revisionId: first.id, baseVersion: restored.version });
    expect(back.versions).toEqual({});
  });

  it('a save that changes only a version is a new revision point, and the same versions twice are not', async () => {
    t.clock.advance(defaultRevisionPolicy.pauseMs);
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    await t.call('posts.keepRevision', { id: post.id });
    const count = (await t.call('posts.get', { id: post.id })).revisionCount;
    const again = await saveVersions({ x: docFromParagraphs([SHORT]) });
    await t.call('posts.keepRevision', { id: post.id });
    expect((await t.call('posts.get', { id: post.id })).revisionCount).toBe(count);
    expect(again.version).toBe((await t.call('posts.get', { id: post.id })).version);
  });

  it('removing a network drops its version', async () => {
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    const current = await t.call('posts.get', { id: post.id });
    const saved = await t.call('posts.save', { id: post.id, baseVersion: current.version, networks: ['linkedin'] });
    expect(saved.versions).toEqual({});
    const readded = await t.call('posts.save', { id: post.id, baseVersion: saved.version, networks: ['linkedin', 'x'] });
    expect(readded.versions).toEqual({});
  });
});

describe('per-network versions are bound to the approval', () => {
  it('editing the X version of an approved post voids the approval, as editing the body does', async () => {
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    await t.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: t.clock.now() });
    expect((await t.call('posts.get', { id: post.id })).status).toBe('approved');

    await saveVersions({ x: docFromParagraphs([`${SHORT} Lien en bio.`]) });
    expect((await t.call('posts.get', { id: post.id })).status).toBe('draft');
    const actions = (await t.call('signoff.history', { postId: post.id })).map((e) => e.action);
    expect(actions).toContain('approvalVoided');
  });

  it('removing the X version of an approved post voids the approval too (X would receive another text)', async () => {
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    await t.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: t.clock.now() });
    await saveVersions({});
    expect((await t.call('posts.get', { id: post.id })).status).toBe('draft');
  });
});

describe('the calendar names each entry’s versions', () => {
  it('marks the networks with their own version, and none once it is removed', async () => {
    const at = t.clock.now() + 86_400_000;
    await t.call('calendar.schedule', { id: post.id, scheduledAt: at, zone: 'Europe/Paris' });
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    const entries = await t.call('calendar.range', { from: at - 1, to: at + 1 });
    expect(entries.map((e) => [e.networks, e.versionNetworks])).toEqual([[['linkedin', 'x'], ['x']]]);
    await saveVersions({});
    expect((await t.call('calendar.range', { from: at - 1, to: at + 1 })).map((e) => e.versionNetworks)).toEqual([[]]);
  });
});

describe('each version is linted for its own network', () => {
  it('lints X’s version for X and the common text for LinkedIn', async () => {
    const long = `${COMMON} ${COMMON} ${COMMON}`;
    const current = await t.call('posts.get', { id: post.id });
    await t.call('posts.save', { id: post.id, baseVersion: current.version, content: docFromParagraphs([long]) });
    const ruleIdsOf = async (network: 'x' | 'linkedin') =>
      ((await t.call('editorial.checkPost', { postId: post.id })).networks.find((run) => run.network === network)?.result.findings ?? []).map((f) => f.ruleId);

    // The common text is over X's limit…
    const overX = await ruleIdsOf('x');
    expect(overX.length).toBeGreaterThan(0);
    await saveVersions({ x: docFromParagraphs([SHORT]) });
    expect(overX).toContain('network-limits');
    // …X's own short version is not; its one finding is its own (a plain space before its colon).
    expect(await ruleIdsOf('x')).toEqual(['french-typography']);
    // LinkedIn still gets the common text linted (three colons after plain spaces).
    expect(await ruleIdsOf('linkedin')).toEqual(['french-typography', 'french-typography', 'french-typography']);
    expect((await t.call('editorial.checkPost', { postId: post.id })).networks.map((run) => run.network)).toEqual(['linkedin', 'x']);
  });
});
