import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SecretServiceKeychain } from '../../../electron/core/credentials/keychain';
import { startBrowserServer } from '../../../electron/server/server';
import { startBlueskyServer } from '../../support/fakes/blueskyServer';
import type { BlueskyServer } from '../../support/fakes/blueskyServer';
import { startImapLoginServer } from '../../support/imapLoginServer';
import type { ImapLoginServer } from '../../support/imapLoginServer';
import { realKeychain, requireSecretService } from '../../support/keyring';
import { startMastodonServer } from '../../support/fakes/mastodonServer';
import type { MastodonServer } from '../../support/fakes/mastodonServer';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, startOidcServer } from '../../support/oidcServer';
import type { OidcServer } from '../../support/oidcServer';
import { startSmtpLoginServer } from '../../support/smtpLoginServer';
import type { SmtpLoginServer } from '../../support/smtpLoginServer';
import { credentialCore, partnerInput } from './harness';

const APP_PASSWORD = 'leak-test-app-pass-1f9e';
const WRONG_APP_PASSWORD = 'leak-test-wrong-pass-77b2';
const MAIL_USER = 'cm@cabinet-arcand.example';
const MAIL_PASSWORD = 'leak-test-mail-password-5c3d';
const WRONG_MAIL_PASSWORD = 'leak-test-wrong-mail-8e0a';

let oidc: OidcServer;
let mastodon: MastodonServer;
let pds: BlueskyServer;
let smtp: SmtpLoginServer;
let imap: ImapLoginServer;

beforeAll(async () => {
  oidc = await startOidcServer();
  mastodon = await startMastodonServer();
  pds = await startBlueskyServer({ appPassword: APP_PASSWORD });
  smtp = await startSmtpLoginServer(MAIL_USER, MAIL_PASSWORD);
  imap = await startImapLoginServer(MAIL_USER, MAIL_PASSWORD);
});
afterAll(async () => {
  await Promise.all([oidc.close(), mastodon.close(), pds.close(), smtp.close(), imap.close()]);
});
beforeEach(() => requireSecretService());

/** Every string in every keychain item core wrote is a secret (or sits beside one). */
async function harvestSecrets(databasePath: string, secrets: Set<string>): Promise<void> {
  const keychain = new SecretServiceKeychain();
  const db = new Database(databasePath, { readonly: true });
  const refs = db
    .prepare(
      `SELECT keychain_service AS service, keychain_account AS account FROM accounts
       UNION ALL SELECT keychain_service, keychain_account FROM oauth_apps
       UNION ALL SELECT keychain_service, keychain_account FROM mail_account`,
    )
    .all() as { service: string; account: string }[];
  db.close();
  // Client ids, handles and DIDs are public (an authorization URL carries the client id).
  const publicKeys = new Set(['kind', 'clientId', 'identifier', 'handle', 'did', 'active']);
  const walk = (value: unknown): void => {
    if (typeof value === 'string') secrets.add(value);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (!publicKeys.has(key)) walk(inner);
    }
  };
  for (const ref of refs) {
    const raw = await keychain.get(ref.service, ref.account);
    if (raw !== null) walk(JSON.parse(raw));
  }
}

