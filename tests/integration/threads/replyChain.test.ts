import { afterEach, describe, expect, it } from 'vitest';
import { BlueskyServer } from '../../support/fakes/blueskyServer';
import { LinkedinServer } from '../../support/fakes/linkedinServer';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { XServer } from '../../support/fakes/xServer';
import { ManualClock } from '../../support/testCore';
import { MINUTE, publishingHarness } from '../publishing/harness';
import type { PublishingHarness } from '../publishing/harness';

const BODY = 'Réforme du droit des contrats : trois points essentiels pour vos conventions.';
const PARTS = ['Réforme du droit des contrats, premier point. 1/3', 'Deuxième point : l’imprévision. 2/3', 'Troisième point : la caducité. 3/3'];
const TWEETS = { method: 'POST', path: /^\/2\/tweets$/ } as const;

let harness: PublishingHarness | null = null;
let mastodon: MastodonServer | null = null;
let x: XServer | null = null;
let bluesky: BlueskyServer | null = null;
let linkedin: LinkedinServer | null = null;

afterEach(async () => {
  harness?.close();
  harness = null;
  await mastodon?.close();
  mastodon = null;
  await x?.close();
  x = null;
  await bluesky?.close();
  bluesky = null;
  await linkedin?.close();
  linkedin = null;
});

/** An approved post due in a minute, with a thread and/or first comment saved before approval. */
async function approvedWith(h: PublishingHarness, partnerId: string, network: 'mastodon' | 'x' | 'bluesky' | 'linkedin', extra: { threads?: Record<string, string[]>; firstComments?: Record<string, string> }) {
  const post = await h.call('posts.create', { partnerId, title: 'Réforme', networks: [network], scheduledAt: h.clock.now() + MINUTE, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: BODY }] }] } });
  await h.call('posts.save', { id: post.id, baseVersion: post.version, ...extra });
  await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
  return post;
}

async function withX() {
  const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
  const server = new XServer({ now: () => clock.now() });
  x = server;
  await server.start();
  const h = publishingHarness({ clock, connectors: { x: { baseUrl: server.url } } });
  harness = h;
  const partner = await h.partner();
  await h.account(partner.id, 'x', { handle: 'MaitreDurand', secret: { kind: 'oauth', accessToken: 'x-token' } });
  return { h, server, partner };
}

describe('a thread goes out as a reply chain', () => {
  it('on Mastodon: each part replies to the one before, once each, and the post is published as its first part', async () => {
    const h = publishingHarness();
    harness = h;
    const server = new MastodonServer({ now: () => h.clock.now() });
    mastodon = server;
    await server.start();
    const partner = await h.partner();
    await h.account(partner.id, 'mastodon', { handle: 'maitre_durand', instanceUrl: server.url, secret: { kind: 'oauth', accessToken: 'mastodon-token' } });
    const post = await approvedWith(h, partner.id, 'mastodon', { threads: { mastodon: PARTS } });

    h.clock.advance(MINUTE);
    await h.tick();
    await h.tick();
    expect(server.statuses.map((s) => s.text)).toEqual(PARTS);
    const [first, second, third] = server.statuses;
    expect(first?.inReplyToId).toBeNull();
    expect(second?.inReplyToId).toBe(first?.id);
    expect(third?.inReplyToId).toBe(second?.id);
    const view = await h.status(post.id);
    expect(view.status).toBe('published');
    expect(view.publications).toMatchObject([{ state: 'published', remoteId: first?.id }]);
  });

  it('on X: parts reply to each other and the first comment replies to the post', async () => {
    const { h, server, partner } = await withX();
    const post = await approvedWith(h, partner.id, 'x', { threads: { x: PARTS.slice(0, 2) }, firstComments: { x: 'Le texte intégral : https://example.org/reforme' } });
    h.clock.advance(MINUTE);
    await h.tick();
    expect(server.tweets.map((t) => t.text)).toEqual([...PARTS.slice(0, 2), 'Le texte intégral : https://example.org/reforme']);
    const [first, second, comment] = server.tweets;
    expect(second?.inReplyToId).toBe(first?.id);
    expect(comment?.inReplyToId).toBe(first?.id);
    const view = await h.status(post.id);
    expect(view).toMatchObject({ status: 'published', publications: [{ partsOut: 2, firstComment: { state: 'published' } }] });
  });
});

