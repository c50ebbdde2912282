import type { Database } from 'better-sqlite3';
import type { Account } from '../../../shared/credentials/account';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { PartnerRepository } from '../partners/repository';
import { AvatarCache } from './accounts/avatars';
import { AccountChecks } from './accounts/checks';
import { accountHandlers } from './accounts/handlers';
import { OAuthConnect } from './accounts/oauthConnect';
import { AccountRepository } from './accounts/repository';
import { AccountService } from './accounts/service';
import { OAuthTargets } from './accounts/targets';
import { AccountWriter } from './accounts/writer';
import { AppRepository } from './apps/repository';
import { AppService } from './apps/service';
import type { Keychain } from './keychain';
import { mailHandlers } from './mail/handlers';
import { MailRepository } from './mail/repository';
import { MailService } from './mail/service';
import { OAuthFlows } from './oauth/flows';
import { credentialDefaults } from './options';
import type { CredentialsOptions } from './options';
import { SecretStore } from './secrets';

export interface CredentialsDeps {
  db: Database;
  partners: PartnerRepository;
  keychain: Keychain;
  clock: Clock;
  events: EventBus;
  log: Logger;
  options: CredentialsOptions;
  /** An account was connected or passed "Test connection" (Mastodon: read the instance's limits). */
  onAccountVerified?: (account: Account) => Promise<void>;
  /** Whether the machine is online (the outbox's connectivity); absent: assumed online. */
  online?: () => boolean;
}

/**
 * The credentials feature, wired: accounts, OAuth apps, mail. Nothing here touches the
 * keychain at start-up except the background orphan clean-up, so core starts without one.
 */
export function createCredentials(deps: CredentialsDeps) {
  const { db, clock, events, log } = deps;
  const settings = { ...credentialDefaults, ...deps.options };
  const secrets = new SecretStore(deps.keychain);
  const accountRepo = new AccountRepository(db);
  const apps = new AppService(new AppRepository(db), secrets, clock, events);
  const targets = new OAuthTargets(apps, deps.options.endpoints ?? {});
  const writer = new AccountWriter(db, accountRepo, secrets, clock, events);
  // What follows a verified account is a bonus: its failure never fails the connection.
  const verified = async (account: Account): Promise<void> => {
    try {
      await deps.onAccountVerified?.(account);
    } catch (error) {
      log.error(`after verifying account ${account.id}`, error);
    }
  };
  const checks = new AccountChecks(accountRepo, targets, secrets, clock, events, log, settings.refreshMarginMs, settings.blueskyService, verified);
  const accounts = new AccountService(deps.partners, accountRepo, writer, checks, targets, secrets, clock, events, log, settings.blueskyService);
  const flows = new OAuthFlows((flowId, outcome) => {
    events.emit({
      type: 'accounts.oauthFinished',
      flowId,
      status: outcome.status,
      accountId: outcome.status === 'connected' ? outcome.account.id : null,
      code: outcome.status === 'failed' ? outcome.code : null,
    });
    if (outcome.status === 'connected') void verified(outcome.account);
  });
  const oauth = new OAuthConnect(deps.partners, accountRepo, targets, writer, secrets, flows, clock, log, settings.oauthTimeoutMs);
  const mail = new MailService(new MailRepository(db), secrets, clock, events, deps.online);

  // Background upkeep never rejects into the void (core may be closing meanwhile).
  accounts.purgeOrphans().catch(() => undefined);
  const timer =
    settings.refreshIntervalMs > 0 ? setInterval(() => void accounts.refreshDue().catch(() => undefined), settings.refreshIntervalMs) : null;
  timer?.unref();

  return {
    accounts,
    mail,
    handlers: { accounts: accountHandlers(accounts, oauth, apps, new AvatarCache(), log), mail: mailHandlers(mail, log) },
    close: () => {
      if (timer) clearInterval(timer);
      flows.closeAll();
    },
  };
}
