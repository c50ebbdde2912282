import { z } from 'zod';
import { Network } from '../posts/networks';
import { PostId } from '../posts/schema';

/** Why a link card could not be read; each is a translatable key under `previews.linkCard.refused`. */
export const linkCardRefusals = ['invalidUrl', 'privateAddress', 'tooManyRedirects', 'tooLarge', 'timeout', 'badCharset', 'notHtml', 'httpStatus', 'unreachable'] as const;
export const LinkCardRefusal = z.enum(linkCardRefusals);
export type LinkCardRefusal = z.infer<typeof LinkCardRefusal>;

/** A page's Open Graph data (title/description fall back to <title> and meta description). */
export const LinkCard = z.object({
  url: z.string().max(4000),
  /** Where the last redirect led. */
  finalUrl: z.string().max(4000),
  title: z.string().max(500),
  description: z.string().max(1000),
  siteName: z.string().max(200),
  /** The og:image address, shown as text only: a preview never loads remote content. */
  imageUrl: z.string().max(4000).nullable(),
  fetchedAt: z.number().int(),
});
export type LinkCard = z.infer<typeof LinkCard>;

export const LinkCardState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  /** A link with no card in the cache yet: `previews.linkCard` fetches it. */
  z.object({ status: z.literal('missing'), url: z.string() }),
  z.object({ status: z.literal('ready'), card: LinkCard }),
  z.object({ status: z.literal('refused'), url: z.string(), reason: LinkCardRefusal, at: z.number().int() }),
]);
export type LinkCardState = z.infer<typeof LinkCardState>;

export const PreviewSegment = z.object({
  kind: z.enum(['text', 'link', 'mention', 'tag']),
  text: z.string(),
  /** Links: the address; mentions and tags: what the network links to. */
  target: z.string().optional(),
});
export type PreviewSegment = z.infer<typeof PreviewSegment>;

export const PreviewImage = z.object({
  sha256: z.string(),
  alt: z.string(),
  mimeType: z.string(),
  /** The image itself, or null when it is missing or too heavy to show (its alt text stands in). */
  dataUrl: z.string().nullable(),
});
export type PreviewImage = z.infer<typeof PreviewImage>;

/** Where a network cuts the text behind "…see more" at one width: a UTF-16 offset, or null when all shows. */
export const PreviewFold = z.object({ width: z.enum(['desktop', 'mobile']), at: z.number().int().nonnegative().nullable() });
export type PreviewFold = z.infer<typeof PreviewFold>;

/** Issue 16: a further post of the chain (a thread's next part, or the first comment), as the network shows it. */
export const ChainPreview = z.object({
  text: z.string(),
  segments: z.array(PreviewSegment),
  count: z.object({ used: z.number().int(), limit: z.number().int(), over: z.boolean() }),
});
export type ChainPreview = z.infer<typeof ChainPreview>;

export const NetworkPreview = z.object({
  network: Network,
  /** The exact final text sign-off hashes and the connector sends. */
  text: z.string(),
  segments: z.array(PreviewSegment),
  count: z.object({ used: z.number().int(), limit: z.number().int(), unit: z.string(), over: z.boolean() }),
  folds: z.array(PreviewFold),
  media: z.array(PreviewImage),
  /** X's grid: one image full width, two side by side, three (one tall, two stacked), four in a square. */
  grid: z.enum(['none', 'one', 'two', 'three', 'four']),
  /** What each link costs on this network (X and Mastodon: a fixed length), or null. */
  linkLength: z.number().int().nullable(),
  linkCard: LinkCardState,
  /** Mastodon: the instance's figures and whether a content warning goes with the post (Plume sends none yet). */
  mastodon: z.object({ maxCharacters: z.number().int(), charactersReservedPerUrl: z.number().int(), source: z.string(), contentWarning: z.string().nullable() }).nullable(),
  /** The account the network goes out as, or null (by hand, or none chosen). */
  account: z.string().nullable(),
  /** The thread's further parts, each replying to the one before (the first part is `text`). */
  thread: z.array(ChainPreview).optional(),
  /** The first comment, replying to the post. */
  firstComment: ChainPreview.nullable().optional(),
  /** The network receives its own version of the text (shared/posts/versions.ts), not the common one. */
  ownVersion: z.boolean().optional(),
});
export type NetworkPreview = z.infer<typeof NetworkPreview>;

export const PostPreviews = z.object({
  postId: PostId,
  /** The sign-off hash of exactly this content. */
  revisionHash: z.string(),
  previews: z.array(NetworkPreview),
});
export type PostPreviews = z.infer<typeof PostPreviews>;

export const LinkCardInput = z.object({ url: z.string().trim().min(1).max(4000) }).strict();