describe('on Bluesky', () => {
  it('each part is a reply record naming the thread’s root and its parent by URI and CID, and so is the first comment', async () => {
    const h = publishingHarness();
    harness = h;
    const server = new BlueskyServer();
    bluesky = server;
    await server.start();
    const partner = await h.partner();
    await h.account(partner.id, 'bluesky', { handle: server.handle, instanceUrl: server.url, secret: { kind: 'bluesky', identifier: server.handle, appPassword: 'abcd-efgh-ijkl-mnop' } });
    const post = await approvedWith(h, partner.id, 'bluesky', { threads: { bluesky: PARTS }, firstComments: { bluesky: 'Le texte intégral en lien.' } });
    h.clock.advance(MINUTE);
    await h.tick();
    const records = [...server.records.values()];
    expect(records.map((r) => (r.value as { text: string }).text)).toEqual([...PARTS, 'Le texte intégral en lien.']);
    const [first, second, third, comment] = records;
    const ref = (r: typeof first) => ({ uri: r?.uri, cid: r?.cid });
    expect(first?.value.reply).toBeUndefined();
    expect(second?.value.reply).toEqual({ root: ref(first), parent: ref(first) });
    expect(third?.value.reply).toEqual({ root: ref(first), parent: ref(second) });
    expect(comment?.value.reply).toEqual({ root: ref(first), parent: ref(first) });
    expect((await h.status(post.id)).status).toBe('published');
  });
});

describe('a first comment', () => {
  it('on LinkedIn goes under the post through the Comments API, once, right after it', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
    const server = new LinkedinServer({ now: () => clock.now(), memberUrn: 'urn:li:person:linkedin-durand' });
    linkedin = server;
    await server.start();
    const h = publishingHarness({ clock, connectors: { linkedin: { baseUrl: server.url } } });
    harness = h;
    const partner = await h.partner();
    await h.account(partner.id, 'linkedin', { handle: 'durand', secret: { kind: 'oauth', accessToken: 'linkedin-token' } });
    const post = await approvedWith(h, partner.id, 'linkedin', { firstComments: { linkedin: 'Le texte intégral : https://example.org/reforme' } });
    h.clock.advance(MINUTE);
    await h.tick();
    await h.tick();
    expect(server.posts).toHaveLength(1);
    expect(server.comments).toMatchObject([{ object: server.posts[0]?.urn, actor: 'urn:li:person:linkedin-durand', text: 'Le texte intégral : https://example.org/reforme' }]);
    const view = await h.status(post.id);
    expect(view).toMatchObject({ status: 'published', publications: [{ state: 'published', firstComment: { state: 'published' } }] });
  });

  it('that X refuses is shown, and the post itself stays published', async () => {
    const { h, server, partner } = await withX();
    const post = await approvedWith(h, partner.id, 'x', { firstComments: { x: 'Le lien en commentaire : https://example.org' } });
    server.failNext({ kind: 'badRequest', message: 'Reply to this conversation is not allowed.' }, { ...TWEETS, skip: 1 });
    h.clock.advance(MINUTE);
    await h.tick();
    await h.tick();
    expect(server.tweets.map((t) => t.text)).toEqual([BODY]);
    const view = await h.status(post.id);
    expect(view.status).toBe('published');
    expect(view.publications).toMatchObject([
      { state: 'published', remoteId: server.tweets[0]?.id, firstComment: { state: 'failed', error: expect.stringContaining('not allowed') as unknown } },
    ]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'threads.alerts.firstCommentFailed', postId: post.id }));
    // The Envoi page says it too, on the post's line.
    const queue = await h.call('publishing.queue', {});
    expect(queue.items).toMatchObject([{ postId: post.id, state: 'published', firstComment: { state: 'failed' } }]);
    // Not tried again and again: one post, one refused comment.
    h.clock.advance(10 * MINUTE);
    await h.tick();
    expect(server.http.received(TWEETS)).toHaveLength(2);
  });
});
