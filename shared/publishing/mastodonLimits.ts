import { z } from 'zod';

/**
 * What a Mastodon instance allows, read from the instance itself (`configuration.statuses` of
 * GET /api/v2/instance, or /api/v1/instance on older servers). Mastodon's own defaults apply
 * where an instance says nothing: 500 characters, 23 per URL, 4 attachments.
 */
export const MastodonLimits = z.object({
  maxCharacters: z.number().int().positive(),
  charactersReservedPerUrl: z.number().int().nonnegative(),
  maxMediaAttachments: z.number().int().positive(),
  /** Bytes; null when the instance does not say. */
  imageSizeLimit: z.number().int().positive().nullable(),
  supportedMimeTypes: z.array(z.string()),
  /** Where the figures came from. */
  source: z.enum(['v2', 'v1', 'default']),
});
export type MastodonLimits = z.infer<typeof MastodonLimits>;

export const mastodonDefaultLimits: MastodonLimits = {
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
  maxMediaAttachments: 4,
  imageSizeLimit: null,
  supportedMimeTypes: [],
  source: 'default',
};
