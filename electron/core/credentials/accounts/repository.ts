import type { Database, Statement } from 'better-sqlite3';
import type { Account, AccountStatus } from '../../../../shared/credentials/account';
import { CredentialErrorCode } from '../../../../shared/credentials/errors';
import type { Network } from '../../../../shared/posts/networks';
import type { KeychainRef } from '../secrets';

interface AccountRow {
  id: string;
  partner_id: string;
  network: Network;
  external_id: string;
  handle: string;
  display: string;
  avatar_url: string | null;
  instance_url: string | null;
  status: AccountStatus;
  last_error: string | null;
  keychain_service: string;
  keychain_account: string;
  token_expires_at: number | null;
  refreshable: number;
  granted_scopes: string | null;
  last_tested_at: number | null;
  created_at: number;
  updated_at: number;
}

/** An account as core sees it: the UI's view plus what only core needs (the keychain reference). */
export interface AccountRecord {
  account: Account;
  externalId: string;
  keychain: KeychainRef;
  refreshable: boolean;
  /** The OAuth scopes the network said it granted; null when it did not say. */
  grantedScopes: string[] | null;
}

const toRecord = (row: AccountRow): AccountRecord => {
  const lastError = CredentialErrorCode.safeParse(row.last_error);
  return {
    account: {
      id: row.id,
      partnerId: row.partner_id,
      network: row.network,
      handle: row.handle,
      displayName: row.display,
      avatarUrl: row.avatar_url,
      instanceUrl: row.instance_url,
      status: row.status,
      lastErrorCode: lastError.success ? lastError.data : null,
      tokenExpiresAt: row.token_expires_at,
      lastTestedAt: row.last_tested_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    externalId: row.external_id,
    keychain: { service: row.keychain_service, account: row.keychain_account },
    refreshable: row.refreshable === 1,
    grantedScopes: row.granted_scopes === null ? null : row.granted_scopes.split(' ').filter((scope) => scope !== ''),
  };
};

export interface NewAccount {
  id: string;
  partnerId: string;
  network: Network;
  externalId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  instanceUrl: string | null;
  status: AccountStatus;
  keychain: KeychainRef;
  tokenExpiresAt: number | null;
  refreshable: boolean;
}

export interface IdentityFields {
  externalId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
}

/** The only code that reads or writes the accounts table and the keychain orphan queue. */
export class AccountRepository {
  private readonly byId: Statement<[string], AccountRow>;
  private readonly all: Statement<[], AccountRow>;
  private readonly byPartner: Statement<[string], AccountRow>;

  constructor(private readonly db: Database) {
    this.byId = db.prepare('SELECT * FROM accounts WHERE id = ?');
    this.all = db.prepare('SELECT * FROM accounts ORDER BY partner_id, network, handle COLLATE NOCASE');
    this.byPartner = db.prepare('SELECT * FROM accounts WHERE partner_id = ? ORDER BY network, handle COLLATE NOCASE');
  }

  get(id: string): AccountRecord | null {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  list(partnerId?: string): AccountRecord[] {
    return (partnerId === undefined ? this.all.all() : this.byPartner.all(partnerId)).map(toRecord);
  }

  findByIdentity(partnerId: string, network: Network, externalId: string): AccountRecord | null {
    const row = this.db
      .prepare<[string, string, string], AccountRow>('SELECT * FROM accounts WHERE partner_id = ? AND network = ? AND external_id = ?')
      .get(partnerId, network, externalId);
    return row ? toRecord(row) : null;
  }

  insert(account: NewAccount, now: number): void {
    this.db
      .prepare(
        `INSERT INTO accounts (id, partner_id, network, external_id, handle, display, avatar_url, instance_url, status,
           keychain_service, keychain_account, token_expires_at, refreshable, last_tested_at, created_at, updated_at)
         VALUES (@id, @partnerId, @network, @externalId, @handle, @displayName, @avatarUrl, @instanceUrl, @status,
           @service, @account, @tokenExpiresAt, @refreshable, @testedAt, @now, @now)`,
      )
      .run({
        ...account,
        service: account.keychain.service,
        account: account.keychain.account,
        refreshable: account.refreshable ? 1 : 0,
        testedAt: account.status === 'connected' ? now : null,
        now,
      });
  }

  /** After a successful sign-in or test: who the account is, and that it works. */
  markConnected(id: string, identity: IdentityFields, now: number): void {
    this.db
      .prepare(
        `UPDATE accounts SET external_id = @externalId, handle = @handle, display = @displayName, avatar_url = @avatarUrl,
           status = 'connected', last_error = NULL, last_tested_at = @now, updated_at = @now
         WHERE id = @id`,
      )
      .run({ id, ...identity, now });
  }

  /** After a sign-in or refresh: the new tokens' lifetime (the tokens themselves are in the keychain). */
  setGrantedScopes(id: string, scopes: readonly string[] | null, now: number): void {
    this.db.prepare('UPDATE accounts SET granted_scopes = ?, updated_at = ? WHERE id = ?').run(scopes === null ? null : scopes.join(' '), now, id);
  }

  setTokenLifetime(id: string, expiresAt: number | null, refreshable: boolean, now: number): void {
    this.db
      .prepare('UPDATE accounts SET token_expires_at = ?, refreshable = ?, updated_at = ? WHERE id = ?')
      .run(expiresAt, refreshable ? 1 : 0, now, id);
  }

  setInstanceUrl(id: string, instanceUrl: string | null, now: number): void {
    this.db.prepare('UPDATE accounts SET instance_url = ?, updated_at = ? WHERE id = ?').run(instanceUrl, now, id);
  }

  setStatus(id: string, status: AccountStatus, error: CredentialErrorCode | null, now: number, tested: boolean): void {
    this.db
      .prepare(
        `UPDATE accounts SET status = ?, last_error = ?, updated_at = ?,
           last_tested_at = CASE WHEN ? THEN ? ELSE last_tested_at END
         WHERE id = ?`,
      )
      .run(status, error, now, tested ? 1 : 0, now, id);
  }

  /** Accounts whose access token expires before `before` and that core may renew alone. */
  refreshDue(before: number): AccountRecord[] {
    return this.db
      .prepare<[number], AccountRow>(
        `SELECT * FROM accounts WHERE refreshable = 1 AND token_expires_at IS NOT NULL AND token_expires_at <= ?
           AND status IN ('connected', 'untested')`,
      )
      .all(before)
      .map(toRecord);
  }

  /** Deletes the row; its keychain item was deleted just before, so it is not queued as an orphan. */
  delete(id: string): void {
    const record = this.get(id);
    if (!record) return;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
      this.forgetOrphan(record.keychain);
    })();
  }

  /** Keychain items left behind by rows deleted in a cascade (a partner removed). */
  orphans(): KeychainRef[] {
    return this.db
      .prepare<[], { keychain_service: string; keychain_account: string }>('SELECT keychain_service, keychain_account FROM keychain_orphans')
      .all()
      .map((row) => ({ service: row.keychain_service, account: row.keychain_account }));
  }

  forgetOrphan(ref: KeychainRef): void {
    this.db.prepare('DELETE FROM keychain_orphans WHERE keychain_service = ? AND keychain_account = ?').run(ref.service, ref.account);
  }
}
