import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SecretServiceKeychain } from '../../../electron/core/credentials/keychain';
import type { MailAccountInput } from '../../../shared/credentials/mail';
import { startImapLoginServer } from '../../support/imapLoginServer';
import type { ImapLoginServer } from '../../support/imapLoginServer';
import { realKeychain, requireSecretService } from '../../support/keyring';
import { closedPort } from '../../support/loopbackServer';
import { startSmtpLoginServer } from '../../support/smtpLoginServer';
import type { SmtpLoginServer } from '../../support/smtpLoginServer';
import { credentialCore } from './harness';
import type { CredentialCore } from './harness';

const USER = 'cm@cabinet-arcand.example';
const PASSWORD = 'mail-password-7Kq2!x';

let smtp: SmtpLoginServer;
let imap: ImapLoginServer;
let t: CredentialCore;
const keychain = new SecretServiceKeychain();

beforeAll(async () => {
  smtp = await startSmtpLoginServer(USER, PASSWORD);
  imap = await startImapLoginServer(USER, PASSWORD);
});
afterAll(async () => {
  await smtp.close();
  await imap.close();
});
beforeEach(() => {
  // Per test, not per file: outside the keyring session every test fails (none is skipped).
  requireSecretService();
  t = credentialCore({ keychain: realKeychain() });
});
afterEach(() => t.close());

const settings = (): MailAccountInput => ({
  smtp: { host: '127.0.0.1', port: smtp.port, security: 'none' },
  imap: { host: '127.0.0.1', port: imap.port, security: 'none' },
  username: USER,
  fromAddress: USER,
  fromName: 'Studio éditorial',
});

function keychainRef(): { service: string; account: string } {
  const db = new Database(t.core.databasePath, { readonly: true });
  try {
    return z
      .object({ service: z.string(), account: z.string() })
      .parse(db.prepare('SELECT keychain_service AS service, keychain_account AS account FROM mail_account').get());
  } finally {
    db.close();
  }
}

describe('the workstation mail account', () => {
  it('needs a password the first time; keeps it in the keychain and never returns it', async () => {
    expect(await t.call('mail.get', {})).toBeNull();
    expect((await t.error('mail.save', settings())).messageKey).toBe('accounts.errors.mail_password_required');
    const saved = await t.call('mail.save', { ...settings(), password: PASSWORD });
    expect(saved).toMatchObject({ username: USER, hasPassword: true, status: 'untested', smtp: { port: smtp.port } });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    const ref = keychainRef();
    expect(JSON.parse((await keychain.get(ref.service, ref.account)) ?? '{}')).toEqual({ password: PASSWORD });
    // Changing the settings without a password keeps the stored one.
    const edited = await t.call('mail.save', { ...settings(), fromName: 'Autre nom' });
    expect(edited.fromName).toBe('Autre nom');
    expect(JSON.parse((await keychain.get(ref.service, ref.account)) ?? '{}')).toEqual({ password: PASSWORD });
  });

  it('tests SMTP and IMAP logins against real servers on loopback', async () => {
    await t.call('mail.save', { ...settings(), password: PASSWORD });
    const test = await t.call('mail.test', {});
    expect(test.smtp).toEqual({ outcome: 'ok' });
    expect(test.imap).toEqual({ outcome: 'ok' });
    expect(test.account).toMatchObject({ status: 'connected', lastErrorCode: null });
    expect(smtp.logins.at(-1)).toEqual({ username: USER, ok: true });
    expect(imap.logins.at(-1)).toEqual({ username: USER, ok: true });
  });

  it('a wrong password is wrong_password on both, and the account needs re-authentication', async () => {
    await t.call('mail.save', { ...settings(), password: 'not-the-password' });
    const test = await t.call('mail.test', {});
    expect(test.smtp).toEqual({ outcome: 'failed', code: 'wrong_password', messageKey: 'accounts.errors.wrong_password' });
    expect(test.imap).toEqual({ outcome: 'failed', code: 'wrong_password', messageKey: 'accounts.errors.wrong_password' });
    expect(test.account.status).toBe('needs_reauth');
  });

  it('a refused port on a reachable host is a failure naming the port, and the account says its last test failed', async () => {
    const port = await closedPort();
    await t.call('mail.save', {
      ...settings(),
      smtp: { host: '127.0.0.1', port, security: 'none' },
      password: PASSWORD,
    });
    const test = await t.call('mail.test', {});
    expect(test.smtp).toEqual({ outcome: 'failed', code: 'mail_connection_refused', messageKey: 'accounts.mail.refused', params: { host: '127.0.0.1', port } });
    expect(test.imap).toEqual({ outcome: 'ok' });
    expect(test.account).toMatchObject({ status: 'untested', lastErrorCode: 'mail_connection_refused' });
    expect(test.account.lastTestedAt).not.toBeNull();
  });

  it('a server name that does not resolve, while online, is « introuvable » (not offline) on both servers', async () => {
    await t.call('mail.save', {
      ...settings(),
      smtp: { host: 'smtp.exemple.invalid', port: 587, security: 'starttls' },
      imap: { host: 'imap.exemple.invalid', port: 993, security: 'tls' },
      password: PASSWORD,
    });
    const test = await t.call('mail.test', {});
    expect(test.smtp).toEqual({ outcome: 'failed', code: 'mail_host_not_found', messageKey: 'accounts.mail.hostNotFound', params: { host: 'smtp.exemple.invalid' } });
    expect(test.imap).toEqual({ outcome: 'failed', code: 'mail_host_not_found', messageKey: 'accounts.mail.hostNotFound', params: { host: 'imap.exemple.invalid' } });
    expect(test.account).toMatchObject({ status: 'untested', lastErrorCode: 'mail_host_not_found' });
  });

  it('offline (the UI says so and neither server answers), the same names are "offline", not failures, and the status is kept', async () => {
    await t.call('outbox.setOnline', { online: false });
    const port = await closedPort();
    await t.call('mail.save', {
      ...settings(),
      smtp: { host: 'smtp.exemple.invalid', port: 587, security: 'starttls' },
      imap: { host: '127.0.0.1', port, security: 'none' },
      password: PASSWORD,
    });
    const test = await t.call('mail.test', {});
    expect(test.smtp).toEqual({ outcome: 'offline' });
    expect(test.imap).toEqual({ outcome: 'offline' });
    expect(test.account).toMatchObject({ status: 'untested', lastErrorCode: null });
  });

  it('remove deletes the keychain item and the settings', async () => {
    await t.call('mail.save', { ...settings(), password: PASSWORD });
    const ref = keychainRef();
    await t.call('mail.remove', {});
    expect(await t.call('mail.get', {})).toBeNull();
    expect(await keychain.get(ref.service, ref.account)).toBeNull();
    expect((await t.error('mail.test', {})).messageKey).toBe('accounts.errors.mail_not_configured');
  });
});
