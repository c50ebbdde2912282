import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SecretServiceKeychain } from '../../../electron/core/credentials/keychain';
import { startBlueskyServer } from '../../support/fakes/blueskyServer';
import type { BlueskyServer } from '../../support/fakes/blueskyServer';
import { realKeychain, requireSecretService } from '../../support/keyring';
import { closedPort } from '../../support/loopbackServer';
import { startMastodonServer } from '../../support/fakes/mastodonServer';
import type { MastodonServer } from '../../support/fakes/mastodonServer';
import { credentialCore, partnerInput } from './harness';
import type { CredentialCore } from './harness';

const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';

let t: CredentialCore;
let partnerId: string;
const keychain = new SecretServiceKeychain();

beforeEach(async () => {
  // Per test, not per file: outside the keyring session every test fails (none is skipped).
  requireSecretService();
  t = credentialCore({ keychain: realKeychain() });
  partnerId = (await t.call('partners.create', partnerInput)).id;
});
afterEach(() => t.close());

/** What the keychain holds for an account (through the reference the database keeps). */
async function keychainItem(accountId: string): Promise<string | null> {
  const db = new Database(t.core.databasePath, { readonly: true });
  const row = z
    .object({ service: z.string(), account: z.string() })
    .parse(db.prepare('SELECT keychain_service AS service, keychain_account AS account FROM accounts WHERE id = ?').get(accountId));
  db.close();
  return keychain.get(row.service, row.account);
}

describe('Mastodon: instance OAuth and verify_credentials on a loopback instance', () => {
  let mastodon: MastodonServer;
  beforeAll(async () => {
    mastodon = await startMastodonServer();
  });
  afterAll(() => mastodon.close());

  async function connect(instance: MastodonServer): Promise<string> {
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: instance.url });
    // The system browser: the instance approves and redirects to Plume's loopback listener.
    const page = await fetch(start.authorizationUrl);
    expect(page.status).toBe(200);
    const state = await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 });
    if (state.status !== 'connected') throw new Error(`sign-in ended ${state.status}: ${JSON.stringify(state)}`);
    return state.account.id;
  }

  it('registers Plume on the instance for this redirect URI, signs in with PKCE and shows the handle and avatar', async () => {
    const appsBefore = mastodon.apps.length;
    const id = await connect(mastodon);
    const registered = mastodon.apps.at(-1);
    expect(mastodon.apps).toHaveLength(appsBefore + 1);
    expect(registered?.redirectUris[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(registered?.scopes).toBe('read:accounts write:statuses write:media');
    const [account] = await t.call('accounts.list', { partnerId });
    expect(account).toMatchObject({
      id,
      network: 'mastodon',
      handle: `@${mastodon.username}@127.0.0.1:${mastodon.port}`,
      displayName: mastodon.displayName,
      avatarUrl: mastodon.avatar,
      instanceUrl: mastodon.url,
      status: 'connected',
    });
    const stored = JSON.parse((await keychainItem(id)) ?? '{}') as Record<string, unknown>;
    expect(stored).toMatchObject({ kind: 'oauth', clientId: registered?.clientId, clientSecret: registered?.clientSecret });
    expect(mastodon.accessTokens.has(String(stored.accessToken))).toBe(true);
  });

  it('test connection answers the handle, then reports a revoked token ({"error":"The access token is invalid"})', async () => {
    const id = await connect(mastodon);
    expect(await t.call('accounts.test', { id })).toMatchObject({ outcome: 'ok', account: { status: 'connected', avatarUrl: mastodon.avatar } });
    mastodon.revokeAll();
    const test = await t.call('accounts.test', { id });
    expect(test).toMatchObject({ outcome: 'failed', code: 'token_revoked', messageKey: 'accounts.errors.token_revoked' });
    expect(test.account).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'token_revoked' });
  });

  it('an unreachable instance is "offline", not an error: the status stays', async () => {
    const instance = await startMastodonServer();
    const id = await connect(instance);
    await instance.close();
    const test = await t.call('accounts.test', { id });
    expect(test).toMatchObject({ outcome: 'offline', account: { status: 'connected', lastErrorCode: null } });
  });

  it('a denied authorization ends the flow with oauth_denied', async () => {
    mastodon.decide('deny');
    try {
      const start = await t.call('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: mastodon.url });
      await fetch(start.authorizationUrl);
      expect(await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 })).toMatchObject({ status: 'failed', code: 'oauth_denied' });
    } finally {
      mastodon.decide('approve');
    }
  });

  it('refuses plain-http instances off this machine, and an instance that is down, before opening a browser', async () => {
    const plain = await t.error('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: 'http://mastodon.example' });
    expect(plain.messageKey).toBe('accounts.errors.instance_invalid');
    const down = await t.error('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(down.messageKey).toBe('accounts.errors.network_unreachable');
    const missing = await t.raw('accounts.startOAuth', { partnerId, network: 'mastodon' });
    expect(missing.ok ? null : missing.error.issues).toEqual([{ path: ['instanceUrl'], messageKey: 'errors.required' }]);
  });

  it('disconnect revokes the token on the instance and deletes the keychain item', async () => {
    const id = await connect(mastodon);
    const stored = JSON.parse((await keychainItem(id)) ?? '{}') as Record<string, unknown>;
    const itemBefore = await keychainItem(id);
    expect(itemBefore).not.toBeNull();
    const db = new Database(t.core.databasePath, { readonly: true });
    const ref = db.prepare('SELECT keychain_service AS s, keychain_account AS a FROM accounts WHERE id = ?').get(id) as { s: string; a: string };
    db.close();
    expect(await t.call('accounts.disconnect', { id })).toEqual({ revocation: 'revoked' });
    expect(mastodon.accessTokens.has(String(stored.accessToken))).toBe(false);
    expect(await keychain.get(ref.s, ref.a)).toBeNull();
  });
});

