import type { OAuthNetwork } from '../../../../shared/credentials/networks';
import type { OAuthEndpoints } from '../oauth/endpoints';
import { graphWhoami } from './graph';
import type { Identity } from './identity';
import { linkedinWhoami } from './linkedin';
import { mastodonWhoami } from './mastodon';
import { xWhoami } from './x';

/** The who-am-I call for an OAuth network, at the URL its endpoint table (or a test) gives. */
export function oauthWhoami(network: OAuthNetwork, endpoints: OAuthEndpoints, accessToken: string): Promise<Identity> {
  switch (network) {
    case 'linkedin':
      return linkedinWhoami(endpoints.whoami, accessToken);
    case 'x':
      return xWhoami(endpoints.whoami, accessToken);
    case 'mastodon':
      return mastodonWhoami(endpoints.whoami, accessToken);
    case 'facebook':
    case 'instagram':
    case 'threads':
      return graphWhoami(network, endpoints.whoami, accessToken);
  }
}
