import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import { ManualClock } from '../../support/testCore';
import { XServer } from '../../support/fakes/xServer';
import { MINUTE, publishingHarness } from './harness';
import type { PublishingHarness } from './harness';

const COMMON = 'Réforme du droit des contrats : trois points essentiels pour vos conventions 2026, et ce qu’ils changent pour vos clients.';
const SHORT = 'Réforme des contrats : 3 points clés pour 2026.';

let x: XServer | null = null;
let harness: PublishingHarness | null = null;
afterEach(async () => {
  harness?.close();
  harness = null;
  await x?.close();
  x = null;
});

describe('publishing a post with a per-network version', () => {
  it('sends the X version to X and the common text to LinkedIn', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
    const server = new XServer({ now: () => clock.now(), accessToken: 'x-token' });
    x = server;
    await server.start();
    const h = publishingHarness({ clock, connectors: { x: { baseUrl: server.url } } });
    harness = h;
    const partner = await h.partner();
    await h.account(partner.id, 'x', { handle: 'MaitreDurand', secret: { kind: 'oauth', accessToken: 'x-token' }, expiresAt: clock.now() + 60 * MINUTE });

    const created = await h.call('posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin', 'x'], content: docFromParagraphs([COMMON]), scheduledAt: clock.now() + MINUTE });
    await h.call('posts.save', { id: created.id, baseVersion: created.version, versions: { x: docFromParagraphs([SHORT]) } });
    await h.call('signoff.recordDecision', { postId: created.id, decision: 'approve', channel: 'phone', decidedAt: clock.now() });

    clock.advance(MINUTE);
    await h.tick();
    expect(server.tweets.map((tweet) => tweet.text)).toEqual([SHORT]);
    const view = await h.status(created.id);
    expect(view.texts).toEqual({ linkedin: COMMON, x: SHORT });
    // LinkedIn here has no API account: the manual publication offers the common text.
    expect(view.publications).toEqual(
      expect.arrayContaining([expect.objectContaining({ network: 'x', state: 'published' }), expect.objectContaining({ network: 'linkedin', state: 'awaiting_manual' })]),
    );
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'alert', messageKey: 'publishing.alerts.manualDue', params: expect.objectContaining({ networkId: 'linkedin', text: COMMON }) as unknown }));
  });
});
