import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { classifyMailError, connectionFault, isUnreachable } from '../../../electron/core/mail/networkErrors';
import { outboxOutcome } from '../../../electron/core/mail/smtpMailer';
import { decodeMailFailure, encodeMailFailure, mailFailureParams } from '../../../shared/mail/failure';
import { closedPort } from '../../support/loopbackServer';

/**
 * Where a mail connection failure puts the fault: the machine offline (wait, no attempt used)
 * or the settings (a name that does not resolve, a refused port: an attempt each, then a
 * failure). Errors as nodemailer and imapflow really report them (real DNS: `.invalid` never
 * resolves; a closed loopback port refuses), and as the system reports an outage.
 */

const SMTP = { server: 'smtp', host: 'smtp.exemple.invalid', port: 587 } as const;

/** What nodemailer's SMTP transport throws for `host:port`. */
async function nodemailerError(host: string, port: number): Promise<unknown> {
  const transport = nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, logger: false });
  try {
    await transport.verify();
    return null;
  } catch (error) {
    return error;
  } finally {
    transport.close();
  }
}

/** What a bare socket (imapflow's) reports. */
function socketError(host: string, port: number): Promise<unknown> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('error', (error) => resolve(error));
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
  });
}

describe('mail connection failures', () => {
  it('a name that does not resolve (nodemailer wraps ENOTFOUND as EDNS) is the settings’ fault while online: an attempt, « introuvable »', async () => {
    const error = await nodemailerError('smtp.exemple.invalid', 587);
    expect(error).toMatchObject({ code: 'EDNS', originalCode: 'ENOTFOUND' });
    expect(connectionFault(error)).toBe('hostNotFound');
    expect(isUnreachable(error)).toBe(true);
    const why = classifyMailError(error, SMTP, true);
    expect(why).toEqual({ failure: { reason: 'hostNotFound', server: 'smtp', host: 'smtp.exemple.invalid' }, waits: false });
    const outcome = outboxOutcome(why, 'EDNS: getaddrinfo ENOTFOUND smtp.exemple.invalid');
    expect(outcome.outcome).toBe('retry');
    expect(outcome.error).not.toContain('ENOTFOUND');
    expect(decodeMailFailure(outcome.error)).toEqual(why.failure);
  });

  it('the same error while the machine is offline (macOS answers ENOTFOUND for every name then) waits without an attempt', async () => {
    const error = await nodemailerError('smtp.exemple.invalid', 587);
    const why = classifyMailError(error, SMTP, false);
    expect(why).toEqual({ failure: { reason: 'offline', server: 'smtp' }, waits: true });
    expect(outboxOutcome(why, '').outcome).toBe('unreachable');
  });

  it('a refused port (ESOCKET over ECONNREFUSED; imapflow’s bare ECONNREFUSED) names the port and uses an attempt', async () => {
    const port = await closedPort();
    const smtp = await nodemailerError('127.0.0.1', port);
    expect(smtp).toMatchObject({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' });
    expect(classifyMailError(smtp, { server: 'smtp', host: '127.0.0.1', port }, true)).toEqual({ failure: { reason: 'refused', server: 'smtp', host: '127.0.0.1', port }, waits: false });
    const imap = await socketError('127.0.0.1', port);
    expect(classifyMailError(imap, { server: 'imap', host: '127.0.0.1', port }, true).failure.reason).toBe('refused');
  });

  it('a resolver that does not answer (EAI_AGAIN), no route, no network: offline, no attempt used, online or not', () => {
    for (const error of [
      { code: 'EDNS', originalCode: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN smtp.example.org' },
      { code: 'EAI_AGAIN' },
      { code: 'ESOCKET', originalCode: 'ENETUNREACH' },
      { code: 'ENETDOWN' },
      { code: 'EHOSTUNREACH' },
      new Error('wrapped', { cause: { code: 'EAI_AGAIN' } }),
    ]) {
      expect(classifyMailError(error, SMTP, true), JSON.stringify(error)).toEqual({ failure: { reason: 'offline', server: 'smtp' }, waits: true });
    }
  });

  it('online, a timeout or a dropped line uses an attempt (offline, it waits); the server’s 5xx and a refused login fail at once; its 4xx uses an attempt', () => {
    expect(classifyMailError({ code: 'ETIMEDOUT' }, SMTP, true)).toEqual({ failure: { reason: 'timeout', server: 'smtp', host: 'smtp.exemple.invalid', port: 587 }, waits: false });
    expect(outboxOutcome(classifyMailError({ code: 'ETIMEDOUT' }, SMTP, true), '').outcome).toBe('retry');
    expect(outboxOutcome(classifyMailError({ code: 'ESOCKET', originalCode: 'ECONNRESET' }, SMTP, true), '').outcome).toBe('retry');
    expect(classifyMailError({ code: 'ETIMEDOUT' }, SMTP, false)).toEqual({ failure: { reason: 'offline', server: 'smtp' }, waits: true });
    expect(outboxOutcome(classifyMailError({ code: 'ESOCKET', originalCode: 'ECONNRESET' }, SMTP, false), '').outcome).toBe('unreachable');
    const rejected = classifyMailError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 Mailbox does not exist' }, SMTP, true);
    expect(rejected.failure).toEqual({ reason: 'rejected', server: 'smtp', response: '550 5.1.1 Mailbox does not exist' });
    expect(outboxOutcome(rejected, '').outcome).toBe('failed');
    expect(outboxOutcome(classifyMailError({ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' }, SMTP, true), '').outcome).toBe('failed');
    expect(outboxOutcome(classifyMailError({ code: 'EMESSAGE', responseCode: 451, response: '451 Try again later' }, SMTP, true), '').outcome).toBe('retry');
    // TLS asked of a plain-text server: nodemailer wraps the handshake error as ESOCKET; it is no dropped line.
    const tls = classifyMailError({ code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER' }, SMTP, true);
    expect(tls).toEqual({ failure: { reason: 'tls', server: 'smtp', host: 'smtp.exemple.invalid', port: 587 }, waits: false });
  });

  it('reads back what older versions stored, never showing a raw error', () => {
    expect(decodeMailFailure(null)).toBeNull();
    expect(decodeMailFailure('EDNS: getaddrinfo ENOTFOUND smtp.exemple.invalid')).toEqual({ reason: 'unknown' });
    expect(decodeMailFailure('mail account not configured')).toEqual({ reason: 'notConfigured' });
    expect(decodeMailFailure('550 5.1.1 Mailbox does not exist')).toEqual({ reason: 'rejected', response: '550 5.1.1 Mailbox does not exist' });
    expect(decodeMailFailure('mail:{"reason":"nonsense"}')).toEqual({ reason: 'unknown' });
    expect(decodeMailFailure(encodeMailFailure({ reason: 'refused', server: 'smtp', host: 'h', port: 587 }))).toEqual({ reason: 'refused', server: 'smtp', host: 'h', port: 587 });
    expect(mailFailureParams({ reason: 'refused', server: 'smtp', host: 'h', port: 587 })).toEqual({ reason: 'refused', server: 'SMTP', host: 'h', port: 587 });
  });
});
