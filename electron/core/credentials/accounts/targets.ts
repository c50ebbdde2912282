import type { AppNetwork } from '../../../../shared/credentials/networks';
import { POST_ANALYTICS_SCOPE } from '../../../../shared/engagement/linkedinPostAnalytics';
import { isAppNetwork } from '../../../../shared/credentials/networks';
import type { AppService } from '../apps/service';
import { CredentialFailure } from '../failure';
import { endpointsFor, mastodonEndpoints } from '../oauth/endpoints';
import type { EndpointOverrides, OAuthEndpoints } from '../oauth/endpoints';
import { safeServiceUrl } from '../oauth/loopbackUrl';
import { oauthClient } from '../oauth/oauthClient';
import type { OAuthClient } from '../oauth/oauthClient';
import type { OAuthSecret } from '../secretBundles';
import type { AccountRecord } from './repository';

/** A Mastodon instance as Plume stores it: the origin only, https (http on loopback). */
export function mastodonInstance(value: string | null | undefined): URL {
  const url = value ? safeServiceUrl(value) : null;
  if (url === null) throw new CredentialFailure('instance_invalid');
  return new URL(url.origin);
}

/** Which OAuth server, endpoints and client an account or a new sign-in talks to. */
export class OAuthTargets {
  constructor(
    private readonly apps: AppService,
    private readonly overrides: EndpointOverrides,
  ) {}

  async forApp(network: AppNetwork): Promise<{ target: OAuthClient; redirectPort: number | null }> {
    const app = await this.apps.client(network);
    const endpoints = endpointsFor(network, this.overrides);
    // The app has LinkedIn's Member Post Analytics product: its sign-ins ask that scope too.
    const scopes = app.postAnalytics ? [...endpoints.scopes, POST_ANALYTICS_SCOPE] : endpoints.scopes;
    return { target: oauthClient({ ...endpoints, scopes }, app.clientId, app.clientSecret), redirectPort: app.redirectPort };
  }

  forMastodon(instance: URL, clientId: string, clientSecret: string): OAuthClient {
    return oauthClient(mastodonEndpoints(instance), clientId, clientSecret);
  }

  /** The endpoints alone (who-am-I needs no client). */
  endpointsForAccount(record: AccountRecord): OAuthEndpoints {
    const { network } = record.account;
    if (network === 'mastodon') return mastodonEndpoints(mastodonInstance(record.account.instanceUrl));
    if (!isAppNetwork(network)) throw new CredentialFailure('unexpected_response');
    return endpointsFor(network, this.overrides);
  }

  /** Mastodon accounts carry the app Plume registered; other networks use the user's app. */
  async forAccount(record: AccountRecord, secret: OAuthSecret): Promise<OAuthClient> {
    const { network } = record.account;
    if (network === 'mastodon') {
      if (secret.clientId === undefined || secret.clientSecret === undefined) throw new CredentialFailure('secret_missing');
      return this.forMastodon(mastodonInstance(record.account.instanceUrl), secret.clientId, secret.clientSecret);
    }
    if (!isAppNetwork(network)) throw new CredentialFailure('unexpected_response');
    return (await this.forApp(network)).target;
  }
}
