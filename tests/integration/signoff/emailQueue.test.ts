import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { startHarness } from './harness';
import type { Harness } from './harness';

/**
 * What waits, and why: a sign-off email that cannot leave is listed for the Envoi page with
 * its reason (a failure the UI translates), its attempts and its next try. Real SMTP on loopback.
 */

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('sign-off emails waiting in the outbox', () => {
  it('with the SMTP port refusing connections, the request is listed as waiting with the refused port, its attempt and next try, and the mail server is reported unreachable (not offline)', async () => {
    // Dovecot only: the account's SMTP port (1) refuses connections.
    h = await startHarness({ imap: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.', { title: 'Réforme' });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();

    const waiting = await h.call('signoff.emailQueue', {});
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ postId: post.id, title: 'Réforme', partnerName: 'Me Claire Dupont', to: 'claire.dupont@example.org', purpose: 'request', state: 'queued' });
    expect(waiting[0]?.failure).toEqual({ reason: 'refused', server: 'smtp', host: '127.0.0.1', port: 1 });
    // A refused port is the settings' fault, not an outage: the try used an attempt.
    expect(waiting[0]?.attempts).toBe(1);
    expect(waiting[0]?.nextTryAt).toEqual(expect.any(Number));
    // The status bar tells "mail server unreachable" apart from "online".
    expect(await h.call('signoff.mailReachability', {})).toEqual({ smtp: false, imap: true });
    expect(h.events.filter((e) => e.type === 'mail.reachability').at(-1)).toMatchObject({ smtp: false, imap: true });
  });

  it('a sent request is listed as sent, no longer waiting', async () => {
    h = await startHarness({ smtp: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte');
    await h.call('signoff.request', { postId: post.id });
    expect(await h.call('signoff.emailQueue', {})).toHaveLength(1);
    await h.tick();
    expect(await h.call('signoff.emailQueue', {})).toMatchObject([{ state: 'done', nextTryAt: null, failure: null }]);
    expect((await h.call('signoff.mailReachability', {})).smtp).toBe(true);
  });

  it('with no mail account, a request to a partner with an email address is refused before anything is queued; a decision taken another way is still recorded', async () => {
    h = await startHarness();
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte');
    expect((await h.call('signoff.status', { postId: post.id })).mailAccountConfigured).toBe(false);
    const refused = await h.call('signoff.request', { postId: post.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ messageKey: 'errors.signoff.noMailAccount' });
    expect(await h.call('outbox.list', {})).toEqual([]);
    expect((await h.call('signoff.status', { postId: post.id })).status).toBe('draft');

    await h.call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: h.clock.now() });
    expect((await h.call('signoff.status', { postId: post.id })).status).toBe('approved');
  });
});
