import type { Network } from '../../../../shared/posts/networks';
import { manualInstructions } from '../../../../shared/publishing/manualInstructions';
import type { MastodonLimits } from '../../../../shared/publishing/mastodonLimits';
import { ApiNetwork } from '../../../../shared/publishing/port';
import type { LookupRequest, LookupResult, ManualInstructions, Outcome, PublishRequest, PublishResult } from '../../../../shared/publishing/port';
import { createBlueskyConnector } from './bluesky/connector';
import type { BlueskyOptions } from './bluesky/connector';
import { connectorEnvironment } from './environment';
import { createLinkedinConnector } from './linkedin/connector';
import type { LinkedinOptions } from './linkedin/connector';
import { cancelMastodonScheduled, createMastodonConnector } from './mastodon/connector';
import { mastodonInstanceLimits } from './mastodon/instanceLimits';
import type { Connector, ConnectorEnvironment } from './port';
import { createXConnector } from './x/connector';
import type { XOptions } from './x/connector';

/** Everything configurable; every base URL defaults to the real network's. */
export interface ConnectorsOptions extends Partial<ConnectorEnvironment> {
  bluesky?: BlueskyOptions;
  linkedin?: LinkedinOptions;
  x?: XOptions;
}

/** What the outbox (and the UI, for manual posts and Mastodon limits) calls. */
export interface Connectors {
  connector(network: ApiNetwork): Connector;
  publish(request: PublishRequest): Promise<Outcome<PublishResult>>;
  lookup(request: LookupRequest): Promise<Outcome<LookupResult>>;
  /** No API (Facebook, Instagram, Threads) or an account set to publish by hand. */
  manual(network: Network, text: string, instanceUrl?: string): ManualInstructions;
  mastodonLimits(instanceUrl: string): Promise<Outcome<MastodonLimits>>;
  /** Mastodon: calls back a status the instance holds for later (`remoteId` of a scheduled publish). */
  cancelScheduled(request: LookupRequest, remoteId: string): Promise<Outcome<true>>;
}

export function createConnectors(options: ConnectorsOptions = {}): Connectors {
  const env = connectorEnvironment(options);
  const connectors: Record<ApiNetwork, Connector> = {
    mastodon: createMastodonConnector(env),
    bluesky: createBlueskyConnector(env, options.bluesky),
    linkedin: createLinkedinConnector(env, options.linkedin),
    x: createXConnector(env, options.x),
  };
  /** The connector for a request's network, or the refusal a request for another one gets. */
  const route = (network: unknown): Connector | { ok: false; error: { kind: 'permanent'; status: 0; networkMessage: string } } => {
    const parsed = ApiNetwork.safeParse(network);
    return parsed.success ? connectors[parsed.data] : { ok: false, error: { kind: 'permanent', status: 0, networkMessage: `No API connector for ${String(network)}` } };
  };
  return {
    connector: (network) => connectors[network],
    publish: (request) => {
      const target = route(request.network);
      return 'publish' in target ? target.publish(request) : Promise.resolve(target);
    },
    lookup: (request) => {
      const target = route(request.network);
      return 'lookup' in target ? target.lookup(request) : Promise.resolve(target);
    },
    manual: manualInstructions,
    mastodonLimits: (instanceUrl) => mastodonInstanceLimits(env, instanceUrl),
    cancelScheduled: (request, remoteId) => cancelMastodonScheduled(env, request, remoteId),
  };
}
