import type { MailSecurity } from '../../../shared/credentials/mail';

export interface MailServerSettings {
  host: string;
  port: number;
  security: MailSecurity;
}

/** The workstation's mail account, without its password. */
export interface MailSettings {
  smtp: MailServerSettings;
  imap: MailServerSettings;
  username: string;
  fromAddress: string;
  fromName: string;
  /**
   * TLS certificate checks. Only tests on loopback turn them off; the app never does.
   */
  rejectUnauthorized?: boolean;
  /**
   * How long a server may stay silent (connecting, before its greeting, mid-conversation).
   * Only tests shorten them, to stand for a firewall that drops the port without a word.
   */
  timeoutsMs?: MailTimeouts;
}

export interface MailTimeouts {
  connect: number;
  greeting: number;
  socket: number;
}

export const smtpTimeouts: MailTimeouts = { connect: 30_000, greeting: 30_000, socket: 60_000 };
export const imapTimeouts: MailTimeouts = { connect: 30_000, greeting: 30_000, socket: 5 * 60_000 };

/**
 * Where sign-off finds the mail account: the credentials feature's mail account service in
 * the app (settings from SQLite, password from the keychain), explicit settings in tests.
 * Reading settings is cheap and synchronous; the password may need the keychain.
 */
export interface MailAccountSource {
  settings(): MailSettings | null;
  password(): Promise<string | null>;
}

/** No account configured: email jobs wait in the outbox until there is one. */
export const noMailAccount: MailAccountSource = {
  settings: () => null,
  password: () => Promise.resolve(null),
};

/** The domain of the From address, for Message-IDs (`<random@domain>`). */
export const messageIdDomain = (settings: MailSettings | null): string => {
  const domain = settings?.fromAddress.split('@')[1]?.trim().toLowerCase();
  return domain !== undefined && /^[a-z0-9.-]+$/.test(domain) ? domain : 'plume.invalid';
};
