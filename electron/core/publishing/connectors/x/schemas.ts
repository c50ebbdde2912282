import { z } from 'zod';

/** X API v2 replies the connector reads (docs.x.com/x-api), only the fields it uses. */

const ProcessingInfo = z.object({
  state: z.enum(['pending', 'in_progress', 'failed', 'succeeded']),
  check_after_secs: z.number().optional(),
  error: z.object({ message: z.string().optional() }).optional(),
});
export type ProcessingInfo = z.infer<typeof ProcessingInfo>;

/** POST /2/media/upload and GET /2/media/upload?command=STATUS */
export const MediaUploadReply = z.object({
  data: z.object({
    id: z.string().regex(/^\d+$/),
    media_key: z.string().optional(),
    processing_info: ProcessingInfo.optional(),
  }),
});

/** POST /2/tweets → 201 */
export const TweetCreated = z.object({ data: z.object({ id: z.string().regex(/^\d+$/), text: z.string() }) });

/** GET /2/users/me */
export const Me = z.object({ data: z.object({ id: z.string().min(1), username: z.string() }) });

export const Tweet = z.object({
  id: z.string().min(1),
  text: z.string(),
  created_at: z.string().optional(),
  entities: z
    .object({
      urls: z.array(z.object({ url: z.string(), expanded_url: z.string().optional(), media_key: z.string().optional() })).optional(),
    })
    .optional(),
  note_tweet: z.object({ text: z.string() }).optional(),
});
export type Tweet = z.infer<typeof Tweet>;

/** GET /2/users/:id/tweets: `data` is absent when there is none. */
export const UserTweets = z.object({ data: z.array(Tweet).optional() });

/** Problem details (RFC 7807) as X sends them, plus `errors[]` on invalid requests. */
export const Problem = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  status: z.number().optional(),
  errors: z.array(z.object({ message: z.string().optional() })).optional(),
});
