import { z } from 'zod';
import { Network } from '../posts/networks';

/**
 * What each network accepts as images on one post: one table, each line with its source.
 * Counts are also capped by the publication port (4 media per request). Mastodon's figures
 * are the defaults; an instance may say otherwise (its limits are read by the connector).
 */
export interface NetworkMediaLimits {
  maxCount: number;
  /** Bytes per image; null when the network documents none in bytes. */
  maxBytes: number | null;
  mimeTypes: readonly string[];
  source: string;
}

const PORT_MAX = 4;

export const mediaLimits: Record<Network, NetworkMediaLimits> = {
  x: {
    maxCount: 4,
    maxBytes: 5 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    source: 'docs.x.com, media upload best practices: images ≤ 5 MB, up to 4 per post',
  },
  bluesky: {
    maxCount: 4,
    maxBytes: 1_000_000,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    source: 'app.bsky.embed.images lexicon: maxLength 4, image blob maxSize 1000000',
  },
  mastodon: {
    maxCount: 4,
    maxBytes: 16 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    source: 'Mastodon defaults (configuration.statuses.max_media_attachments, media_attachments.image_size_limit)',
  },
  linkedin: {
    maxCount: PORT_MAX,
    maxBytes: null,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
    source: 'LinkedIn Images API: JPG, GIF, PNG (no WebP); multi-image posts take up to 20',
  },
  threads: {
    maxCount: PORT_MAX,
    maxBytes: 8 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png'],
    source: 'Threads API media specifications: JPEG or PNG, ≤ 8 MB, carousels up to 20',
  },
  instagram: {
    maxCount: PORT_MAX,
    maxBytes: 8 * 1024 * 1024,
    mimeTypes: ['image/jpeg'],
    source: 'Instagram Graph API content publishing: JPEG only, ≤ 8 MB, carousels up to 10',
  },
  facebook: {
    maxCount: PORT_MAX,
    maxBytes: 4 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
    source: 'Graph API Page photos: JPEG, PNG, GIF…, ≤ 4 MB',
  },
};

export const MediaProblem = z.object({
  network: Network,
  /** The image concerned; null for the count. */
  position: z.number().int().nullable(),
  problem: z.enum(['tooLarge', 'format', 'tooMany']),
  /** The limit passed (bytes or count); 0 for a format. */
  limit: z.number().int(),
});
export type MediaProblem = z.infer<typeof MediaProblem>;

export interface MediaFacts {
  position: number;
  mimeType: string;
  size: number;
}

/** Every limit of every target network the images break, in network then position order. */
export function mediaProblems(networks: readonly Network[], media: readonly MediaFacts[]): MediaProblem[] {
  const problems: MediaProblem[] = [];
  for (const network of networks) {
    const limits = mediaLimits[network];
    if (media.length > limits.maxCount) problems.push({ network, position: null, problem: 'tooMany', limit: limits.maxCount });
    for (const item of media) {
      if (!limits.mimeTypes.includes(item.mimeType)) problems.push({ network, position: item.position, problem: 'format', limit: 0 });
      else if (limits.maxBytes !== null && item.size > limits.maxBytes) {
        problems.push({ network, position: item.position, problem: 'tooLarge', limit: limits.maxBytes });
      }
    }
  }
  return problems;
}

/** The image format from its first bytes, so a file's declared type cannot lie. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47 && at(4) === 0x0d && at(5) === 0x0a && at(6) === 0x1a && at(7) === 0x0a) {
    return 'image/png';
  }
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x38) return 'image/gif';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}
