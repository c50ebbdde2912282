import type { Account } from '../../../shared/credentials/account';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { writeMastodonCounts } from '../settings/mastodonCounts';
import type { SettingsRepository } from '../settings/repository';
import type { Connectors } from './connectors/registry';

export interface InstanceCountsDeps {
  connectors: Pick<Connectors, 'mastodonLimits'>;
  settings: SettingsRepository;
  events: EventBus;
  log: Logger;
}

/**
 * A Mastodon account just connected or passed its test: the workspace counts posts the way
 * its instance does from now on (FACTS.md: the limit is per instance). An instance that does
 * not answer leaves the figures as they were.
 */
export async function recordInstanceCounts(deps: InstanceCountsDeps, account: Account): Promise<void> {
  if (account.network !== 'mastodon' || account.instanceUrl === null) return;
  const outcome = await deps.connectors.mastodonLimits(account.instanceUrl);
  if (!outcome.ok) {
    const said = 'networkMessage' in outcome.error ? ` ${outcome.error.networkMessage}` : '';
    deps.log.info(`Mastodon limits of ${account.instanceUrl} not read: ${outcome.error.kind}${said}`);
    return;
  }
  writeMastodonCounts(deps.settings, {
    maxCharacters: outcome.value.maxCharacters,
    charactersReservedPerUrl: outcome.value.charactersReservedPerUrl,
    source: 'instance',
    instanceUrl: account.instanceUrl,
  });
  deps.events.emit({ type: 'settings.changed' });
}
