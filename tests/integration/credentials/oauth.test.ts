import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SecretServiceKeychain } from '../../../electron/core/credentials/keychain';
import type { OAuthStart } from '../../../shared/credentials/connect';
import { realKeychain, requireSecretService } from '../../support/keyring';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, member, startOidcServer } from '../../support/oidcServer';
import type { OidcServer } from '../../support/oidcServer';
import { credentialCore, partnerInput } from './harness';
import type { CredentialCore } from './harness';

/** The token bundle as core keeps it in the keychain (read back here to prove where it is). */
const StoredTokens = z.object({ kind: z.literal('oauth'), accessToken: z.string(), refreshToken: z.string().optional() });

let oidc: OidcServer;
let t: CredentialCore;
let partnerId: string;
const keychain = new SecretServiceKeychain();

beforeAll(async () => {
  oidc = await startOidcServer();
});
afterAll(() => oidc.close());

beforeEach(async () => {
  // Per test, not per file: outside the keyring session every test fails (none is skipped).
  requireSecretService();
  // LinkedIn, pointed at the loopback provider: same code path, other URLs.
  t = credentialCore({ keychain: realKeychain(), credentials: { endpoints: { linkedin: oidc.endpoints } } });
  partnerId = (await t.call('partners.create', partnerInput)).id;
  await t.call('accounts.apps.save', { network: 'linkedin', clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET });
});
afterEach(() => t.close());

/** The keychain reference the database holds for an account, and what the keychain has there. */
function keychainRef(accountId: string): { service: string; account: string } {
  const db = new Database(t.core.databasePath, { readonly: true });
  try {
    const row = db.prepare('SELECT keychain_service AS service, keychain_account AS account FROM accounts WHERE id = ?').get(accountId);
    return z.object({ service: z.string(), account: z.string() }).parse(row);
  } finally {
    db.close();
  }
}

async function storedTokens(accountId: string) {
  const ref = keychainRef(accountId);
  const raw = await keychain.get(ref.service, ref.account);
  return raw === null ? null : StoredTokens.parse(JSON.parse(raw));
}

async function connect(): Promise<{ start: OAuthStart; accountId: string }> {
  const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
  const page = await oidc.signIn(start.authorizationUrl, 'approve');
  expect(page.status).toBe(200);
  const state = await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 });
  if (state.status !== 'connected') throw new Error(`sign-in ended ${state.status}`);
  return { start, accountId: state.account.id };
}