describe('no secret leaks', () => {
  it('no secret reaches SQLite (file and WAL), plume.log, a router response or an event', async () => {
    const t = credentialCore({ keychain: realKeychain(), credentials: { endpoints: { linkedin: oidc.endpoints } } });
    const secrets = new Set([APP_PASSWORD, WRONG_APP_PASSWORD, MAIL_PASSWORD, WRONG_MAIL_PASSWORD, OIDC_CLIENT_SECRET]);
    const harvest = () => harvestSecrets(t.core.databasePath, secrets);
    let walBytes = Buffer.alloc(0);
    try {
      const partnerId = (await t.call('partners.create', partnerInput)).id;

      // OAuth (LinkedIn → loopback provider): client secret, access and refresh tokens, a refresh, a forged redirect.
      await t.call('accounts.apps.save', { network: 'linkedin', clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET });
      const start = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
      await oidc.signIn(start.authorizationUrl, 'approve');
      const linkedin = await t.call('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 });
      if (linkedin.status !== 'connected') throw new Error('LinkedIn sign-in failed');
      await harvest();
      t.clock.advance(3_600_000);
      await t.call('accounts.test', { id: linkedin.account.id });
      await harvest();
      const forged = await t.call('accounts.startOAuth', { partnerId, network: 'linkedin' });
      await fetch(`${forged.redirectUri}?code=${OIDC_CLIENT_SECRET}&state=forged`);
      await t.call('accounts.awaitOAuth', { flowId: forged.flowId, waitMs: 10_000 });

      // Mastodon: the app Plume registers (client secret) and its token; then a revoked token.
      const masto = await t.call('accounts.startOAuth', { partnerId, network: 'mastodon', instanceUrl: mastodon.url });
      await fetch(masto.authorizationUrl);
      const mastoState = await t.call('accounts.awaitOAuth', { flowId: masto.flowId, waitMs: 10_000 });
      if (mastoState.status !== 'connected') throw new Error('Mastodon sign-in failed');
      await harvest();
      for (const app of mastodon.apps) secrets.add(app.clientSecret);
      mastodon.revokeAll();
      await t.call('accounts.test', { id: mastoState.account.id });

      // Bluesky: app password, session tokens (rotated by a test), a wrong password.
      await t.raw('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: WRONG_APP_PASSWORD, service: pds.url });
      const bluesky = await t.call('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: APP_PASSWORD, service: pds.url });
      await harvest();
      await t.call('accounts.test', { id: bluesky.id });
      await harvest();

      // Mail: password saved, tested, replaced by a wrong one and tested again.
      const mailSettings = {
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'none' as const },
        imap: { host: '127.0.0.1', port: imap.port, security: 'none' as const },
        username: MAIL_USER,
        fromAddress: MAIL_USER,
      };
      await t.call('mail.save', { ...mailSettings, password: MAIL_PASSWORD });
      await t.call('mail.test', {});
      await t.call('mail.save', { ...mailSettings, password: WRONG_MAIL_PASSWORD });
      await t.call('mail.test', {});
      await harvest();

      // Everything the UI reads, once more.
      await t.call('accounts.list', {});
      await t.call('accounts.apps.list', {});
      await t.call('mail.get', {});
      await t.call('accounts.disconnect', { id: bluesky.id });

      const wal = `${t.core.databasePath}-wal`;
      expect(existsSync(wal)).toBe(true);
      walBytes = readFileSync(wal);
    } finally {
      t.core.close();
    }

    const places: [string, Buffer][] = [
      ['plume.sqlite', readFileSync(t.core.databasePath)],
      ['plume.sqlite-wal', walBytes],
      ['plume.log', readFileSync(t.logFile)],
      ...readdirSync(t.dir)
        .filter((file) => file.startsWith('plume.sqlite'))
        .map((file): [string, Buffer] => [file, readFileSync(join(t.dir, file))]),
      ...t.responses.map((response, i): [string, Buffer] => [`response ${i}`, Buffer.from(response)]),
      ...t.events.map((event, i): [string, Buffer] => [`event ${i}`, Buffer.from(JSON.stringify(event))]),
    ];
    // The search is not vacuous: the log has lines, and there are many responses and secrets.
    expect(readFileSync(t.logFile, 'utf8')).toContain('oauth sign-in on linkedin failed: oauth_state_mismatch');
    expect(t.responses.length).toBeGreaterThan(15);
    expect(secrets.size).toBeGreaterThan(10);
    const hits = [...secrets].flatMap((secret) => places.filter(([, bytes]) => bytes.includes(Buffer.from(secret))).map(([place]) => `${place}: ${secret}`));
    expect(hits).toEqual([]);
    // And the database does hold the references (the secrets are in the keychain, not lost).
    const db = new Database(t.core.databasePath, { readonly: true });
    const refs = z.array(z.object({ keychain_account: z.string() })).parse(db.prepare('SELECT keychain_account FROM accounts').all());
    db.close();
    expect(refs.length).toBe(2);
    t.close();
  });
  it('nor any HTTP response or server-sent event of browser mode (what a browser tab receives)', async () => {
    const t = credentialCore({ keychain: realKeychain(), credentials: { endpoints: { linkedin: oidc.endpoints } } });
    const server = await startBrowserServer({ core: t.core, staticDir: t.dir });
    const origin = `http://127.0.0.1:${server.port}`;
    const events = new AbortController();
    const secrets = new Set([APP_PASSWORD, WRONG_APP_PASSWORD, MAIL_PASSWORD, WRONG_MAIL_PASSWORD, OIDC_CLIENT_SECRET]);
    const bodies: string[] = [];
    let stream = '';
    try {
      // The token in the printed URL, exchanged for the session cookie, as a browser does.
      const login = await fetch(server.url, { redirect: 'manual' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^plume_session=/);
      const sse = await fetch(`${origin}/api/events`, { headers: { Cookie: cookie }, signal: events.signal });
      const reader = sse.body?.getReader();
      if (!reader) throw new Error('no event stream');
      const reading = (async () => {
        const decoder = new TextDecoder();
        for (;;) {
          let chunk: Awaited<ReturnType<typeof reader.read>>;
          try {
            chunk = await reader.read();
          } catch {
            return; // aborted at the end of the test
          }
          if (chunk.done) return;
          if (chunk.value instanceof Uint8Array) stream += decoder.decode(chunk.value, { stream: true });
        }
      })();
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const response = await fetch(`${origin}/api/call/${name}`, {
          method: 'POST',
          headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: origin },
          body: JSON.stringify(input),
        });
        const text = await response.text();
        bodies.push(text);
        return (JSON.parse(text) as { value: T }).value;
      };

      const partnerId = (await call<{ id: string }>('partners.create', partnerInput)).id;
      await call('accounts.apps.save', { network: 'linkedin', clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET });
      const start = await call<{ flowId: string; authorizationUrl: string }>('accounts.startOAuth', { partnerId, network: 'linkedin' });
      await oidc.signIn(start.authorizationUrl, 'approve');
      const linkedin = await call<{ status: string; account: { id: string } }>('accounts.awaitOAuth', { flowId: start.flowId, waitMs: 10_000 });
      expect(linkedin.status).toBe('connected');
      await harvestSecrets(t.core.databasePath, secrets);
      t.clock.advance(3_600_000);
      await call('accounts.test', { id: linkedin.account.id });

      await call('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: WRONG_APP_PASSWORD, service: pds.url });
      const bluesky = await call<{ id: string }>('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: APP_PASSWORD, service: pds.url });
      await call('accounts.test', { id: bluesky.id });
      await harvestSecrets(t.core.databasePath, secrets);

      const mailSettings = {
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'none' },
        imap: { host: '127.0.0.1', port: imap.port, security: 'none' },
        username: MAIL_USER,
        fromAddress: MAIL_USER,
      };
      await call('mail.save', { ...mailSettings, password: WRONG_MAIL_PASSWORD });
      await call('mail.test', {});
      await call('mail.save', { ...mailSettings, password: MAIL_PASSWORD });
      await call('mail.test', {});
      await harvestSecrets(t.core.databasePath, secrets);

      for (const name of ['accounts.list', 'accounts.apps.list', 'mail.get', 'accounts.keychain']) await call(name, {});
      await call('accounts.avatar', { id: bluesky.id });
      await call('accounts.disconnect', { id: bluesky.id });
      await call('accounts.disconnect', { id: linkedin.account.id });
      await expect.poll(() => stream.split('accounts.changed').length).toBeGreaterThan(8);
      events.abort();
      await reading;
    } finally {
      events.abort();
      await server.close();
      t.close();
    }

    // Not vacuous: many answers and events, the tokens core held are among the secrets searched.
    expect(bodies.length).toBeGreaterThan(18);
    expect(secrets.size).toBeGreaterThan(8);
    const places: [string, string][] = [...bodies.map((body, i): [string, string] => [`HTTP response ${i}`, body]), ['event stream', stream]];
    const hits = [...secrets].flatMap((secret) => places.filter(([, text]) => text.includes(secret)).map(([place]) => `${place}: ${secret}`));
    expect(hits).toEqual([]);
  });
});
