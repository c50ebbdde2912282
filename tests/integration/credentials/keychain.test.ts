import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PINNED_STORE, SecretServiceKeychain } from '../../../electron/core/credentials/keychain';
import { startBlueskyServer } from '../../support/fakes/blueskyServer';
import type { BlueskyServer } from '../../support/fakes/blueskyServer';
import { realKeychain, requireSecretService } from '../../support/keyring';
import { tempDir } from '../../support/tempDir';
import { credentialCore, partnerInput } from './harness';

const SERVICE = `Plume-test-${randomUUID()}`;

describe('the OS keychain: the real Secret Service (gnome-keyring in a private D-Bus session)', () => {
  let keychain: SecretServiceKeychain;
  beforeEach(() => {
    // Outside scripts/keyring-session.sh this throws in every test: they fail loudly, never skip.
    keychain = realKeychain();
  });

  it('stores, reads, rotates and deletes a secret', async () => {
    expect(await keychain.get(SERVICE, 'token')).toBeNull();
    await keychain.set(SERVICE, 'token', 'first-secret-value');
    expect(await keychain.get(SERVICE, 'token')).toBe('first-secret-value');
    await keychain.set(SERVICE, 'token', 'rotated-secret-value');
    expect(await keychain.get(SERVICE, 'token')).toBe('rotated-secret-value');
    expect(await keychain.delete(SERVICE, 'token')).toBe(true);
    expect(await keychain.get(SERVICE, 'token')).toBeNull();
    expect(await keychain.delete(SERVICE, 'token')).toBe(false);
  });

  it('keeps items apart by service and account, and survives a new keychain object (it is the store, not memory)', async () => {
    await keychain.set(SERVICE, 'a', 'secret-a');
    await keychain.set(SERVICE, 'b', 'secret-b');
    await keychain.set(`${SERVICE}-other`, 'a', 'secret-other');
    const fresh = new SecretServiceKeychain();
    expect(await fresh.get(SERVICE, 'a')).toBe('secret-a');
    expect(await fresh.get(SERVICE, 'b')).toBe('secret-b');
    expect(await fresh.get(`${SERVICE}-other`, 'a')).toBe('secret-other');
    for (const [service, account] of [[SERVICE, 'a'], [SERVICE, 'b'], [`${SERVICE}-other`, 'a']] as const) await fresh.delete(service, account);
  });

  it('is pinned to the Secret Service: secrets land, encrypted, in the gnome-keyring collection on disk', async () => {
    expect(PINNED_STORE).toEqual({ linux: { store: 'secret-service' } });
    const dataHome = process.env.XDG_DATA_HOME;
    if (dataHome === undefined) throw new Error('XDG_DATA_HOME is set by scripts/keyring-session.sh');
    const collection = join(dataHome, 'keyrings', 'login.keyring');
    expect(existsSync(collection)).toBe(true);
    const before = readFileSync(collection);
    const secret = `disk-check-${randomUUID()}`;
    await keychain.set(SERVICE, 'disk', secret);
    const after = readFileSync(collection);
    expect(after.equals(before)).toBe(false);
    expect(after.includes(Buffer.from(secret))).toBe(false);
    await keychain.delete(SERVICE, 'disk');
  });
});

describe('accounts and the keychain', () => {
  let pds: BlueskyServer;
  beforeAll(async () => {
    pds = await startBlueskyServer({ appPassword: 'abcd-efgh-ijkl-mnop' });
  });
  afterAll(() => pds.close());
  beforeEach(() => requireSecretService());

  const refOf = (databasePath: string, id: string) => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return z
        .object({ service: z.string(), account: z.string() })
        .parse(db.prepare('SELECT keychain_service AS service, keychain_account AS account FROM accounts WHERE id = ?').get(id));
    } finally {
      db.close();
    }
  };

  it('core reports the keychain available (the probe reads no secret and writes nothing)', async () => {
    const t = credentialCore({ keychain: realKeychain() });
    try {
      expect(await t.call('accounts.keychain', {})).toEqual({ available: true });
      expect(await new SecretServiceKeychain().get('Plume', 'availability-probe')).toBeNull();
      const error = await t.error('accounts.avatar', { id: randomUUID() });
      expect(error.messageKey).toBe('accounts.errors.account_not_found');
    } finally {
      t.close();
    }
  });

  it('an account whose keychain item disappeared needs re-authentication (secret_missing)', async () => {
    const t = credentialCore({ keychain: realKeychain() });
    try {
      const partnerId = (await t.call('partners.create', partnerInput)).id;
      const account = await t.call('accounts.connectBluesky', { partnerId, identifier: pds.handle, appPassword: 'abcd-efgh-ijkl-mnop', service: pds.url });
      const ref = refOf(t.core.databasePath, account.id);
      expect(ref.service).toBe('Plume');
      await new SecretServiceKeychain().delete(ref.service, ref.account);
      const test = await t.call('accounts.test', { id: account.id });
      expect(test).toMatchObject({ outcome: 'failed', code: 'secret_missing', account: { status: 'needs_reauth' } });
    } finally {
      t.close();
    }
  });

  it('accounts removed with their partner leave no keychain item behind (cleaned at the next start)', async () => {
    const temp = tempDir('plume-credentials-');
    const dir = temp.path;
    const t = credentialCore({ keychain: realKeychain(), dir });
    await t.call('workspace.loadExample', {});
    const example = (await t.call('partners.list', {})).find((partner) => partner.isExample);
    if (!example) throw new Error('the example workspace has partners');
    const account = await t.call('accounts.connectBluesky', { partnerId: example.id, identifier: pds.handle, appPassword: 'abcd-efgh-ijkl-mnop', service: pds.url });
    const ref = refOf(t.core.databasePath, account.id);
    await t.call('workspace.removeExample', {});
    expect(await t.call('accounts.list', {})).toEqual([]);
    t.close();

    const reopened = credentialCore({ keychain: realKeychain(), dir });
    try {
      await expect.poll(() => new SecretServiceKeychain().get(ref.service, ref.account)).toBeNull();
      const db = new Database(reopened.core.databasePath, { readonly: true });
      await expect.poll(() => (db.prepare('SELECT count(*) AS n FROM keychain_orphans').get() as { n: number }).n).toBe(0);
      db.close();
    } finally {
      reopened.close();
      temp.remove();
    }
  });
});
