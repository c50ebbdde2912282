import type { ImapFlow } from 'imapflow';
import { imapflow } from './libraries';
import { imapTimeouts } from './settings';
import type { MailSettings } from './settings';

/**
 * A connected IMAP client for the workstation's account. `tls` connects over TLS, `starttls`
 * requires the upgrade (credentials never cross in clear), `none` never upgrades (loopback
 * test servers only).
 */
export async function connectImap(settings: MailSettings, password: string, options: { autoIdleDelayMs?: number } = {}): Promise<ImapFlow> {
  const { ImapFlow } = await imapflow();
  const timeouts = settings.timeoutsMs ?? imapTimeouts;
  const client = new ImapFlow({
    host: settings.imap.host,
    port: settings.imap.port,
    secure: settings.imap.security === 'tls',
    doSTARTTLS: settings.imap.security === 'starttls' ? true : settings.imap.security === 'none' ? false : undefined,
    auth: { user: settings.username, pass: password },
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    logger: false,
    connectionTimeout: timeouts.connect,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
    // imapflow enters IDLE only after this much quiet (15 s by default): a watcher wants it at once.
    ...(options.autoIdleDelayMs !== undefined ? { autoIdleDelay: options.autoIdleDelayMs } : {}),
  });
  // A dropped connection emits `error` once; without a listener Node would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Logs out politely, and closes the socket whatever happens. */
export async function disconnect(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}
