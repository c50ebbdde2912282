import type { Outcome } from '../../../../shared/publishing/port';
import type { ConnectorsOptions } from '../../publishing/connectors/registry';
import type { ConnectorEnvironment } from '../../publishing/connectors/port';
import { readBluesky } from './bluesky';
import { readLinkedin } from './linkedin';
import { readMastodon } from './mastodon';
import type { ReadRequest, ReadResult } from './port';
import { readX } from './x';

/** One reader per network, pointed at the same base URLs as the publishing connectors. */
export type ReadEngagement = (request: ReadRequest) => Promise<Outcome<ReadResult>>;

export function engagementReader(env: ConnectorEnvironment, options: ConnectorsOptions = {}): ReadEngagement {
  return (request) => {
    switch (request.network) {
      case 'mastodon':
        return readMastodon(env, request);
      case 'bluesky':
        return readBluesky(env, options.bluesky?.service, request);
      case 'x':
        return readX(env, options.x?.baseUrl, request);
      case 'linkedin':
        return readLinkedin(env, options.linkedin ?? {}, request);
    }
  };
}
