import { afterEach, describe, expect, it } from 'vitest';
import { MastodonServer } from '../../support/fakes/mastodonServer';
import { storeAccount } from '../../support/storedAccount';
import { HOUR, parseCaptured, plainReply, startHarness } from './harness';
import type { Harness, ParsedRequest } from './harness';
import { PARTNER } from './clientMessages';

/**
 * A partner who takes back her approval before publication (« Finalement non : ne publiez
 * pas… », same thread, a few seconds after « OK pour moi ») holds the post: it is not
 * published at its time, the reply is filed as what held it, and the community manager is
 * alerted with her words, until sign-off is asked again or her confirmation recorded. Another
 * approval changes nothing. Real SMTP and Dovecot on loopback.
 */

let h: Harness;
let mastodon: MastodonServer | null = null;
afterEach(async () => {
  await h.close();
  await mastodon?.close();
  mastodon = null;
});

const WITHDRAWAL = 'Finalement non\u00a0: ne publiez pas, j’ai un doute sur le dernier paragraphe.';

async function approvedAndScheduled(scheduled = true, network: 'linkedin' | 'mastodon' = 'linkedin'): Promise<{ postId: string; request: ParsedRequest }> {
  const partner = await h.partner();
  if (network === 'mastodon') await mastodonAccount(partner.id);
  const post = await h.post(partner.id, 'Trois points essentiels sur la réforme.\nEnfin, contactez-nous.', {
    networks: [network],
    scheduledAt: scheduled ? h.clock.now() + 72 * HOUR : null,
  });
  await h.call('signoff.request', { postId: post.id });
  await h.tick();
  const mail = await h.smtp?.message(0);
  if (!mail) throw new Error('no request email');
  const request = await parseCaptured(mail);
  await h.deliver(await plainReply(request, PARTNER, 'OK pour moi', 'gmail-fr'));
  await h.tick();
  expect((await h.call('signoff.status', { postId: post.id })).status).toBe(scheduled ? 'scheduled' : 'approved');
  return { postId: post.id, request };
}

/** The partner's Mastodon account on a local instance that speaks Mastodon's API, stored as core's own writer stores it. */
async function mastodonAccount(partnerId: string): Promise<void> {
  const server = new MastodonServer({ now: () => h.clock.now() });
  mastodon = server;
  await server.start();
  await storeAccount(h.core.databasePath, h.keychain, h.clock, {
    partnerId,
    network: 'mastodon',
    identity: { externalId: 'mastodon-maitre_dupont', handle: 'maitre_dupont', displayName: 'Me Claire Dupont', avatarUrl: null },
    secret: { kind: 'oauth', accessToken: 'mastodon-token' },
    instanceUrl: server.url,
    expiresAt: null,
    refreshable: false,
  });
}

describe('a partner’s reply after her approval', () => {
  it('that takes it back holds the scheduled post, files her words as what held it, and alerts', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await approvedAndScheduled();
    h.clock.advance(6_000);
    await h.deliver(await plainReply(request, PARTNER, WITHDRAWAL, 'gmail-fr'));

    const status = await h.call('signoff.status', { postId });
    expect(status.status).toBe('held');
    const history = await h.call('signoff.history', { postId });
    const reply = history.findLast((e) => e.action === 'replyReceived');
    expect(reply?.details).toMatchObject({ applied: true, afterApproval: true, decision: 'requestChanges' });
    expect(reply?.details.comment).toContain('Finalement non');
    expect(history.at(-1)).toMatchObject({ action: 'hold', fromStatus: 'scheduled', toStatus: 'held', details: { reason: 'partnerWithdrew' } });
    const alerts = h.events.filter((e) => e.type === 'alert' && e.postId === postId);
    expect(alerts.at(-1)).toMatchObject({ messageKey: 'signoff.alerts.withdrawnAfterApproval', severity: 'error', params: { partner: 'Me Claire Dupont' } });
    expect(JSON.stringify(alerts.at(-1))).toContain('ne publiez pas');
    // The publication panel and Envoi's held list say why: not « it was not approved at its time ».
    expect((await h.call('publishing.status', { postId })).heldReason).toBe('partnerWithdrew');
    expect((await h.call('publishing.queue', {})).held).toEqual([expect.objectContaining({ postId, reason: 'partnerWithdrew' })]);

    // Its time comes and goes: nothing is published.
    h.clock.advance(73 * HOUR);
    await h.tick();
    expect((await h.call('signoff.status', { postId })).status).toBe('held');
    expect((await h.call('publishing.queue', {})).items.filter((i) => i.postId === postId && i.state === 'published')).toEqual([]);

    // Asked again, it is back in review.
    await h.call('signoff.request', { postId });
    expect((await h.call('signoff.status', { postId })).status).toBe('in_review');
  });

  it('held, it takes the partner’s confirmation recorded by the community manager, and goes out at its time again', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await approvedAndScheduled();
    await h.deliver(await plainReply(request, PARTNER, WITHDRAWAL, 'gmail-fr'));
    expect((await h.call('signoff.status', { postId })).status).toBe('held');
    await h.call('signoff.recordDecision', { postId, decision: 'approve', channel: 'phone', decidedAt: h.clock.now(), comment: 'Confirmé au téléphone.' });
    await h.tick();
    const status = await h.call('signoff.status', { postId });
    expect(status.status).toBe('scheduled');
    expect(status.approvalValid).toBe(true);
    const history = await h.call('signoff.history', { postId });
    expect(history.map((e) => e.action).slice(-4)).toEqual(['reopen', 'requestSignoff', 'approve', 'schedule']);
  });

  it('that takes it back calls the post back from a Mastodon instance already holding it for its time', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await approvedAndScheduled(true, 'mastodon');
    // Within a day of its time, the instance is handed the post to publish by itself.
    h.clock.advance(60 * HOUR);
    await h.tick();
    const server = mastodon;
    if (!server) throw new Error('no instance');
    expect(server.scheduled).toHaveLength(1);
    expect((await h.call('publishing.status', { postId })).publications).toMatchObject([{ state: 'scheduled_remote' }]);

    await h.deliver(await plainReply(request, PARTNER, WITHDRAWAL, 'gmail-fr'));
    await h.tick();
    expect(server.scheduled).toHaveLength(0);
    expect(server.http.received({ method: 'DELETE', path: /^\/api\/v1\/scheduled_statuses\/\d+$/ })).toHaveLength(1);
    h.clock.advance(13 * HOUR);
    await h.tick();
    expect(server.statuses).toHaveLength(0);
    expect((await h.call('signoff.status', { postId })).status).toBe('held');
  });

  it('holds an approved post that has no time yet', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await approvedAndScheduled(false);
    await h.deliver(await plainReply(request, PARTNER, WITHDRAWAL, 'gmail-fr'));
    expect((await h.call('signoff.status', { postId })).status).toBe('held');
  });

  it('that approves again changes nothing', async () => {
    h = await startHarness({ smtp: true, imap: true });
    const { postId, request } = await approvedAndScheduled();
    await h.deliver(await plainReply(request, PARTNER, 'Validé, merci.', 'gmail-fr'));
    const status = await h.call('signoff.status', { postId });
    expect(status.status).toBe('scheduled');
    expect(status.approvalValid).toBe(true);
    expect((await h.call('signoff.history', { postId })).map((e) => e.action)).not.toContain('hold');
  });
});
