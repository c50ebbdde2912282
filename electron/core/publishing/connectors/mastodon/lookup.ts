import { z } from 'zod';
import type { LookupResult, ParsedLookupRequest } from '../../../../../shared/publishing/port';
import { sameText } from '../../../../../shared/publishing/sameText';
import { parseReply } from '../http/parseReply';
import { lookupSince } from '../lookupWindow';
import { mastodonRequest } from './api';
import type { MastodonApi } from './api';
import { CredentialAccount, ScheduledStatus, Status, StatusSource } from './schemas';

const PAGE = 40;
const MAX_PAGES = 3;
/** An account holds at most 300 scheduled statuses. */
const MAX_SCHEDULED_PAGES = 8;

/**
 * Is this job's post already on the instance?
 * 1. Scheduled statuses keep the Idempotency-Key we sent (`params.idempotency`): exact match.
 * 2. Otherwise the account's own recent statuses, newest first, back to the job's creation:
 *    each candidate's source text (GET /api/v1/statuses/:id/source, the plain text as typed,
 *    not the rendered HTML) is compared with ours.
 * (Within an hour, sending again with the same Idempotency-Key also returns the first status
 * instead of a new one: the instance's own guard.)
 */
export async function findMastodonPost(api: MastodonApi, request: ParsedLookupRequest): Promise<LookupResult> {
  const pending = await findScheduled(api, request.idempotencyKey);
  if (pending !== undefined) return { kind: 'found', remoteId: pending.id, url: null, scheduledRemotely: true };

  const me = parseReply(await mastodonRequest(api, { method: 'GET', path: '/api/v1/accounts/verify_credentials' }), CredentialAccount, 'verify_credentials');
  const since = lookupSince(request.jobCreatedAt);
  let maxId: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const reply = await mastodonRequest(api, {
      method: 'GET',
      path: `/api/v1/accounts/${encodeURIComponent(me.id)}/statuses`,
      query: { limit: String(PAGE), exclude_reblogs: 'true', max_id: maxId },
    });
    const statuses = parseReply(reply, z.array(Status), 'GET /api/v1/accounts/:id/statuses');
    const recent = statuses.filter((status) => Date.parse(status.created_at) >= since);
    for (const status of recent) {
      const source = parseReply(
        await mastodonRequest(api, { method: 'GET', path: `/api/v1/statuses/${encodeURIComponent(status.id)}/source` }),
        StatusSource,
        'GET /api/v1/statuses/:id/source',
      );
      if (sameText(request.text, source.text)) return { kind: 'found', remoteId: status.id, url: status.url ?? status.uri, scheduledRemotely: false };
    }
    // Older statuses than the window, or no more pages: nothing further can be ours.
    const last = statuses.at(-1);
    if (last === undefined || recent.length < statuses.length || statuses.length < PAGE) break;
    maxId = last.id;
  }
  return { kind: 'notFound' };
}

async function findScheduled(api: MastodonApi, idempotencyKey: string): Promise<ScheduledStatus | undefined> {
  let maxId: string | undefined;
  for (let page = 0; page < MAX_SCHEDULED_PAGES; page += 1) {
    const reply = await mastodonRequest(api, { method: 'GET', path: '/api/v1/scheduled_statuses', query: { limit: String(PAGE), max_id: maxId } });
    const scheduled = parseReply(reply, z.array(ScheduledStatus), 'GET /api/v1/scheduled_statuses');
    const match = scheduled.find((item) => item.params.idempotency === idempotencyKey);
    if (match !== undefined) return match;
    const last = scheduled.at(-1);
    if (last === undefined || scheduled.length < PAGE) return undefined;
    maxId = last.id;
  }
  return undefined;
}
