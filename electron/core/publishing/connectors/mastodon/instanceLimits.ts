import { mastodonDefaultLimits } from '../../../../../shared/publishing/mastodonLimits';
import type { MastodonLimits } from '../../../../../shared/publishing/mastodonLimits';
import type { Outcome } from '../../../../../shared/publishing/port';
import { toOutcome } from '../http/outcome';
import { parseReply } from '../http/parseReply';
import { fail } from '../http/publishFailure';
import { send } from '../http/send';
import { endpoint, serviceUrl } from '../http/serviceUrl';
import type { ConnectorEnvironment } from '../port';
import { mastodonError } from './errors';
import { InstanceV1, InstanceV2 } from './schemas';
import type { InstanceConfiguration } from './schemas';

/**
 * The instance's own limits, for counting text the way it will (FACTS.md: per instance, every
 * URL counts `characters_reserved_per_url`). GET /api/v2/instance (public, no token); a server
 * without it (404, Mastodon < 4.0, some forks) is asked GET /api/v1/instance.
 */
export async function mastodonInstanceLimits(env: ConnectorEnvironment, instanceUrl: string): Promise<Outcome<MastodonLimits>> {
  return toOutcome(async () => {
    const instance = serviceUrl(instanceUrl, 'Mastodon instance URL');
    const v2 = await send(env, { method: 'GET', url: endpoint(instance, '/api/v2/instance') });
    if (v2.status === 200) {
      const { configuration } = parseReply(v2, InstanceV2, 'GET /api/v2/instance');
      return limitsFrom(configuration, undefined, 'v2');
    }
    if (v2.status !== 404 && v2.status !== 410) fail(mastodonError(v2, env.clock.now()));
    const v1 = await send(env, { method: 'GET', url: endpoint(instance, '/api/v1/instance') });
    if (v1.status !== 200) fail(mastodonError(v1, env.clock.now()));
    const body = parseReply(v1, InstanceV1, 'GET /api/v1/instance');
    return limitsFrom(body.configuration, body.max_toot_chars, 'v1');
  });
}

function limitsFrom(
  configuration: InstanceConfiguration | undefined,
  maxTootChars: number | undefined,
  source: 'v1' | 'v2',
): MastodonLimits {
  const statuses = configuration?.statuses;
  const media = configuration?.media_attachments;
  const said = statuses?.max_characters ?? maxTootChars;
  return {
    maxCharacters: said ?? mastodonDefaultLimits.maxCharacters,
    charactersReservedPerUrl: statuses?.characters_reserved_per_url ?? mastodonDefaultLimits.charactersReservedPerUrl,
    maxMediaAttachments: statuses?.max_media_attachments ?? mastodonDefaultLimits.maxMediaAttachments,
    imageSizeLimit: media?.image_size_limit ?? null,
    supportedMimeTypes: media?.supported_mime_types ?? [],
    // An instance that answered but said nothing about statuses leaves us on the defaults.
    source: said === undefined && statuses === undefined ? 'default' : source,
  };
}
