import { isXrpcError } from '../../../bluesky/atproto';
import { z } from 'zod';
import { blueskyRecordKey } from '../../../../../shared/publishing/blueskyRecordKey';
import { LookupRequest, PublishRequest } from '../../../../../shared/publishing/port';
import type { LookupResult, Outcome, ParsedLookupRequest, PublishResult } from '../../../../../shared/publishing/port';
import { sameText } from '../../../../../shared/publishing/sameText';
import { toOutcome } from '../http/outcome';
import { parseRequest } from '../http/parseRequest';
import { fail, invalidRequest } from '../http/publishFailure';
import { serviceUrl } from '../http/serviceUrl';
import type { Connector, ConnectorEnvironment } from '../port';
import { blueskyError } from './errors';
import { facetsFor, postRecord } from './record';
import { signIn } from './session';
import type { BlueskySignIn } from './session';

export const DEFAULT_BLUESKY_SERVICE = 'https://bsky.social';
const POST_COLLECTION = 'app.bsky.feed.post';

const CreatedRecord = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
const StoredPost = z.object({ uri: z.string(), cid: z.string().optional(), value: z.object({ text: z.string() }) });

export interface BlueskyOptions {
  /** The PDS or entryway when the account names none. */
  service?: string;
}

/** The record key of this job's post: same job, same key (see blueskyRecordKey). */
export const recordKeyFor = (request: ParsedLookupRequest): string => blueskyRecordKey(request.idempotencyKey, request.scheduledAt ?? request.jobCreatedAt);

export const blueskyPostUrl = (handle: string, rkey: string): string => `https://bsky.app/profile/${handle.replace(/^@/u, '')}/post/${rkey}`;

const rethrow = (error: unknown, now: number, creates: boolean): never => {
  const classified = blueskyError(error, now, creates);
  if (classified === undefined) throw error;
  return fail(classified);
};

/** com.atproto.repo.getRecord at our key: the stored post, or undefined when there is none. */
async function storedPost(session: BlueskySignIn, rkey: string, now: number): Promise<z.infer<typeof StoredPost> | undefined> {
  try {
    const { data } = await session.agent.com.atproto.repo.getRecord({ repo: session.did, collection: POST_COLLECTION, rkey });
    const parsed = StoredPost.safeParse(data);
    return parsed.success ? parsed.data : fail({ kind: 'retryable', status: 200, networkMessage: 'Unexpected reply to getRecord' });
  } catch (error) {
    if (isXrpcError(error) && error.error === 'RecordNotFound') return undefined;
    return rethrow(error, now, false);
  }
}

function found(session: BlueskySignIn, request: ParsedLookupRequest, rkey: string, post: z.infer<typeof StoredPost>): LookupResult {
  if (!sameText(request.text, post.value.text)) return { kind: 'unknown', reason: `Record key ${rkey} holds another post` };
  return { kind: 'found', remoteId: post.uri, url: blueskyPostUrl(session.handle, rkey), scheduledRemotely: false, ...(post.cid === undefined ? {} : { cid: post.cid }) };
}

/**
 * app.bsky.feed.post records through the official SDK (@atproto/api): images uploaded as
 * blobs with their alt text, facets from RichText, and a record key derived from the job,
 * so a post accepted before a crash is found by getRecord and never created twice (a
 * second createRecord at the same key is refused — today with a 500 — and then resolved by
 * reading the record back).
 */
export function createBlueskyConnector(env: ConnectorEnvironment, options: BlueskyOptions = {}): Connector {
  const serviceFor = (request: ParsedLookupRequest): URL => {
    if (request.network !== 'bluesky') return invalidRequest(`Bluesky connector asked to publish to ${request.network}`);
    return serviceUrl(request.account.instanceUrl ?? options.service ?? DEFAULT_BLUESKY_SERVICE, 'Bluesky service URL');
  };

  /** Runs the steps signed in, and hands back the rotated session whatever the outcome. */
  async function signedIn<T>(request: ParsedLookupRequest, steps: (session: BlueskySignIn) => Promise<T>): Promise<Outcome<T>> {
    let session: BlueskySignIn | undefined;
    const outcome = await toOutcome(async () => {
      session = await signIn(env, serviceFor(request), request.credentials);
      return steps(session);
    });
    const rotated = session?.rotated();
    return rotated === undefined ? outcome : { ...outcome, session: rotated };
  }

  return {
    network: 'bluesky',
    publish: async (input) => {
      const request = await toOutcome(() => Promise.resolve(parseRequest(PublishRequest, input)));
      if (!request.ok) return request;
      const job = request.value;
      return signedIn(job, async (session): Promise<PublishResult> => {
        const now = env.clock.now();
        const images = [];
        for (const media of job.media) {
          try {
            const { data } = await session.agent.uploadBlob(media.bytes, { encoding: media.mimeType });
            images.push({ blob: data.blob, alt: media.alt });
          } catch (error) {
            rethrow(error, now, false);
          }
        }
        const facets = await facetsFor(session.agent, job.text, now);
        const rkey = recordKeyFor(job);
        const record = postRecord(job, facets, images, new Date(now).toISOString());
        try {
          const { data } = await session.agent.com.atproto.repo.createRecord({ repo: session.did, collection: POST_COLLECTION, rkey, record });
          const created = CreatedRecord.safeParse(data);
          if (!created.success) return fail({ kind: 'retryable', status: 200, networkMessage: 'Unexpected reply to createRecord', outcomeUnknown: true });
          return { remoteId: created.data.uri, url: blueskyPostUrl(session.handle, rkey), scheduledRemotely: false, cid: created.data.cid };
        } catch (error) {
          const classified = blueskyError(error, now, true);
          if (classified === undefined) throw error;
          // Refused or unanswered: our key may already hold the post (an earlier attempt, or this one).
          if (classified.kind === 'auth' || classified.kind === 'offline') return fail(classified);
          const existing = await storedPost(session, rkey, now).catch(() => undefined);
          if (existing === undefined) return fail(classified);
          const result = found(session, job, rkey, existing);
          if (result.kind !== 'found') return fail(classified);
          return { remoteId: result.remoteId, url: result.url, scheduledRemotely: false, recovered: true, ...(result.cid === undefined ? {} : { cid: result.cid }) };
        }
      });
    },
    lookup: async (input) => {
      const request = await toOutcome(() => Promise.resolve(parseRequest(LookupRequest, input)));
      if (!request.ok) return request;
      const job = request.value;
      return signedIn(job, async (session): Promise<LookupResult> => {
        const rkey = recordKeyFor(job);
        const post = await storedPost(session, rkey, env.clock.now());
        return post === undefined ? { kind: 'notFound' } : found(session, job, rkey, post);
      });
    },
  };
}
