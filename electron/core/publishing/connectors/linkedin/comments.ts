import { z } from 'zod';
import type { LookupResult, PublishResult } from '../../../../../shared/publishing/port';
import { fail } from '../http/publishFailure';
import { linkedinRequest } from './api';
import type { LinkedinApi } from './api';
import { linkedinPostUrl } from './lookup';

/** A comment as the Comments API returns it (socialActions/{urn}/comments). */
const Comment = z.object({ id: z.string().optional(), $URN: z.string().optional(), actor: z.string(), message: z.object({ text: z.string() }) });
const Comments = z.object({ elements: z.array(Comment) });

const path = (objectUrn: string): string => `/rest/socialActions/${encodeURIComponent(objectUrn)}/comments`;

const remoteIdOf = (comment: z.infer<typeof Comment>, header: string | null): string | null => comment.$URN ?? header ?? (comment.id === undefined ? null : comment.id);

/**
 * The first comment under the author's own post: POST /rest/socialActions/{post URN}/comments
 * { actor, object, message: { text } } (LinkedIn Comments API). The comment URL is the post's.
 */
export async function postLinkedinComment(api: LinkedinApi, actor: string, objectUrn: string, text: string): Promise<PublishResult> {
  const reply = await linkedinRequest(api, { method: 'POST', path: path(objectUrn), json: { actor, object: objectUrn, message: { text } }, creates: true });
  const parsed = Comment.safeParse(reply.json);
  const remoteId = parsed.success ? remoteIdOf(parsed.data, reply.headers.get('x-restli-id')) : reply.headers.get('x-restli-id');
  if (remoteId === null) return fail({ kind: 'retryable', status: reply.status, networkMessage: 'LinkedIn created the comment without naming it', outcomeUnknown: true });
  return { remoteId, url: linkedinPostUrl(objectUrn), scheduledRemotely: false };
}

/** Whether the author already commented this text under the post (after a crash, before commenting again). */
export async function findLinkedinComment(api: LinkedinApi, actor: string, objectUrn: string, text: string): Promise<LookupResult> {
  const reply = await linkedinRequest(api, { method: 'GET', path: path(objectUrn), query: { count: '100' } });
  const parsed = Comments.safeParse(reply.json);
  if (!parsed.success) return { kind: 'unknown', reason: 'Unexpected reply to GET socialActions comments' };
  const mine = parsed.data.elements.find((comment) => comment.actor === actor && comment.message.text === text);
  const remoteId = mine === undefined ? null : remoteIdOf(mine, null);
  return remoteId === null ? { kind: 'notFound' } : { kind: 'found', remoteId, url: linkedinPostUrl(objectUrn), scheduledRemotely: false };
}
