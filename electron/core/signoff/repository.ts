import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { Network } from '../../../shared/posts/networks';
import type { PostStatus } from '../../../shared/posts/schema';
import type { SignoffContent } from '../../../shared/signoff/revisionHash';
import { Decision, EditorialOverride, FindingsSummary, RequestState } from '../../../shared/signoff/schema';
import { VoiceProfileRepository } from '../voice/repository';
import { SignatureRepository } from '../similarity/signatureRepository';

/** What a request froze and what came of it. */
export interface SignoffRequest {
  id: string;
  postId: string;
  partnerId: string;
  revisionNumber: number;
  revisionHash: string;
  content: SignoffContent;
  state: RequestState;
  channel: 'email' | 'none';
  deadlineAt: number | null;
  tokenExpiresAt: number;
  remindersSent: number;
  seenAt: number | null;
  details: RequestDetails;
  decision: Decision | null;
  decidedAt: number | null;
  createdAt: number;
}

export const RequestDetails = z.object({
  findings: FindingsSummary,
  override: EditorialOverride.nullable(),
  /** The request email's Message-ID, when one is sent. */
  messageId: z.string().nullable(),
  /** The partner's suggestion (its changesSuggested audit entry) this request's revision applies. */
  correctionsFrom: z.number().int().optional(),
});
export type RequestDetails = z.infer<typeof RequestDetails>;

/** The frozen canonical form written by canonicalSignoffContent. */
const FrozenContent = z.object({
  v: z.literal(1),
  texts: z.partialRecord(Network, z.string()),
  media: z.array(z.object({ sha256: z.string(), alt: z.string() })),
  accounts: z.partialRecord(Network, z.string()),
  // Written only when the post has them (issue 16): the request email shows them, a reply is read against them.
  threads: z.partialRecord(Network, z.array(z.string())).optional(),
  firstComments: z.partialRecord(Network, z.string()).optional(),
});

interface RequestRow {
  id: string;
  post_id: string;
  partner_id: string;
  revision_number: number;
  revision_hash: string;
  content: string;
  state: string;
  channel: string;
  deadline_at: number | null;
  token_expires_at: number;
  reminders_sent: number;
  seen_at: number | null;
  details: string;
  decision: string | null;
  decided_at: number | null;
  created_at: number;
}