describe('OAuth native-app flow (RFC 8252) against a real OAuth 2.0 server on loopback', () => {
  it('builds an authorization URL with PKCE S256, state and a loopback redirect on a random port', async () => {
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
    const url = new URL(start.authorizationUrl);
    expect(`${url.origin}${url.pathname}`).toBe(oidc.endpoints.authorization);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(OIDC_CLIENT_ID);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(url.searchParams.get('scope')).toBe('openid profile w_member_social');
    expect(url.searchParams.has('client_secret')).toBe(false);
    const redirect = new URL(start.redirectUri);
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(Number(redirect.port)).toBeGreaterThan(1023);
    expect(url.searchParams.get('redirect_uri')).toBe(start.redirectUri);
    expect(start.authorizationUrl).not.toContain(OIDC_CLIENT_SECRET);
    await t.call('accounts.cancelOAuth', { flowId: start.flowId });
  });

  it('asks r_member_postAnalytics too once the LinkedIn app is saved as having the Member Post Analytics product', async () => {
    const saved = await t.call('accounts.apps.save', { network: 'linkedin', clientId: OIDC_CLIENT_ID, postAnalytics: true });
    expect(saved.postAnalytics).toBe(true);
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
    expect(new URL(start.authorizationUrl).searchParams.get('scope')).toBe('openid profile w_member_social r_member_postAnalytics');
    await t.call('accounts.cancelOAuth', { flowId: start.flowId });
  });

  it('signs in, exchanges the code, identifies the member and keeps the tokens only in the keychain', async () => {
    const { start, accountId } = await connect();
    const [account] = await t.call('accounts.list', { partnerId });
    expect(account).toMatchObject({
      id: accountId,
      network: 'linkedin',
      handle: member.name,
      displayName: member.name,
      avatarUrl: member.picture,
      status: 'connected',
      lastErrorCode: null,
    });
    expect(account?.tokenExpiresAt).toBe(t.clock.now() + 3_600_000);
    const tokens = await storedTokens(accountId);
    expect(tokens?.accessToken).toBeTruthy();
    expect(tokens?.refreshToken).toBeTruthy();
    expect(await oidc.userinfoStatus(tokens?.accessToken ?? '')).toBe(200);
    expect(t.events).toContainEqual({ type: 'accounts.oauthFinished', flowId: start.flowId, status: 'connected', accountId, code: null });
    // The listener answered once and stopped: the redirect URI is closed now.
    await expect(fetch(`${start.redirectUri}?code=x&state=y`)).rejects.toThrow();
  });

  it('keeps the scopes the token endpoint said it granted with the account (LinkedIn post analytics are asked only where granted)', async () => {
    const { accountId } = await connect();
    const db = new Database(t.core.databasePath, { readonly: true });
    try {
      const row = z.object({ granted_scopes: z.string().nullable() }).parse(db.prepare('SELECT granted_scopes FROM accounts WHERE id = ?').get(accountId));
      expect(row.granted_scopes?.split(' ')).toContain('openid');
      expect(row.granted_scopes?.split(' ')).not.toContain('r_member_postAnalytics');
    } finally {
      db.close();
    }
  });

  it('renews the access token before it expires, rotating the refresh token', async () => {
    const { accountId } = await connect();
    const before = await storedTokens(accountId);
    t.clock.advance(3_600_000 - 60_000); // within the 15-minute renewal margin
    const test = await t.call('accounts.test', { id: accountId });
    expect(test.outcome).toBe('ok');
    const after = await storedTokens(accountId);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(test.account.tokenExpiresAt).toBe(t.clock.now() + 3_600_000);
    expect(await oidc.userinfoStatus(after?.accessToken ?? '')).toBe(200);
  });

  it('the background pass renews tokens about to expire without anyone asking', async () => {
    t.close();
    t = credentialCore({ keychain: realKeychain(), credentials: { endpoints: { linkedin: oidc.endpoints }, refreshIntervalMs: 50 } });
    partnerId = (await t.call('partners.create', partnerInput)).id;
    await t.call('accounts.apps.save', { network: 'linkedin', clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET });
    const { accountId } = await connect();
    const before = await storedTokens(accountId);
    t.clock.advance(3_600_000 - 10 * 60_000);
    await expect.poll(async () => (await storedTokens(accountId))?.accessToken, { timeout: 5_000 }).not.toBe(before?.accessToken);
    expect((await t.call('accounts.list', {}))[0]?.tokenExpiresAt).toBe(t.clock.now() + 3_600_000);
  });

  it('an expired refresh token makes the account need re-authentication', async () => {
    const { accountId } = await connect();
    oidc.expireRefreshTokens();
    t.clock.advance(3_600_000);
    const test = await t.call('accounts.test', { id: accountId });
    expect(test).toMatchObject({ outcome: 'failed', code: 'reauth_required', messageKey: 'accounts.errors.reauth_required' });
    expect(test.account.status).toBe('needs_reauth');
    expect((await t.call('accounts.list', {}))[0]?.lastErrorCode).toBe('reauth_required');
  });

  it('an invalid refresh token makes the account need re-authentication', async () => {
    const { accountId } = await connect();
    const ref = keychainRef(accountId);
    const tokens = await storedTokens(accountId);
    await keychain.set(ref.service, ref.account, JSON.stringify({ ...tokens, refreshToken: 'not-a-refresh-token' }));
    t.clock.advance(3_600_000);
    const test = await t.call('accounts.test', { id: accountId });
    expect(test).toMatchObject({ outcome: 'failed', code: 'reauth_required' });
    expect(test.account.status).toBe('needs_reauth');
  });

  it('re-authenticating the same member updates the account instead of adding one', async () => {
    const { accountId } = await connect();
    const again = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin', accountId });
    await oidc.signIn(again.authorizationUrl, 'approve');
    const state = await t.call('accounts.awaitOAuth', { flowId: again.flowId, waitMs: 10_000 });
    expect(state).toMatchObject({ status: 'connected', account: { id: accountId } });
    expect(await t.call('accounts.list', {})).toHaveLength(1);
  });

  it('disconnect revokes the tokens at the server and deletes the keychain item', async () => {
    const { accountId } = await connect();
    const tokens = await storedTokens(accountId);
    const ref = keychainRef(accountId);
    expect(await t.call('accounts.disconnect', { id: accountId })).toEqual({ revocation: 'revoked' });
    expect(await oidc.userinfoStatus(tokens?.accessToken ?? '')).toBe(401);
    expect(await keychain.get(ref.service, ref.account)).toBeNull();
    expect(await t.call('accounts.list', {})).toEqual([]);
  });

  it('a redirect with the wrong state is refused: no code exchange, no account', async () => {
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
    const tokensBefore = oidc.count('AccessToken');
    const page = await fetch(`${start.redirectUri}?code=stolen-code&state=forged-state`);
    expect(page.status).toBe(400);
    const state = await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 });
    expect(state).toEqual({
      status: 'failed',
      flowId: start.flowId,
      code: 'oauth_state_mismatch',
      messageKey: 'accounts.errors.oauth_state_mismatch',
    });
    expect(oidc.count('AccessToken')).toBe(tokensBefore);
    expect(await t.call('accounts.list', {})).toEqual([]);
  });

  it('a denied consent ends the flow with oauth_denied and stores nothing', async () => {
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
    const page = await oidc.signIn(start.authorizationUrl, 'deny');
    expect(page.status).toBe(400);
    const state = await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 });
    expect(state).toMatchObject({ status: 'failed', code: 'oauth_denied' });
    expect(await t.call('accounts.list', {})).toEqual([]);
    expect(t.events).toContainEqual({ type: 'accounts.oauthFinished', flowId: start.flowId, status: 'failed', accountId: null, code: 'oauth_denied' });
  });

  it('a wrong client secret is reported as a rejected client', async () => {
    await t.call('accounts.apps.save', { network: 'linkedin', clientId: OIDC_CLIENT_ID, clientSecret: 'not-the-secret' });
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
    await oidc.signIn(start.authorizationUrl, 'approve');
    expect(await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 })).toMatchObject({ status: 'failed', code: 'oauth_client_rejected' });
  });

  it('long-polls as pending, and a flow nobody completes times out and closes its listener', async () => {
    t.close();
    t = credentialCore({ keychain: realKeychain(), credentials: { endpoints: { linkedin: oidc.endpoints }, oauthTimeoutMs: 300 } });
    partnerId = (await t.call('partners.create', partnerInput)).id;
    await t.call('accounts.apps.save', { network: 'linkedin', clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET });
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
    expect(await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 0 })).toEqual({ status: 'pending', flowId: start.flowId, expiresAt: start.expiresAt });
    expect(await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 5_000 })).toMatchObject({ status: 'failed', code: 'oauth_timeout' });
    await expect(fetch(`${start.redirectUri}?code=x&state=y`)).rejects.toThrow();
  });

  it('cancel stops the flow; unknown flows and missing apps are clear errors', async () => {
    const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
    await t.call('accounts.cancelOAuth', { flowId: start.flowId });
    expect(await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 5_000 })).toMatchObject({ status: 'failed', code: 'oauth_cancelled' });
    expect((await t.error('accounts.awaitOAuth', { flowId: crypto.randomUUID() })).messageKey).toBe('accounts.errors.oauth_flow_not_found');
    expect((await t.error('accounts.startOAuth', { partnerId, network: 'x' })).messageKey).toBe('accounts.errors.oauth_app_missing');
  });
});