describe('Bluesky: app password, createSession, getSession and getProfile on a loopback PDS', () => {
  let pds: BlueskyServer;
  beforeEach(async () => {
    pds = await startBlueskyServer({ appPassword: APP_PASSWORD });
  });
  afterEach(() => pds.close());

  const connect = () => t.call('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: APP_PASSWORD, service: pds.url });

  it('signs in with the app password and shows handle, name and avatar', async () => {
    const account = await connect();
    expect(account).toMatchObject({
      network: 'bluesky',
      handle: `@${pds.handle}`,
      displayName: pds.displayName,
      avatarUrl: pds.avatar,
      instanceUrl: pds.url,
      status: 'connected',
    });
    const stored = JSON.parse((await keychainItem(account.id)) ?? '{}') as { appPassword?: string; session?: { refreshJwt: string; did: string } };
    expect(stored.appPassword).toBe(APP_PASSWORD);
    expect(stored.session?.did).toBe(pds.did);
    expect(pds.refreshTokens.has(stored.session?.refreshJwt ?? '')).toBe(true);
  });

  it('a wrong app password ({"error":"AuthenticationRequired"}) is wrong_password and stores nothing', async () => {
    const error = await t.error('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: 'wrong-pass-word-0000', service: pds.url });
    expect(error.messageKey).toBe('accounts.errors.wrong_password');
    expect(error.details).toEqual({ credentialCode: 'wrong_password' });
    expect(await t.call('accounts.list', {})).toEqual([]);
  });

  it('test connection resumes the session (refreshSession rotates it) and keeps the new one', async () => {
    const { id } = await connect();
    const before = JSON.parse((await keychainItem(id)) ?? '{}') as { session: { refreshJwt: string } };
    const test = await t.call('accounts.test', { id });
    expect(test).toMatchObject({ outcome: 'ok', account: { handle: `@${pds.handle}` } });
    const after = JSON.parse((await keychainItem(id)) ?? '{}') as { session: { refreshJwt: string } };
    expect(after.session.refreshJwt).not.toBe(before.session.refreshJwt);
    expect(pds.refreshTokens.has(after.session.refreshJwt)).toBe(true);
    const calls = pds.requests.map((r) => r.path);
    expect(calls).toContain('/xrpc/com.atproto.server.getSession');
    expect(calls).toContain('/xrpc/app.bsky.actor.getProfile');
  });

  it('a dead session is replaced by signing in again with the app password', async () => {
    const { id } = await connect();
    pds.revokeSessions();
    expect(await t.call('accounts.test', { id })).toMatchObject({ outcome: 'ok' });
    expect(pds.requests.filter((r) => r.path === '/xrpc/com.atproto.server.createSession')).toHaveLength(2);
  });

  it('a revoked app password makes the account need re-authentication', async () => {
    const { id } = await connect();
    pds.revokeSessions();
    pds.appPasswords.clear();
    const test = await t.call('accounts.test', { id });
    expect(test).toMatchObject({ outcome: 'failed', code: 'wrong_password', account: { status: 'needs_reauth' } });
  });

  it('an unreachable PDS is "offline", not an error', async () => {
    const { id } = await connect();
    await pds.close();
    expect(await t.call('accounts.test', { id })).toMatchObject({ outcome: 'offline', account: { status: 'connected' } });
    pds = await startBlueskyServer({ appPassword: APP_PASSWORD });
  });

  it('re-connecting the same account updates it; disconnect ends the session and deletes the keychain item', async () => {
    const first = await connect();
    const second = await connect();
    expect(second.id).toBe(first.id);
    expect(await t.call('accounts.list', {})).toHaveLength(1);
    const stored = JSON.parse((await keychainItem(first.id)) ?? '{}') as { session: { refreshJwt: string } };
    expect(await t.call('accounts.disconnect', { id: first.id })).toEqual({ revocation: 'revoked' });
    expect(pds.refreshTokens.has(stored.session.refreshJwt)).toBe(false);
    expect(await t.call('accounts.list', {})).toEqual([]);
    expect((await t.error('accounts.test', { id: first.id })).messageKey).toBe('accounts.errors.account_not_found');
  });
});
