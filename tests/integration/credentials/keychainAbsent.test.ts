import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainUnavailableError, SecretServiceKeychain } from '../../../electron/core/credentials/keychain';
import { startBlueskyServer } from '../../support/fakes/blueskyServer';
import type { BlueskyServer } from '../../support/fakes/blueskyServer';
import { withoutSessionBus } from '../../support/keyring';
import { startMastodonServer } from '../../support/fakes/mastodonServer';
import type { MastodonServer } from '../../support/fakes/mastodonServer';
import { credentialCore, partnerInput } from './harness';
import type { CredentialCore } from './harness';

/**
 * No keychain at all: this file points the process at a D-Bus address where nothing listens
 * before anything opens the keychain (the Secret Service connection is kept per process, and
 * each test file runs in its own). It runs the same with or without scripts/keyring-session.sh.
 */
const APP_PASSWORD = 'zyxw-vuts-rqpo-nmlk';
const CLIENT_SECRET = 'client-secret-never-stored-9c1e';
const MAIL_PASSWORD = 'mail-password-never-stored-4d2a';

let restoreBus: () => void;
let pds: BlueskyServer;
let mastodon: MastodonServer;
let t: CredentialCore;

beforeAll(async () => {
  restoreBus = withoutSessionBus();
  pds = await startBlueskyServer({ appPassword: APP_PASSWORD });
  mastodon = await startMastodonServer();
  t = credentialCore({ keychain: new SecretServiceKeychain({ timeoutMs: 2_000 }) });
});
afterAll(async () => {
  t.close();
  await pds.close();
  await mastodon.close();
  restoreBus();
});

describe('keychain locked or absent', () => {
  it('the keychain refuses outright instead of falling back to another store', async () => {
    const keychain = new SecretServiceKeychain();
    await expect(keychain.set('Plume-absent-test', 'x', 'secret')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(keychain.get('Plume-absent-test', 'x')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(keychain.delete('Plume-absent-test', 'x')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('core starts, and everything that needs no secret keeps working', async () => {
    const partner = await t.call('partners.create', partnerInput);
    expect(await t.call('accounts.list', { partnerId: partner.id })).toEqual([]);
    expect(await t.call('accounts.apps.list', {})).toEqual([]);
    expect(await t.call('mail.get', {})).toBeNull();
    const post = await t.call('posts.create', { partnerId: partner.id, title: 'Sans trousseau' });
    expect(post.title).toBe('Sans trousseau');
  });

  it('core reports the keychain unavailable (for the UI to say so before a secret is typed)', async () => {
    expect(await t.call('accounts.keychain', {})).toEqual({ available: false });
  });

  it('connecting says keychain_unavailable and the secret is stored nowhere else', async () => {
    const partnerId = (await t.call('partners.list', {}))[0]?.id ?? '';
    const failures = [
      await t.error('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: APP_PASSWORD, service: pds.url }),
      await t.error('accounts.apps.save', { network: 'linkedin', clientId: 'client-id', clientSecret: CLIENT_SECRET }),
      await t.error('mail.save', {
        smtp: { host: 'smtp.example.org', port: 587, security: 'starttls' },
        imap: { host: 'imap.example.org', port: 993, security: 'tls' },
        username: 'cm@example.org',
        fromAddress: 'cm@example.org',
        password: MAIL_PASSWORD,
      }),
      await t.error('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: mastodon.url }),
    ];
    for (const error of failures) {
      expect(error.code).toBe('unavailable');
      expect(error.messageKey).toBe('accounts.errors.keychain_unavailable');
      expect(error.details).toEqual({ credentialCode: 'keychain_unavailable' });
    }
    // Checked before anything reached the networks: no session opened, no app registered.
    expect(pds.requests).toHaveLength(0);
    expect(mastodon.requests).toHaveLength(0);
    expect(await t.call('accounts.list', {})).toEqual([]);
    expect(await t.call('accounts.apps.list', {})).toEqual([]);
    expect(await t.call('mail.get', {})).toBeNull();

    const db = new Database(t.core.databasePath, { readonly: true });
    const rows = ['accounts', 'oauth_apps', 'mail_account'].map((table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    db.close();
    expect(rows).toEqual([0, 0, 0]);
    const everything = [readFileSync(t.core.databasePath), readFileSync(`${t.core.databasePath}-wal`), readFileSync(t.logFile, { flag: 'a+' }), ...t.responses];
    for (const secret of [APP_PASSWORD, CLIENT_SECRET, MAIL_PASSWORD]) {
      for (const place of everything) expect(Buffer.from(place).includes(Buffer.from(secret))).toBe(false);
    }
  });
});