const toRequest = (row: RequestRow): SignoffRequest => {
  const frozen = FrozenContent.parse(JSON.parse(row.content));
  return {
    id: row.id,
    postId: row.post_id,
    partnerId: row.partner_id,
    revisionNumber: row.revision_number,
    revisionHash: row.revision_hash,
    content: {
      texts: frozen.texts,
      media: frozen.media,
      accounts: frozen.accounts,
      ...(frozen.threads ? { threads: frozen.threads } : {}),
      ...(frozen.firstComments ? { firstComments: frozen.firstComments } : {}),
    },
    state: RequestState.parse(row.state),
    channel: row.channel === 'email' ? 'email' : 'none',
    deadlineAt: row.deadline_at,
    tokenExpiresAt: row.token_expires_at,
    remindersSent: row.reminders_sent,
    seenAt: row.seen_at,
    details: RequestDetails.parse(JSON.parse(row.details)),
    decision: row.decision === null ? null : Decision.parse(row.decision),
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
};

export interface NewRequest {
  id: string;
  postId: string;
  partnerId: string;
  revisionNumber: number;
  revisionHash: string;
  /** canonicalSignoffContent(content): exactly what the hash was computed over. */
  canonicalContent: string;
  channel: 'email' | 'none';
  deadlineAt: number | null;
  tokenExpiresAt: number;
  details: RequestDetails;
  createdAt: number;
}

/** The sign-off columns of a post. */
export interface PostSignoff {
  status: PostStatus;
  approvedHash: string | null;
  approvedRequestId: string | null;
  deadlineAt: number | null;
}

/** The only code writing signoff_requests, signoff_messages and the sign-off columns of posts. */
export class SignoffRepository {
  private readonly signatures: SignatureRepository;
  private readonly voices: VoiceProfileRepository;

  constructor(private readonly db: Database) {
    this.signatures = new SignatureRepository(db);
    this.voices = new VoiceProfileRepository(db);
  }

  insertRequest(request: NewRequest): void {
    this.db
      .prepare(
        `INSERT INTO signoff_requests (id, post_id, partner_id, revision_number, revision_hash, content, state, channel,
           deadline_at, token_expires_at, details, created_at)
         VALUES (@id, @postId, @partnerId, @revisionNumber, @revisionHash, @canonicalContent, 'open', @channel,
           @deadlineAt, @tokenExpiresAt, @details, @createdAt)`,
      )
      .run({ ...request, details: JSON.stringify(request.details) });
  }

  request(id: string): SignoffRequest | null {
    const row = this.db.prepare<[string], RequestRow>('SELECT * FROM signoff_requests WHERE id = ?').get(id);
    return row ? toRequest(row) : null;
  }

  latestRequest(postId: string): SignoffRequest | null {
    const row = this.db
      .prepare<[string], RequestRow>('SELECT * FROM signoff_requests WHERE post_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(postId);
    return row ? toRequest(row) : null;
  }

  openRequest(postId: string): SignoffRequest | null {
    const row = this.db
      .prepare<[string], RequestRow>("SELECT * FROM signoff_requests WHERE post_id = ? AND state = 'open' ORDER BY rowid DESC LIMIT 1")
      .get(postId);
    return row ? toRequest(row) : null;
  }

  /** A partner's requests still waiting for their answer, newest first. */
  openRequestsOfPartner(partnerId: string): SignoffRequest[] {
    return this.db
      .prepare<[string], RequestRow>("SELECT * FROM signoff_requests WHERE partner_id = ? AND state = 'open' ORDER BY created_at DESC, rowid DESC")
      .all(partnerId)
      .map(toRequest);
  }

  /** How many requests a post has had, open or closed. */
  requestCount(postId: string): number {
    return this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM signoff_requests WHERE post_id = ?').get(postId)?.n ?? 0;
  }

  /** The last request the partner is known to have seen, other than `exceptId`. */
  lastSeenRequest(postId: string, exceptId: string | null): SignoffRequest | null {
    const row = this.db
      .prepare<[string, string], RequestRow>(
        `SELECT * FROM signoff_requests WHERE post_id = ? AND id <> ? AND seen_at IS NOT NULL
         ORDER BY seen_at DESC, rowid DESC LIMIT 1`,
      )
      .get(postId, exceptId ?? '');
    return row ? toRequest(row) : null;
  }

  /** Closes an open request; false if it was no longer open. */
  closeRequest(id: string, state: RequestState, decision: Decision | null, decidedAt: number | null): boolean {
    return (
      this.db
        .prepare("UPDATE signoff_requests SET state = ?, decision = ?, decided_at = ? WHERE id = ? AND state = 'open'")
        .run(state, decision, decidedAt, id).changes === 1
    );
  }

  markSeen(id: string, at: number): void {
    this.db.prepare('UPDATE signoff_requests SET seen_at = ? WHERE id = ? AND seen_at IS NULL').run(at, id);
  }

  setRemindersSent(id: string, level: number): void {
    this.db.prepare('UPDATE signoff_requests SET reminders_sent = max(reminders_sent, ?) WHERE id = ?').run(level, id);
  }

  openRequestsWithDeadline(): SignoffRequest[] {
    return this.db
      .prepare<[], RequestRow>("SELECT * FROM signoff_requests WHERE state = 'open' AND deadline_at IS NOT NULL ORDER BY deadline_at")
      .all()
      .map(toRequest);
  }

  /** The oldest open request's creation, to know how far back to read the inbox the first time. */
  oldestOpenRequestAt(): number | null {
    const row = this.db.prepare("SELECT min(created_at) AS at FROM signoff_requests WHERE state = 'open'").get() as { at: number | null };
    return row.at;
  }

  // ── posts: sign-off columns ─────────────────────────────────────────────────────────────

  postSignoff(postId: string): PostSignoff | null {
    const row = this.db
      .prepare('SELECT status, approved_hash, approved_request_id, signoff_deadline_at FROM posts WHERE id = ?')
      .get(postId) as { status: PostStatus; approved_hash: string | null; approved_request_id: string | null; signoff_deadline_at: number | null } | undefined;
    return row
      ? { status: row.status, approvedHash: row.approved_hash, approvedRequestId: row.approved_request_id, deadlineAt: row.signoff_deadline_at }
      : null;
  }

  /**
   * A lifecycle transition's write: only if the post is still in `from` (compare-and-set). The
   * editor's version is left alone, so a status change never makes an open editor conflict.
   */
  setPostStatus(postId: string, from: PostStatus, to: PostStatus, at: number): boolean {
    if (this.db.prepare('UPDATE posts SET status = ? WHERE id = ? AND status = ?').run(to, postId, from).changes !== 1) return false;
    // The near-duplicate signature follows the post's row in the same transaction (rebuilt if stale).
    this.signatures.ensure(postId, at);
    // So does the partner's voice profile: learned at approval and publication, forgotten otherwise.
    this.voices.follow(postId, at);
    return true;
  }

  setApproval(postId: string, hash: string | null, requestId: string | null): void {
    this.db.prepare('UPDATE posts SET approved_hash = ?, approved_request_id = ? WHERE id = ?').run(hash, requestId, postId);
  }

  setDeadline(postId: string, deadlineAt: number | null): void {
    this.db.prepare('UPDATE posts SET signoff_deadline_at = ? WHERE id = ?').run(deadlineAt, postId);
  }

  /** Posts whose publication time has come while they wait for, or lack, a sign-off. */
  postsToHold(statuses: readonly PostStatus[], now: number): { id: string; status: PostStatus }[] {
    if (statuses.length === 0) return [];
    return this.db
      .prepare(
        `SELECT id, status FROM posts WHERE scheduled_at IS NOT NULL AND scheduled_at <= ?
           AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY scheduled_at`,
      )
      .all(now, ...statuses) as { id: string; status: PostStatus }[];
  }

  // ── messages sent about a request ───────────────────────────────────────────────────────

  insertMessage(messageId: string, requestId: string, kind: 'request' | 'reminder', outboxKey: string, now: number): void {
    this.db
      .prepare('INSERT INTO signoff_messages (message_id, request_id, kind, outbox_key, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(messageId, requestId, kind, outboxKey, now);
  }

  /** Requests that sent one of these Message-IDs (the thread a reply belongs to). */
  requestIdsForMessages(messageIds: readonly string[]): string[] {
    if (messageIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT DISTINCT request_id FROM signoff_messages WHERE message_id IN (${messageIds.map(() => '?').join(', ')})`)
      .all(...messageIds) as { request_id: string }[];
    return rows.map((row) => row.request_id);
  }

  /** The newest request that sent one of these Message-IDs (a reply's thread, a bounce's returned headers). */
  newestRequestForMessages(messageIds: readonly string[]): SignoffRequest | null {
    const requests = this.requestIdsForMessages(messageIds).flatMap((id) => this.request(id) ?? []);
    return requests.sort((a, b) => b.createdAt - a.createdAt)[0] ?? null;
  }

  outboxKeys(requestId: string): string[] {
    const rows = this.db.prepare('SELECT outbox_key FROM signoff_messages WHERE request_id = ?').all(requestId) as { outbox_key: string }[];
    return rows.map((row) => row.outbox_key);
  }

  requestMessageId(requestId: string): string | null {
    const row = this.db
      .prepare("SELECT message_id FROM signoff_messages WHERE request_id = ? AND kind = 'request'")
      .get(requestId) as { message_id: string } | undefined;
    return row?.message_id ?? null;
  }
}
