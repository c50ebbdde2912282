import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harnessPerFile, requestedByEmail } from './harness';
import type { Harness } from './harness';
import { PARTNER, gmailBounce, postfixBounce } from './clientMessages';

/**
 * A request email that bounces is tied to its request and the community manager told to check
 * the partner's address and send again; it never decides anything. Bounces as Postfix and
 * Gmail write them, read from a real Dovecot on loopback.
 */

let h: Harness;
harnessPerFile((started) => {
  h = started;
});

let posts = 0;
const requested = () => requestedByEmail(h, 'Le juge peut réviser le contrat.', `Réforme ${++posts}`);
const alertsOf = (postId: string) => h.events.filter((e) => e.type === 'alert' && e.postId === postId);
const log = () => readFileSync(join(h.dir, 'plume.log'), 'utf8');

async function expectBounceTold(postId: string): Promise<void> {
  expect((await h.call('signoff.status', { postId })).status).toBe('in_review');
  const history = await h.call('signoff.history', { postId });
  expect(history.map((e) => e.action)).not.toContain('requestChanges');
  expect(history.at(-1)).toMatchObject({ action: 'replyReceived', details: { reason: 'deliveryFailed', applied: false, recipients: [PARTNER] } });
  expect(alertsOf(postId)).toMatchObject([{ messageKey: 'signoff.alerts.deliveryFailed', severity: 'error', params: { address: PARTNER } }]);
}

describe('delivery failures of a request email', () => {
  it('a Postfix bounce (MAILER-DAEMON, no In-Reply-To) is tied to its request by the returned headers, alerted and logged', async () => {
    const { postId, raw } = await requested();
    await h.deliver(postfixBounce(raw, PARTNER));
    await expectBounceTold(postId);
    expect(alertsOf(postId)[0]).toMatchObject({ params: { diagnostic: expect.stringContaining('User unknown') as unknown } });
    expect(log()).toMatch(/delivery failure reported by mailer-daemon@mx\.example\.org for claire\.dupont@example\.org: 550 5\.1\.1/);
  });

  it('a Gmail bounce (mailer-daemon, threaded, Auto-Submitted) is a delivery failure, not a refused reply', async () => {
    const { postId, request } = await requested();
    await h.deliver(gmailBounce(request, PARTNER));
    await expectBounceTold(postId);
  });

  it('a bounce returning the whole request, over 5 MB, is tied to it by the returned Message-ID', async () => {
    const { postId, raw } = await requested();
    const bounce = postfixBounce(raw, PARTNER, { whole: true, photoBytes: 6 * 1024 * 1024 });
    expect(bounce.length).toBeGreaterThan(5 * 1024 * 1024);
    await h.deliver(bounce);
    await expectBounceTold(postId);
  });

  it('the same bounce read twice is told once', async () => {
    const { postId, raw } = await requested();
    const bounce = postfixBounce(raw, PARTNER).toString('latin1').replace(/^Message-Id: .*$/m, 'Message-Id: <same-bounce@mx.example.org>');
    await h.deliver(Buffer.from(bounce, 'latin1'));
    await h.deliver(Buffer.from(bounce, 'latin1'));
    expect(alertsOf(postId)).toHaveLength(1);
  });
});
