import type { Account, ConnectionTest, Revocation } from '../../../../shared/credentials/account';
import type { BlueskyConnectFields } from '../../../../shared/credentials/connect';
import type { CredentialErrorCode } from '../../../../shared/credentials/errors';
import type { Clock } from '../../clock';
import { notFound } from '../../errors';
import type { EventBus } from '../../events';
import type { Logger } from '../../log';
import type { PartnerRepository } from '../../partners/repository';
import { CredentialFailure, failureCode } from '../failure';
import { KeychainUnavailableError } from '../keychain';
import { revokeTokens } from '../oauth/revoke';
import { AccountSecret, BlueskySecret } from '../secretBundles';
import type { BlueskySession } from '../secretBundles';
import type { SecretStore } from '../secrets';
import { blueskyLogin, blueskyLogout } from '../whoami/bluesky';
import { statusAfter } from './checks';
import type { AccountChecks } from './checks';
import type { AccountRecord, AccountRepository } from './repository';
import type { OAuthTargets } from './targets';
import type { AccountWriter } from './writer';

export type PublishingSecret = { kind: 'oauth'; accessToken: string } | BlueskySecret;

/** Network accounts: list, connect Bluesky, test, disconnect, and upkeep of the keychain. */
export class AccountService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly accounts: AccountRepository,
    private readonly writer: AccountWriter,
    private readonly checks: AccountChecks,
    private readonly targets: OAuthTargets,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly log: Logger,
    private readonly blueskyService: string,
  ) {}

  /** Reads the database only: works with the keychain locked. */
  list(partnerId?: string): Account[] {
    const now = this.clock.now();
    return this.accounts.list(partnerId).map(({ account, refreshable }) =>
      // A token past its lifetime that core cannot renew is expired, whatever was last seen.
      account.status === 'connected' && !refreshable && account.tokenExpiresAt !== null && account.tokenExpiresAt <= now
        ? { ...account, status: 'expired' as const }
        : account,
    );
  }

  get(id: string): Account {
    return this.record(id).account;
  }

  /** Whether the keychain answers now (an unlock prompt may be shown); false when locked or absent. */
  async keychainAvailable(): Promise<boolean> {
    try {
      await this.secrets.probe();
      return true;
    } catch (error) {
      if (error instanceof KeychainUnavailableError) return false;
      throw error;
    }
  }

  async connectBluesky(input: BlueskyConnectFields): Promise<Account> {
    if (!this.partners.get(input.partnerId)) throw notFound('partner', input.partnerId);
    const existing = input.accountId === undefined ? null : this.accounts.get(input.accountId);
    if (input.accountId !== undefined && (existing?.account.partnerId !== input.partnerId || existing.account.network !== 'bluesky')) {
      throw new CredentialFailure('account_not_found');
    }
    await this.secrets.probe();
    const service = input.service ?? existing?.account.instanceUrl ?? this.blueskyService;
    const checked = await blueskyLogin(service, input.identifier, input.appPassword);
    try {
      return await this.writer.save({
        partnerId: input.partnerId,
        network: 'bluesky',
        existing,
        identity: checked.identity,
        secret: { kind: 'bluesky', identifier: input.identifier, appPassword: input.appPassword, session: checked.session },
        instanceUrl: new URL(service).origin,
        expiresAt: null,
        refreshable: true,
      });
    } catch (error) {
      // The session we cannot keep should not stay open on the server.
      await blueskyLogout(service, checked.session).catch(() => undefined);
      throw error;
    }
  }

  async test(id: string): Promise<ConnectionTest> {
    return this.checks.test(this.record(id));
  }

  /** For features that publish later: a fresh access token, never sent to the UI. */
  async accessToken(id: string): Promise<string> {
    return this.checks.accessToken(this.record(id));
  }

  /**
   * For publishing (core only, never the UI): what a connector needs to act as this account.
   * OAuth: an access token, renewed first when about to expire, or renewed now when `renew`
   * (the network answered 401). Bluesky: the app password and the current session.
   */
  async publishingCredentials(id: string, renew = false): Promise<{ account: Account; externalId: string; secret: PublishingSecret }> {
    const record = this.record(id);
    const secret = await this.secrets.require(record.keychain, AccountSecret);
    if (secret.kind === 'bluesky') return { account: record.account, externalId: record.externalId, secret };
    const accessToken = renew ? await this.checks.renewedAccessToken(record) : await this.checks.accessToken(record);
    return { account: record.account, externalId: record.externalId, secret: { kind: 'oauth', accessToken } };
  }

  /**
   * The network refused the account's credential outside a connection test (a revoked token
   * met while reading figures): the account is flagged as the test would flag it.
   */
  flagRefused(id: string, code: CredentialErrorCode): void {
    const record = this.accounts.get(id);
    if (!record) return;
    this.accounts.setStatus(id, statusAfter(code) ?? record.account.status, code, this.clock.now(), true);
    this.events.emit({ type: 'accounts.changed', partnerId: record.account.partnerId });
  }

  /** The OAuth scopes the network granted the account; null when it did not say (or no such account). */
  grantedScopes(id: string): string[] | null {
    return this.accounts.get(id)?.grantedScopes ?? null;
  }

  /** The network refused what a scope allows (LinkedIn's 403 once the member revoked it): stop asking. */
  withdrawScope(id: string, scope: string): void {
    const record = this.accounts.get(id);
    if (!record || record.grantedScopes === null) return;
    this.accounts.setGrantedScopes(id, record.grantedScopes.filter((granted) => granted !== scope), this.clock.now());
    this.events.emit({ type: 'accounts.changed', partnerId: record.account.partnerId });
  }

  /** Keeps the Bluesky session a connector refreshed (sessions rotate on every refresh). */
  async keepBlueskySession(id: string, session: BlueskySession): Promise<void> {
    const record = this.record(id);
    const secret = await this.secrets.require(record.keychain, BlueskySecret);
    await this.secrets.write(record.keychain, AccountSecret, { ...secret, session });
  }

  refreshDue(): Promise<void> {
    return this.checks.refreshDue();
  }

  /**
   * Revokes on the network where it can, then deletes the keychain item and the row. With the
   * keychain unavailable nothing is deleted (the error says so) so no secret is left unreachable.
   */
  async disconnect(id: string): Promise<Revocation> {
    const record = this.record(id);
    const secret = await this.secrets.read(record.keychain, AccountSecret);
    const revocation = secret === null ? 'not_supported' : await this.revoke(record, secret);
    await this.secrets.remove(record.keychain);
    this.accounts.delete(id);
    this.events.emit({ type: 'accounts.changed', partnerId: record.account.partnerId });
    return revocation;
  }

  /** Deletes keychain items whose rows went with a deleted partner; retried at each start. */
  async purgeOrphans(): Promise<void> {
    for (const ref of this.accounts.orphans()) {
      try {
        await this.secrets.remove(ref);
        this.accounts.forgetOrphan(ref);
      } catch (error) {
        this.log.info(`keychain clean-up postponed: ${failureCode(error)}`);
        return;
      }
    }
  }

  private record(id: string): AccountRecord {
    const record = this.accounts.get(id);
    if (!record) throw new CredentialFailure('account_not_found');
    return record;
  }

  private async revoke(record: AccountRecord, secret: AccountSecret): Promise<Revocation> {
    if (secret.kind === 'bluesky') {
      return blueskyLogout(record.account.instanceUrl ?? this.blueskyService, secret.session);
    }
    try {
      return await revokeTokens(await this.targets.forAccount(record, secret), secret);
    } catch (error) {
      const code = failureCode(error);
      if (code === 'keychain_unavailable') throw error;
      return code === 'network_unreachable' ? 'offline' : 'failed';
    }
  }
}
