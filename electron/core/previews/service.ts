import type { AppBskyRichtextFacet } from '@atproto/api';
import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import { buildPreview, cardLink } from '../../../shared/previews/build';
import type { ByteFacet } from '../../../shared/previews/segments';
import type { NetworkPreview, PostPreviews, PreviewImage } from '../../../shared/previews/schema';
import { revisionHash } from '../../../shared/signoff/revisionHash';
import { notFound } from '../errors';
import type { LinkCardService } from '../linkCards/service';
import type { PostRepository } from '../posts/repository';
import { detectFacets } from '../publishing/connectors/bluesky/record';
import type { MediaStore } from '../publishing/mediaStore';
import type { PublicationRepository } from '../publishing/repository';
import type { SettingsRepository } from '../settings/repository';
import { readMastodonCounts } from '../settings/mastodonCounts';
import type { EmailPreviews } from '../signoff/emailPreviews';
import type { RevisionContent } from '../signoff/revisionContent';
import { chainOfPreview } from '../../../shared/previews/chain';
import type { SignoffContent } from '../../../shared/signoff/revisionHash';

/** Heavier images are shown by their alt text only (a preview is not the place for 20 MB of JSON). */
const MAX_INLINE_BYTES = 2_000_000;
/** Images heavier than this are left out of the sign-off email (its alt text says what it was). */
const MAX_EMAIL_IMAGE_BYTES = 1_000_000;

export interface PreviewDeps {
  posts: PostRepository;
  revisionContent: RevisionContent;
  publications: PublicationRepository;
  media: MediaStore;
  settings: SettingsRepository;
  linkCards: LinkCardService;
  /** The handle an account id goes out as, or null. */
  accountHandle: (accountId: string) => string | null;
}

function byteFacets(facets: readonly AppBskyRichtextFacet.Main[]): ByteFacet[] {
  return facets.flatMap((facet) =>
    facet.features.flatMap((feature): ByteFacet[] => {
      const at = { byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd };
      if ('uri' in feature && typeof feature.uri === 'string') return [{ ...at, kind: 'link', value: feature.uri }];
      if ('did' in feature && typeof feature.did === 'string') return [{ ...at, kind: 'mention', value: feature.did }];
      if ('tag' in feature && typeof feature.tag === 'string') return [{ ...at, kind: 'tag', value: feature.tag }];
      return [];
    }),
  );
}

/**
 * Each target network's preview, built from what sign-off approves (RevisionContent: the same
 * final texts, images with alt text and accounts it hashes and the publisher sends) — never
 * from a text of its own.
 */
export class PreviewService {
  constructor(private readonly deps: PreviewDeps) {}

  forPost(postId: string): PostPreviews {
    const post = this.deps.posts.get(postId);
    if (!post) throw notFound('posts', postId);
    return this.of(post);
  }

  of(post: Post): PostPreviews {
    const content = this.deps.revisionContent.content(post);
    return { postId: post.id, revisionHash: revisionHash(content), previews: this.build(post, content, this.images(post.id, content.media)) };
  }

  /**
   * The previews of a frozen sign-off content (what a request approves), for its email: the
   * images travel as inline parts, not data URLs; one over the email limit is named by its alt text.
   */
  forEmail(post: Post, content: SignoffContent): EmailPreviews {
    const stored = this.deps.publications.postMedia(post.id);
    const images = new Map<string, { bytes: Uint8Array; mimeType: string }>();
    for (const { sha256 } of content.media) {
      const item = stored.find((m) => m.sha256 === sha256);
      const bytes = item !== undefined && item.size <= MAX_EMAIL_IMAGE_BYTES ? this.deps.media.get(sha256) : null;
      if (item !== undefined && bytes !== null) images.set(sha256, { bytes, mimeType: item.mimeType });
    }
    const media = content.media.map(({ sha256, alt }) => ({ sha256, alt, mimeType: images.get(sha256)?.mimeType ?? 'application/octet-stream', dataUrl: null }));
    return { previews: this.build(post, content, media), images };
  }

  private build(post: Post, content: SignoffContent, media: PreviewImage[]): NetworkPreview[] {
    const counts = readMastodonCounts(this.deps.settings);
    const mastodon = { maxCharacters: counts.maxCharacters, charactersReservedPerUrl: counts.charactersReservedPerUrl, source: counts.source };
    const measureOptions = { mastodonMaxCharacters: counts.maxCharacters, mastodonCharactersReservedPerUrl: counts.charactersReservedPerUrl };
    return post.networks.flatMap((network: Network) => {
      // A thread's first part is what goes out first: the preview starts with it, the rest follow as a chain.
      const chain = chainOfPreview(network, content, measureOptions);
      const text = chain.first ?? content.texts[network];
      if (text === undefined) return [];
      const link = cardLink(network, text);
      const accountId = content.accounts[network];
      return [
        buildPreview({
          network,
          text,
          media,
          account: accountId === undefined ? null : this.deps.accountHandle(accountId),
          linkCard: link === null ? { status: 'none' } : this.deps.linkCards.cached(link),
          mastodon,
          ...(network === 'bluesky' ? { blueskyFacets: byteFacets(detectFacets(text) ?? []) } : {}),
        }),
      ].map((preview) => ({ ...preview, ...chain.extra, ownVersion: post.versions[network] !== undefined }));
    });
  }

  /** The approved images (the hashed list), each with its bytes when they are at hand and light enough. */
  private images(postId: string, approved: readonly { sha256: string; alt: string }[]): PreviewImage[] {
    const stored = this.deps.publications.postMedia(postId);
    return approved.map(({ sha256, alt }, index) => {
      const item = stored[index]?.sha256 === sha256 ? stored[index] : stored.find((m) => m.sha256 === sha256);
      const mimeType = item?.mimeType ?? 'application/octet-stream';
      const bytes = item !== undefined && item.size <= MAX_INLINE_BYTES ? this.deps.media.get(sha256) : null;
      return { sha256, alt, mimeType, dataUrl: bytes === null ? null : `data:${mimeType};base64,${Buffer.from(bytes).toString('base64')}` };
    });
  }
}
