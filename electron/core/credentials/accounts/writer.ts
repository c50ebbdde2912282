import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Account } from '../../../../shared/credentials/account';
import type { Network } from '../../../../shared/posts/networks';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import { AccountSecret } from '../secretBundles';
import { newKeychainRef } from '../secrets';
import type { SecretStore } from '../secrets';
import type { Identity } from '../whoami/identity';
import type { AccountRecord, AccountRepository } from './repository';

export interface Connection {
  partnerId: string;
  network: Network;
  /** Re-authentication of this account, if any. */
  existing: AccountRecord | null;
  /** null when the network could not be reached to say who the account is (status untested). */
  identity: Identity | null;
  secret: AccountSecret;
  instanceUrl: string | null;
  expiresAt: number | null;
  refreshable: boolean;
  /** The scopes the token endpoint said it granted; absent when it did not say. */
  grantedScopes?: readonly string[];
}

/**
 * Stores a new or renewed connection: the secret into the keychain first (if that fails,
 * nothing is stored anywhere), then the row with the keychain reference.
 */
export class AccountWriter {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountRepository,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  async save(connection: Connection): Promise<Account> {
    const existing =
      connection.existing ??
      (connection.identity ? this.accounts.findByIdentity(connection.partnerId, connection.network, connection.identity.externalId) : null);
    const keychain = existing?.keychain ?? newKeychainRef('account', connection.network);
    await this.secrets.write(keychain, AccountSecret, connection.secret);
    const now = this.clock.now();
    const id = existing?.account.id ?? randomUUID();
    try {
      this.db.transaction(() => {
        const scopes = connection.grantedScopes ?? null;
        if (!existing) {
          this.accounts.insert(
            {
              id,
              partnerId: connection.partnerId,
              network: connection.network,
              externalId: connection.identity?.externalId ?? '',
              handle: connection.identity?.handle ?? '',
              displayName: connection.identity?.displayName ?? '',
              avatarUrl: connection.identity?.avatarUrl ?? null,
              instanceUrl: connection.instanceUrl,
              status: connection.identity ? 'connected' : 'untested',
              keychain,
              tokenExpiresAt: connection.expiresAt,
              refreshable: connection.refreshable,
            },
            now,
          );
          this.accounts.setGrantedScopes(id, scopes, now);
          return;
        }
        this.accounts.setGrantedScopes(id, scopes, now);
        this.accounts.setTokenLifetime(id, connection.expiresAt, connection.refreshable, now);
        this.accounts.setInstanceUrl(id, connection.instanceUrl, now);
        if (connection.identity) this.accounts.markConnected(id, connection.identity, now);
        else this.accounts.setStatus(id, 'untested', null, now, false);
      })();
    } catch (error) {
      // The row did not make it: do not leave a secret nobody references.
      if (!existing) await this.secrets.remove(keychain).catch(() => false);
      throw error;
    }
    this.events.emit({ type: 'accounts.changed', partnerId: connection.partnerId });
    const saved = this.accounts.get(id);
    if (!saved) throw new Error('Account vanished after saving');
    return saved.account;
  }
}
