import { z } from 'zod';

/**
 * The Mastodon entities the connector reads (docs.joinmastodon.org/entities/), only the
 * fields it uses; unknown fields are ignored so newer servers and forks still parse.
 */

export const MediaAttachment = z.object({
  id: z.string().min(1),
  type: z.string(),
  /** null while the instance is still processing the file (POST /api/v2/media answered 202). */
  url: z.string().nullable(),
  description: z.string().nullable().optional(),
});

export const Status = z.object({
  id: z.string().min(1),
  uri: z.string(),
  url: z.string().nullable().optional(),
  created_at: z.string(),
});
export type Status = z.infer<typeof Status>;

export const ScheduledStatus = z.object({
  id: z.string().min(1),
  scheduled_at: z.string(),
  params: z.object({
    text: z.string().nullable().optional(),
    idempotency: z.string().nullable().optional(),
  }),
  media_attachments: z.array(MediaAttachment).default([]),
});
export type ScheduledStatus = z.infer<typeof ScheduledStatus>;

/** POST /api/v1/statuses answers a ScheduledStatus when `scheduled_at` was accepted, else a Status. */
export const PostedStatus = z.union([ScheduledStatus, Status]);

export const CredentialAccount = z.object({ id: z.string().min(1), username: z.string() });

export const StatusSource = z.object({ id: z.string().min(1), text: z.string() });

/** Error bodies: `{ "error": "…" }`, OAuth ones add `error_description`. */
export const ErrorBody = z.object({ error: z.string(), error_description: z.string().optional() });

const StatusesConfiguration = z.object({
  max_characters: z.number().int().positive().optional(),
  max_media_attachments: z.number().int().positive().optional(),
  characters_reserved_per_url: z.number().int().nonnegative().optional(),
});
const MediaConfiguration = z.object({
  supported_mime_types: z.array(z.string()).optional(),
  image_size_limit: z.number().int().positive().optional(),
});
const Configuration = z.object({
  statuses: StatusesConfiguration.optional(),
  media_attachments: MediaConfiguration.optional(),
});
export type InstanceConfiguration = z.infer<typeof Configuration>;

/** GET /api/v2/instance (Mastodon ≥ 4.0). */
export const InstanceV2 = z.object({ configuration: Configuration.optional() });
/** GET /api/v1/instance: `configuration` since 3.4.2; Pleroma/Akkoma say `max_toot_chars`. */
export const InstanceV1 = z.object({ configuration: Configuration.optional(), max_toot_chars: z.number().int().positive().optional() });
