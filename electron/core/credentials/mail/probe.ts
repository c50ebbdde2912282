import { imapflow, nodemailer } from '../../mail/libraries';
import { credentialMessageKey } from '../../../../shared/credentials/errors';
import type { CredentialErrorCode } from '../../../../shared/credentials/errors';
import type { MailServer, ProbeResult } from '../../../../shared/credentials/mail';
import { connectionFault, systemCode } from '../../mail/networkErrors';

const TIMEOUT_MS = 15_000;

export interface MailLogin {
  username: string;
  password: string;
}

const field = (error: unknown, name: string): unknown =>
  typeof error === 'object' && error !== null && name in error ? (error as Record<string, unknown>)[name] : undefined;

/**
 * nodemailer / imapflow errors → a result; their messages (which may quote the server) are
 * dropped. A name that does not resolve and a refused port are the settings' fault here; the
 * service turns them back into `offline` when the machine is offline (`MailService.test`).
 */
function probeFailure(error: unknown, authFailed: boolean, server: MailServer): ProbeResult {
  if (authFailed) return { outcome: 'failed', code: 'wrong_password', messageKey: credentialMessageKey('wrong_password') };
  const code = field(error, 'code');
  switch (connectionFault(error)) {
    case 'offline':
      return { outcome: 'offline' };
    case 'hostNotFound':
      return { outcome: 'failed', code: 'mail_host_not_found', messageKey: 'accounts.mail.hostNotFound', params: { host: server.host } };
    case 'refused':
      return { outcome: 'failed', code: 'mail_connection_refused', messageKey: 'accounts.mail.refused', params: { host: server.host, port: server.port } };
    case 'timeout':
    case 'dropped':
      return { outcome: 'noAnswer' };
    case null:
      break;
  }
  const tls = (value: unknown) => value === 'ETLS' || (typeof value === 'string' && value.startsWith('ERR_SSL_'));
  const failure: CredentialErrorCode = tls(code) || tls(systemCode(error)) ? 'tls_failed' : 'server_error';
  return { outcome: 'failed', code: failure, messageKey: credentialMessageKey(failure) };
}

/** Connects and authenticates to the SMTP server (EHLO, STARTTLS as asked, AUTH), sends nothing. */
export async function probeSmtp(server: MailServer, login: MailLogin): Promise<ProbeResult> {
  const { createTransport } = await nodemailer();
  const transport = createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: { user: login.username, pass: login.password },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    logger: false,
    debug: false,
  });
  try {
    await transport.verify();
    return { outcome: 'ok' };
  } catch (error) {
    return probeFailure(error, field(error, 'code') === 'EAUTH', server);
  } finally {
    transport.close();
  }
}

/** Connects, authenticates (LOGIN / AUTHENTICATE), logs out. */
export async function probeImap(server: MailServer, login: MailLogin): Promise<ProbeResult> {
  const { ImapFlow } = await imapflow();
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    auth: { user: login.username, pass: login.password },
    logger: false,
    verifyOnly: true,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  // A late socket error after the probe must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return { outcome: 'ok' };
  } catch (error) {
    return probeFailure(error, field(error, 'authenticationFailed') === true, server);
  } finally {
    client.close();
  }
}
