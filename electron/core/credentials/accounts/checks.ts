import type { Account, AccountStatus, ConnectionTest } from '../../../../shared/credentials/account';
import { credentialMessageKey } from '../../../../shared/credentials/errors';
import type { CredentialErrorCode } from '../../../../shared/credentials/errors';
import { isAppNetwork } from '../../../../shared/credentials/networks';
import type { Clock } from '../../clock';
import type { EventBus } from '../../events';
import type { Logger } from '../../log';
import { CredentialFailure, failureCode } from '../failure';
import { refreshTokens } from '../oauth/tokens';
import { AccountSecret, BlueskySecret, OAuthSecret } from '../secretBundles';
import type { SecretStore } from '../secrets';
import { blueskyCheck } from '../whoami/bluesky';
import type { Identity } from '../whoami/identity';
import { oauthWhoami } from '../whoami/oauthWhoami';
import type { AccountRecord, AccountRepository } from './repository';
import type { OAuthTargets } from './targets';

/** What a refused credential means for the account's status; null = keep the status. */
export function statusAfter(code: CredentialErrorCode): AccountStatus | null {
  switch (code) {
    case 'token_revoked':
    case 'wrong_password':
    case 'reauth_required':
    case 'secret_missing':
    case 'oauth_client_rejected':
      return 'needs_reauth';
    case 'token_expired':
      return 'expired';
    default:
      return null;
  }
}

/**
 * Keeps accounts usable: renews tokens before they expire (one renewal at a time per account,
 * since refresh tokens rotate) and runs "Test connection" against the network's who-am-I.
 */
export class AccountChecks {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly accounts: AccountRepository,
    private readonly targets: OAuthTargets,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly log: Logger,
    private readonly marginMs: number,
    private readonly blueskyService: string,
    /** Told of an account that just passed its test (never throws: the caller's wiring catches). */
    private readonly onVerified: (account: Account) => Promise<void> = () => Promise.resolve(),
  ) {}

  async test(record: AccountRecord): Promise<ConnectionTest> {
    const { id } = record.account;
    try {
      const identity = await this.identify(record);
      this.accounts.markConnected(id, identity, this.clock.now());
      this.events.emit({ type: 'accounts.changed', partnerId: record.account.partnerId });
      const account = this.current(id);
      await this.onVerified(account);
      return { outcome: 'ok', account };
    } catch (error) {
      const code = failureCode(error);
      if (code === 'keychain_unavailable') throw error;
      if (code === 'network_unreachable') return { outcome: 'offline', account: this.current(id) };
      this.recordFailure(record, code);
      return { outcome: 'failed', code, messageKey: credentialMessageKey(code), account: this.current(id) };
    }
  }

  /** A usable access token for an OAuth account, renewed first if it is about to expire. */
  async accessToken(record: AccountRecord): Promise<string> {
    const secret = await this.secrets.require(record.keychain, AccountSecret);
    if (secret.kind !== 'oauth') throw new CredentialFailure('unexpected_response');
    return (await this.fresh(record, secret)).accessToken;
  }

  /**
   * For publishing after a 401: the token renewed now, whatever its recorded lifetime says
   * (the network refused it). Not refreshable: `token_revoked`, only the user can sign in again.
   */
  async renewedAccessToken(record: AccountRecord): Promise<string> {
    const secret = await this.secrets.require(record.keychain, AccountSecret);
    if (secret.kind !== 'oauth') throw new CredentialFailure('unexpected_response');
    if (!record.refreshable || secret.refreshToken === undefined) throw new CredentialFailure('token_revoked');
    return (await this.fresh(record, secret, true)).accessToken;
  }

  /** The timer's pass: renew every token that expires within the margin. Never throws. */
  async refreshDue(): Promise<void> {
    const now = this.clock.now();
    for (const record of this.accounts.refreshDue(now + this.marginMs)) {
      try {
        await this.accessToken(record);
      } catch (error) {
        const code = failureCode(error);
        this.log.info(`token renewal for account ${record.account.id} did not happen: ${code}`);
        if (code !== 'keychain_unavailable' && code !== 'network_unreachable') this.recordFailure(record, code);
      }
    }
  }

  private current(id: string) {
    const record = this.accounts.get(id);
    if (!record) throw new CredentialFailure('account_not_found');
    return record.account;
  }

  private recordFailure(record: AccountRecord, code: CredentialErrorCode): void {
    this.accounts.setStatus(record.account.id, statusAfter(code) ?? record.account.status, code, this.clock.now(), true);
    this.events.emit({ type: 'accounts.changed', partnerId: record.account.partnerId });
  }

  private async identify(record: AccountRecord): Promise<Identity> {
    if (record.account.network === 'bluesky') {
      const secret = await this.secrets.require(record.keychain, BlueskySecret);
      const service = record.account.instanceUrl ?? this.blueskyService;
      const checked = await blueskyCheck(service, secret);
      // The session rotates on every refresh: keep the new one.
      await this.secrets.write(record.keychain, AccountSecret, { ...secret, session: checked.session });
      return checked.identity;
    }
    const secret = await this.secrets.require(record.keychain, OAuthSecret);
    const fresh = await this.fresh(record, secret);
    return oauthWhoami(this.oauthNetwork(record), this.targets.endpointsForAccount(record), fresh.accessToken);
  }

  private oauthNetwork(record: AccountRecord) {
    const { network } = record.account;
    if (network === 'mastodon' || isAppNetwork(network)) return network;
    throw new CredentialFailure('unexpected_response');
  }

  /** The stored tokens, renewed first when they expire within the margin. */
  private async fresh(record: AccountRecord, secret: OAuthSecret, force = false): Promise<OAuthSecret> {
    const expiresAt = record.account.tokenExpiresAt;
    const now = this.clock.now();
    if (!force) {
      if (expiresAt === null || expiresAt - this.marginMs > now) return secret;
      if (!record.refreshable) {
        if (expiresAt <= now) throw new CredentialFailure('token_expired');
        return secret;
      }
    }
    return this.serialised(record.account.id, async () => {
      // Another renewal may have finished while this one waited.
      const latest = this.accounts.get(record.account.id);
      if (!latest) throw new CredentialFailure('account_not_found');
      const current = await this.secrets.require(latest.keychain, OAuthSecret);
      const at = this.clock.now();
      if (!force && latest.account.tokenExpiresAt !== null && latest.account.tokenExpiresAt - this.marginMs > at) return current;
      const target = await this.targets.forAccount(latest, current);
      const tokens = await refreshTokens(target, current, at);
      const renewed: OAuthSecret = {
        ...current,
        accessToken: tokens.accessToken,
        ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
      };
      await this.secrets.write(latest.keychain, AccountSecret, renewed);
      this.accounts.setTokenLifetime(latest.account.id, tokens.expiresAt, tokens.refreshable, at);
      if (tokens.scopes !== undefined) this.accounts.setGrantedScopes(latest.account.id, tokens.scopes, at);
      this.events.emit({ type: 'accounts.changed', partnerId: latest.account.partnerId });
      return renewed;
    });
  }

  private async serialised<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.locks.set(id, next);
    try {
      return await next;
    } finally {
      if (this.locks.get(id) === next) this.locks.delete(id);
    }
  }
}
