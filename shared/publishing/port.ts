import { z } from 'zod';
import { Network } from '../posts/networks';
import { PublishError } from './publishError';

/**
 * The publication port: what the outbox hands a network connector and what it gets back.
 * Core implements one connector per network behind this shape
 * (electron/core/publishing/connectors/); the outbox never sees a network's own protocol.
 */

/** Networks Plume can publish to through their API; every network can also go out by hand. */
export const apiNetworks = ['mastodon', 'bluesky', 'linkedin', 'x'] as const satisfies readonly Network[];
export const ApiNetwork = z.enum(apiNetworks);
export type ApiNetwork = z.infer<typeof ApiNetwork>;

export const isApiNetwork = (network: Network): network is ApiNetwork => (apiNetworks as readonly string[]).includes(network);

/** The account a post goes out as (never a secret). */
export const PublishAccount = z.object({
  /** Plume's account id (logs and diagnostics only). */
  id: z.string().min(1),
  /** The handle on the network, without or with its leading `@` (post URLs are built from it). */
  handle: z.string().min(1),
  /** Mastodon: the instance (https://…); Bluesky: the PDS or entryway (default https://bsky.social). */
  instanceUrl: z.string().optional(),
  /** LinkedIn: the author, `urn:li:person:…` (or `urn:li:organization:…` for a page). */
  personUrn: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/).optional(),
});
export type PublishAccount = z.infer<typeof PublishAccount>;

/** A Bluesky session (rotated by every refresh: the outcome hands the new one back to keep). */
export const BlueskySessionData = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  did: z.string().min(1),
  handle: z.string(),
  active: z.boolean().default(true),
});
export type BlueskySessionData = z.infer<typeof BlueskySessionData>;

/** Same shapes as the credentials feature's keychain bundles, so they pass through as they are. */
export const PublishCredentials = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('oauth'), accessToken: z.string().min(1) }),
  z.object({
    kind: z.literal('bluesky'),
    identifier: z.string().min(1),
    appPassword: z.string().min(1),
    session: BlueskySessionData.optional(),
  }),
]);
export type PublishCredentials = z.infer<typeof PublishCredentials>;

export const PublishMedia = z.object({
  bytes: z.instanceof(Uint8Array),
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
  /** Alt text, sent as each network's own alt field (never appended to the post). */
  alt: z.string(),
});
export type PublishMedia = z.infer<typeof PublishMedia>;

/** LinkedIn: a range of `text` (UTF-16 offsets) sent as a mention of a member or page. */
export const TextMention = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    urn: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/),
  })
  .refine((mention) => mention.end > mention.start, { message: 'errors.mentionRange' });
export type TextMention = z.infer<typeof TextMention>;

export const PublishRequest = z.object({
  network: ApiNetwork,
  account: PublishAccount,
  credentials: PublishCredentials,
  /** The final text, exactly as approved: connectors never add, shorten or reflow it. */
  text: z.string(),
  media: z.array(PublishMedia).max(4).default([]),
  /** Stable per outbox job: the same key on every attempt of the same publication. */
  idempotencyKey: z.string().min(8).max(200),
  /**
   * When the outbox job was first written (epoch ms), stable across retries. Lookups ignore
   * posts older than this (minus clock skew); Bluesky derives its record key from it.
   */
  jobCreatedAt: z.number().int().nonnegative(),
  /** The instant the post is due (epoch ms). Mastodon schedules on the instance when far enough ahead. */
  scheduledAt: z.number().int().nonnegative().optional(),
  /** ISO 639-1 code of the text (Mastodon `language`, Bluesky `langs`). */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
  mentions: z.array(TextMention).default([]),
  /**
   * Issue 16: sent as a reply to this post of the same account (the next part of a thread, or
   * a first comment): Mastodon in_reply_to_id, X reply.in_reply_to_tweet_id, Bluesky the
   * record's reply { root, parent } (each an at:// URI with its CID).
   */
  replyTo: z
    .object({
      remoteId: z.string().min(1),
      cid: z.string().min(1).optional(),
      root: z.object({ remoteId: z.string().min(1), cid: z.string().min(1).optional() }).optional(),
    })
    .optional(),
});
export type PublishRequest = z.input<typeof PublishRequest>;
export type ParsedPublishRequest = z.output<typeof PublishRequest>;

/** A lookup needs what identified the attempt, not the media. */
export const LookupRequest = PublishRequest.omit({ media: true });
export type LookupRequest = z.input<typeof LookupRequest>;
export type ParsedLookupRequest = z.output<typeof LookupRequest>;

export const PublishResult = z.object({
  /** Mastodon status id (or ScheduledStatus id), Bluesky at:// URI, LinkedIn post URN, X post id. */
  remoteId: z.string().min(1),
  /** The public URL; null while a post only exists as a scheduled status on the instance. */
  url: z.string().nullable(),
  /** True when the instance holds the post and publishes it itself at `scheduledAt`. */
  scheduledRemotely: z.boolean(),
  /**
   * True when the create call failed or was refused as a duplicate (Bluesky's record key,
   * X's and LinkedIn's duplicate checks) but the network was found to hold this job's post:
   * it is reported as published, never sent twice.
   */
  recovered: z.boolean().optional(),
  /** Bluesky: the record's CID, which a reply to it must name. */
  cid: z.string().min(1).optional(),
});
export type PublishResult = z.infer<typeof PublishResult>;

/**
 * found: the network already holds this job's post. notFound: it does not (safe to publish).
 * unknown: the network cannot tell us (e.g. LinkedIn without read permission): ask a human.
 */
export const LookupResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('found'), remoteId: z.string().min(1), url: z.string().nullable(), scheduledRemotely: z.boolean(), cid: z.string().min(1).optional() }),
  z.object({ kind: z.literal('notFound') }),
  z.object({ kind: z.literal('unknown'), reason: z.string() }),
]);
export type LookupResult = z.infer<typeof LookupResult>;

/** What the UI needs to publish by hand: copy the text, open the network, paste the URL back. */
export const ManualInstructions = z.object({
  kind: z.literal('manual'),
  network: Network,
  text: z.string(),
  /** Opens the network's composer (with the text prefilled where the network allows it). */
  composeUrl: z.string(),
});
export type ManualInstructions = z.infer<typeof ManualInstructions>;

/** Results are values, never exceptions: the outbox must handle each kind of failure. */
export const publishOutcome = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value, session: BlueskySessionData.optional() }),
    z.object({ ok: z.literal(false), error: PublishError, session: BlueskySessionData.optional() }),
  ]);

export type Outcome<T> = ({ ok: true; value: T } | { ok: false; error: PublishError }) & {
  /** Bluesky: the session after a refresh or a new sign-in; keep it for the next call. */
  session?: BlueskySessionData;
};
