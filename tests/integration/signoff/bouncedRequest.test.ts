import { describe, expect, it } from 'vitest';
import { harnessPerFile, requestedByEmail } from './harness';
import type { Harness } from './harness';
import { PARTNER, postfixBounce } from './clientMessages';

/**
 * A request the partner's server returned never reached the partner: its e-mail reads failed
 * (« Non remis »), with the server's words kept as its reply, on the post and on Envoi; asked
 * again, the new request starts clean. Envoi lists the sign-off e-mails sent recently too.
 * Real SMTP and Dovecot on loopback.
 */

let h: Harness;
harnessPerFile((started) => {
  h = started;
});

let posts = 0;
const requested = () => requestedByEmail(h, 'Le juge peut réviser le contrat.', `Rebond ${++posts}`);

describe('a bounced request e-mail', () => {
  it('reads failed on the post, « unknown address », with the server’s words as its reply', async () => {
    const { postId, raw } = await requested();
    expect((await h.call('signoff.status', { postId })).request?.email.state).toBe('done');
    await h.deliver(postfixBounce(raw, PARTNER));

    const status = await h.call('signoff.status', { postId });
    expect(status.status).toBe('in_review');
    expect(status.request?.email).toMatchObject({ state: 'failed', lastError: 'bounce:unknownAddress', failure: { reason: 'rejected' } });
    expect(status.request?.email.failure?.response).toMatch(/^550 5\.1\.1 .*User unknown/u);
    const fact = (await h.call('signoff.history', { postId })).at(-1);
    expect(fact).toMatchObject({ action: 'replyReceived', actor: { kind: 'system' }, details: { reason: 'deliveryFailed', bounce: 'unknownAddress', applied: false } });
  });

  it('asked again (the address corrected), the new request is not the bounced one', async () => {
    const { postId, raw } = await requested();
    await h.deliver(postfixBounce(raw, PARTNER));
    await h.call('signoff.request', { postId });
    await h.tick();
    expect((await h.call('signoff.status', { postId })).request?.email).toMatchObject({ state: 'done', lastError: null, failure: null });
  });
});

describe('the sign-off e-mails on Envoi', () => {
  it('lists a request sent recently, and the same one failed once its bounce came back', async () => {
    const { postId, raw } = await requested();
    const before = (await h.call('signoff.emailQueue', {})).filter((e) => e.postId === postId);
    expect(before).toMatchObject([{ state: 'done', purpose: 'request', to: PARTNER, failure: null }]);

    await h.deliver(postfixBounce(raw, PARTNER));
    const after = (await h.call('signoff.emailQueue', {})).filter((e) => e.postId === postId);
    expect(after).toMatchObject([{ state: 'failed', lastError: 'bounce:unknownAddress', failure: { reason: 'rejected' } }]);
  });

  it('no longer lists an e-mail sent more than a week ago', async () => {
    const { postId } = await requested();
    h.clock.advance(8 * 24 * 3_600_000);
    expect((await h.call('signoff.emailQueue', {})).filter((e) => e.postId === postId)).toEqual([]);
  });
});
