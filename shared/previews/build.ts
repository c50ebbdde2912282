import { hardLimit, measure } from '../editorial/networks/measure';
import { extractUrls } from '../editorial/text/entities';
import { extractMastodonUrls } from '../editorial/text/mastodonUrls';
import type { Network } from '../posts/networks';
import { foldsOf } from './folds';
import type { LinkCardState, NetworkPreview, PreviewImage } from './schema';
import { segmentsOf, spansFor } from './segments';
import type { ByteFacet } from './segments';

export interface PreviewInput {
  network: Network;
  /** The exact final text (shared/signoff/finalTexts.ts), never re-derived. */
  text: string;
  media: PreviewImage[];
  account: string | null;
  /** The card of the post's first link, as the cache has it. */
  linkCard: LinkCardState;
  mastodon: { maxCharacters: number; charactersReservedPerUrl: number; source: string };
  /** Bluesky: the facets the connector's detection makes of `text`. */
  blueskyFacets?: readonly ByteFacet[];
}

const GRIDS = ['none', 'one', 'two', 'three', 'four'] as const;

/**
 * The link a card is made for: the first one the network links. Instagram links none; Bluesky
 * shows a card only when the post embeds one (app.bsky.embed.external), which the connector
 * does not send, so a Bluesky post from Plume has none.
 */
export function cardLink(network: Network, text: string): string | null {
  if (network === 'instagram' || network === 'bluesky') return null;
  // Mastodon makes cards of http(s) links only, among the links it counts.
  const first = network === 'mastodon' ? extractMastodonUrls(text).find((u) => /^https?:/iu.test(u.url)) : extractUrls(text)[0];
  if (!first) return null;
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(first.url) ? first.url : `https://${first.url}`;
}

/** One network's preview: pure, so the editor pane and the sign-off email show the same thing. */
export function buildPreview(input: PreviewInput): NetworkPreview {
  const { network, text } = input;
  const options = { mastodonMaxCharacters: input.mastodon.maxCharacters, mastodonCharactersReservedPerUrl: input.mastodon.charactersReservedPerUrl };
  const measured = measure(network, text, options);
  const media = input.media;
  return {
    network,
    text,
    segments: segmentsOf(text, spansFor(network, text, input.blueskyFacets)),
    count: { used: measured.used, limit: hardLimit(network, options), unit: measured.unit, over: measured.over },
    folds: foldsOf(network, text),
    media,
    grid: GRIDS[Math.min(media.length, 4)] ?? 'four',
    linkLength: network === 'x' ? 23 : network === 'mastodon' ? input.mastodon.charactersReservedPerUrl : null,
    // A post with images shows them, not the link's card (LinkedIn, X, Bluesky, Mastodon alike).
    linkCard: media.length > 0 ? { status: 'none' } : input.linkCard,
    mastodon: network === 'mastodon' ? { ...input.mastodon, contentWarning: null } : null,
    account: input.account,
  };
}
