import type { AppBskyEmbedImages, AppBskyFeedPost, AppBskyRichtextFacet, AtpAgent, BlobRef } from '@atproto/api';
import { atproto, isXrpcError, loadedAtproto } from '../../../bluesky/atproto';
import type { ParsedPublishRequest } from '../../../../../shared/publishing/port';
import { fail } from '../http/publishFailure';
import { blueskyError } from './errors';

type Facet = AppBskyRichtextFacet.Main;

/** The handle's DID, or undefined when the network says no such handle exists. */
async function resolveHandle(agent: AtpAgent, handle: string, now: number): Promise<string | undefined> {
  try {
    const { data } = await agent.com.atproto.identity.resolveHandle({ handle });
    return data.did;
  } catch (error) {
    if (isXrpcError(error) && error.error === 'InvalidRequest') return undefined;
    return fail(blueskyError(error, now, false) ?? { kind: 'retryable', status: 0, networkMessage: String(error) });
  }
}

/** Loads the SDK (once, ~250 ms: not at start) so that `detectFacets` can run synchronously. */
export async function loadFacetDetection(): Promise<void> {
  await atproto();
}

/**
 * The facets the SDK detects in `text`, mentions still holding their handle (before resolution);
 * null if detection would change the text. The previews show exactly these.
 */
export function detectFacets(text: string): Facet[] | null {
  const sdk = loadedAtproto();
  if (sdk === null) throw new Error('Bluesky facet detection used before loadFacetDetection()');
  const rich = new sdk.RichText({ text });
  rich.detectFacetsWithoutResolution();
  return rich.text === text ? (rich.facets ?? []) : null;
}

/**
 * Links, mentions and hashtags as facets with UTF-8 byte offsets, found by the SDK's own
 * RichText detection (the same as the Bluesky app). Mentions are resolved here rather than by
 * `detectFacets`, which turns any failure — a rate limit, a dropped connection — into a
 * silently unlinked mention: only a handle the network says does not exist stays plain text
 * (an empty DID would make the record invalid); other failures are reported. The text itself
 * is never changed (no shortened links).
 */
export async function facetsFor(agent: AtpAgent, text: string, now: number): Promise<Facet[]> {
  const { AppBskyRichtextFacet } = await atproto();
  const detected = detectFacets(text);
  if (detected === null) return fail({ kind: 'permanent', status: 0, networkMessage: 'Rich-text detection changed the approved text' });
  const facets: Facet[] = [];
  for (const facet of detected) {
    const features: Facet['features'] = [];
    for (const feature of facet.features) {
      if (!AppBskyRichtextFacet.isMention(feature)) {
        features.push(feature);
        continue;
      }
      // Before resolution the mention's `did` holds the handle.
      const did = await resolveHandle(agent, feature.did, now);
      if (did !== undefined) features.push({ ...feature, did });
    }
    if (features.length > 0) facets.push({ ...facet, features });
  }
  return facets;
}

export function postRecord(request: ParsedPublishRequest, facets: Facet[], images: { blob: BlobRef; alt: string }[], createdAt: string): AppBskyFeedPost.Record {
  const embed: AppBskyEmbedImages.Main & { $type: 'app.bsky.embed.images' } = {
    $type: 'app.bsky.embed.images',
    images: images.map(({ blob, alt }) => ({ image: blob, alt })),
  };
  return {
    $type: 'app.bsky.feed.post',
    text: request.text,
    createdAt,
    ...(facets.length === 0 ? {} : { facets }),
    ...(request.language === undefined ? {} : { langs: [request.language] }),
    ...(images.length === 0 ? {} : { embed }),
    ...replyOf(request),
  };
}

/** A thread's next part or a first comment: app.bsky.feed.post#replyRef, root and parent each by URI and CID. */
function replyOf(request: ParsedPublishRequest): Pick<AppBskyFeedPost.Record, 'reply'> {
  const parent = request.replyTo;
  if (parent?.cid === undefined) return {};
  const root = parent.root?.cid === undefined ? { uri: parent.remoteId, cid: parent.cid } : { uri: parent.root.remoteId, cid: parent.root.cid };
  return { reply: { root, parent: { uri: parent.remoteId, cid: parent.cid } } };
}
