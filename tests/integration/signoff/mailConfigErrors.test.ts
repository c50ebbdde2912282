import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from './harness';
import type { Harness } from './harness';

/**
 * A mail account with a wrong server name or port, on a machine that is online: each try is
 * an attempt (shown on the Envoi page and the post), the reason is a failure the UI translates
 * (never the raw Node error, which goes to plume.log), and after the outbox's attempt limit
 * the email fails visibly and an alert says what to do. Offline, nothing is tried and no
 * attempt is used. Real DNS (`.invalid` never resolves) and a real refused loopback port.
 */

let h: Harness;
let silent: { server: Server; sockets: Set<Socket> } | null = null;
afterEach(async () => {
  await h.close();
  if (silent) {
    for (const socket of silent.sockets) socket.destroy();
    const { server } = silent;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    silent = null;
  }
});

/**
 * A loopback port where a firewall-like peer accepts the connection and then either says
 * nothing at all (`silent`) or greets and cuts the line at the first command (`cuts`).
 */
async function misbehavingSmtp(kind: 'silent' | 'cuts'): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (kind === 'cuts') {
      socket.write('220 relais.exemple.fr ESMTP\r\n');
      socket.once('data', () => socket.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  silent = { server, sockets };
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const logText = () => readFileSync(join(h.dir, 'plume.log'), 'utf8');

/** Runs the outbox until the request email stops being queued (each pass two hours later: past any backoff). */
async function tryUntilSettled(postId: string): Promise<number> {
  let passes = 0;
  for (; passes < 20; passes++) {
    const status = await h.call('signoff.status', { postId });
    if (status.request?.email.state !== 'queued') break;
    await h.tick();
    h.clock.advance(2 * 3_600_000);
  }
  return passes;
}

describe('a sign-off email with a wrong mail server name or port', () => {
  it('a server name that does not resolve (ENOTFOUND) while online counts attempts, says « introuvable », then fails with an alert after the limit', async () => {
    h = await startHarness({ imap: true, smtpHost: 'smtp.exemple.invalid' });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.', { title: 'Réforme' });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();

    const [row] = await h.call('signoff.emailQueue', {});
    expect(row).toMatchObject({ state: 'queued', attempts: 1, maxAttempts: 8, failure: { reason: 'hostNotFound', server: 'smtp', host: 'smtp.exemple.invalid' } });
    expect(row?.lastError).not.toContain('ENOTFOUND');
    expect(row?.lastError).not.toContain('getaddrinfo');
    const waiting = await h.call('signoff.status', { postId: post.id });
    expect(waiting.request?.email).toMatchObject({ state: 'queued', attempts: 1, failure: { reason: 'hostNotFound', host: 'smtp.exemple.invalid' } });
    // The raw error is in the log, with the attempt it used.
    expect(logText()).toMatch(/outbox job \d+ \(signoff\.email\) attempt 1 of 8: will retry: EDNS: getaddrinfo ENOTFOUND smtp\.exemple\.invalid/);
    // The SMTP server is not answering (the status bar), while the machine is online.
    expect((await h.call('signoff.mailReachability', {})).smtp).toBe(false);

    await tryUntilSettled(post.id);
    const status = await h.call('signoff.status', { postId: post.id });
    expect(status.request?.email).toMatchObject({ state: 'failed', attempts: 8, failure: { reason: 'hostNotFound', host: 'smtp.exemple.invalid' } });
    const [failed] = await h.call('signoff.emailQueue', {});
    expect(failed).toMatchObject({ state: 'failed', attempts: 8, nextTryAt: null });
    const alert = h.events.find((e) => e.type === 'alert' && e.messageKey === 'signoff.alerts.emailFailed');
    expect(alert).toMatchObject({ severity: 'error', postId: post.id, params: { title: 'Réforme', reason: 'hostNotFound', host: 'smtp.exemple.invalid', attempts: 8 } });
    expect(JSON.stringify(alert)).not.toContain('ENOTFOUND');
    expect(logText()).toMatch(/attempt 8 failed|attempt 8 of 8: will retry/);

    // Fixed and tried again from the Envoi page: a fresh set of attempts.
    const retried = await h.call('outbox.retry', { id: failed?.jobId ?? -1 });
    expect(retried).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('a refused port on a reachable host (ECONNREFUSED) counts attempts and says which port to check', async () => {
    // Dovecot only: the account's SMTP port (1) on 127.0.0.1 refuses connections.
    h = await startHarness({ imap: true });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const [row] = await h.call('signoff.emailQueue', {});
    expect(row).toMatchObject({ state: 'queued', attempts: 1, failure: { reason: 'refused', host: '127.0.0.1', port: 1 } });
    expect(row?.lastError).not.toContain('ECONNREFUSED');
    expect(logText()).toMatch(/attempt 1 of 8: will retry: ESOCKET: connect ECONNREFUSED 127\.0\.0\.1:1/);

    await tryUntilSettled(post.id);
    expect((await h.call('signoff.status', { postId: post.id })).request?.email).toMatchObject({ state: 'failed', attempts: 8, failure: { reason: 'refused', port: 1 } });
    expect(h.events.some((e) => e.type === 'alert' && e.messageKey === 'signoff.alerts.emailFailed' && e.params.reason === 'refused')).toBe(true);
  });

  it('offline, the same account tries nothing and uses no attempt; back online it counts again', async () => {
    h = await startHarness({ imap: true, smtpHost: 'smtp.exemple.invalid' });
    await h.call('outbox.setOnline', { online: false });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.');
    await h.call('signoff.request', { postId: post.id });
    for (let pass = 0; pass < 3; pass++) {
      await h.tick();
      h.clock.advance(3_600_000);
    }
    expect((await h.call('signoff.emailQueue', {}))[0]).toMatchObject({ state: 'queued', attempts: 0, failure: null });

    await h.call('outbox.setOnline', { online: true });
    await h.tick();
    expect((await h.call('signoff.emailQueue', {}))[0]).toMatchObject({ attempts: 1, failure: { reason: 'hostNotFound' } });
  });

  it('a server that never answers (a firewall dropping the port) counts attempts, says it does not answer, then fails with an alert after the limit', async () => {
    const port = await misbehavingSmtp('silent');
    h = await startHarness({ imap: true, smtpPort: port, mailTimeoutsMs: { connect: 300, greeting: 300, socket: 300 } });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.', { title: 'Pare-feu' });
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const [row] = await h.call('signoff.emailQueue', {});
    expect(row).toMatchObject({ state: 'queued', attempts: 1, failure: { reason: 'timeout', server: 'smtp', host: '127.0.0.1', port } });
    expect(logText()).toMatch(/attempt 1 of 8: will retry: ETIMEDOUT/);

    await tryUntilSettled(post.id);
    expect((await h.call('signoff.status', { postId: post.id })).request?.email).toMatchObject({ state: 'failed', attempts: 8, failure: { reason: 'timeout', port } });
    const alert = h.events.find((e) => e.type === 'alert' && e.messageKey === 'signoff.alerts.emailFailed');
    expect(alert).toMatchObject({ severity: 'error', postId: post.id, params: { title: 'Pare-feu', reason: 'timeout', port, attempts: 8 } });
  });

  it('a server that greets, then cuts the line, counts attempts as « connexion coupée »', async () => {
    const port = await misbehavingSmtp('cuts');
    h = await startHarness({ imap: true, smtpPort: port, mailTimeoutsMs: { connect: 2_000, greeting: 2_000, socket: 2_000 } });
    const partner = await h.partner();
    const post = await h.post(partner.id, 'Texte à valider.');
    await h.call('signoff.request', { postId: post.id });
    await h.tick();
    const [row] = await h.call('signoff.emailQueue', {});
    expect(row).toMatchObject({ state: 'queued', attempts: 1, failure: { reason: 'dropped', server: 'smtp', host: '127.0.0.1' } });
  });
});
