import type { Database } from 'better-sqlite3';
import { Network } from '../../../shared/posts/networks';
import type { PostStatus } from '../../../shared/posts/schema';
import { OutboxState } from '../../../shared/signoff/outboxJob';
import { PublicationReason, PublicationState } from '../../../shared/publishing/publication';
import type { HeldReason, PostMediaView, PublicationJob, QueueItem, Withdrawal } from '../../../shared/publishing/publication';
import { decodeFailure } from '../../../shared/publishing/failure';

export interface Publication {
  id: number;
  postId: string;
  roundId: string;
  network: Network;
  accountId: string | null;
  mode: 'api' | 'manual';
  outboxKey: string | null;
  state: PublicationState;
  approvedHash: string;
  dueAt: number;
  remoteId: string | null;
  url: string | null;
  error: string | null;
  reason: PublicationReason | null;
  needsLookup: boolean;
  active: boolean;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  job: PublicationJob | null;
  /** The instance is being asked to delete what it held (its `cancel` job under way or failed). */
  withdrawal: Withdrawal | null;
}

interface PublicationRow {
  id: number;
  post_id: string;
  round_id: string;
  network: string;
  account_id: string | null;
  mode: string;
  outbox_key: string | null;
  state: string;
  approved_hash: string;
  due_at: number;
  remote_id: string | null;
  url: string | null;
  error: string | null;
  error_kind: string | null;
  needs_lookup: number;
  active: number;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  job_state: string | null;
  job_attempts: number | null;
  job_not_before: number | null;
  job_last_error: string | null;
  cancel_state: string | null;
  cancel_attempts: number | null;
  cancel_not_before: number | null;
  cancel_last_error: string | null;
  instance_url: string | null;
}

const toPublication = (row: PublicationRow): Publication => {
  const reason = PublicationReason.safeParse(row.error_kind);
  return {
    id: row.id,
    postId: row.post_id,
    roundId: row.round_id,
    network: Network.parse(row.network),
    accountId: row.account_id,
    mode: row.mode === 'manual' ? 'manual' : 'api',
    outboxKey: row.outbox_key,
    state: PublicationState.parse(row.state),
    approvedHash: row.approved_hash,
    dueAt: row.due_at,
    remoteId: row.remote_id,
    url: row.url,
    error: row.error,
    reason: reason.success ? reason.data : null,
    needsLookup: row.needs_lookup === 1,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    job:
      row.job_state === null
        ? null
        : {
            state: OutboxState.parse(row.job_state),
            attempts: row.job_attempts ?? 0,
            notBefore: row.job_not_before ?? 0,
            lastTry: decodeFailure(row.job_last_error),
          },
    withdrawal:
      row.cancel_state === null || !WITHDRAWING.includes(row.cancel_state)
        ? null
        : {
            state: OutboxState.parse(row.cancel_state),
            attempts: row.cancel_attempts ?? 0,
            notBefore: row.cancel_not_before ?? 0,
            lastTry: decodeFailure(row.cancel_last_error),
            instanceUrl: row.instance_url,
          },
  };
};

/** States of a `cancel` job during which the instance may still hold the post. */
const WITHDRAWING = ['queued', 'sending', 'failed'];
const WITHDRAWING_SQL = `c.state IN ('queued', 'sending', 'failed')`;

// The outbox jobs (the publication's own, and the call-back of what an instance held) are read
// alongside, never written here: the outbox repository owns them.
const JOINS = `LEFT JOIN outbox o ON o.idempotency_key = p.outbox_key
  LEFT JOIN outbox c ON c.idempotency_key = p.outbox_key || ':cancel'
  LEFT JOIN accounts acc ON acc.id = p.account_id`;
const JOB_COLUMNS = `o.state AS job_state, o.attempts AS job_attempts, o.not_before AS job_not_before, o.last_error AS job_last_error,
  c.state AS cancel_state, c.attempts AS cancel_attempts, c.not_before AS cancel_not_before, c.last_error AS cancel_last_error,
  acc.instance_url AS instance_url`;
const SELECT = `SELECT p.*, ${JOB_COLUMNS} FROM publications p ${JOINS}`;

export interface NewPublication {
  postId: string;
  roundId: string;
  network: Network;
  accountId: string | null;
  mode: 'api' | 'manual';
  outboxKey: string | null;
  state: PublicationState;
  approvedHash: string;
  dueAt: number;
}

/**
 * A post (`p`) of a partner not archived: posts of archived partners are held, never published.
 * Correlated, so it is checked only for the rows left by the other terms (as `NOT IN` a list of
 * archived partners, it was checked first for every dated post: 15 → 54 ms at 100,000 posts).
 */
const PARTNER_ACTIVE = 'NOT EXISTS (SELECT 1 FROM partners pa WHERE pa.id = p.partner_id AND pa.archived_at IS NOT NULL)';

/** The only code writing publication_targets, publications, media and post_media. */
export class PublicationRepository {
  constructor(private readonly db: Database) {}

  // ── targets ─────────────────────────────────────────────────────────────────────────────

  targets(postId: string): Map<Network, string | null> {
    const rows = this.db.prepare('SELECT network, account_id FROM publication_targets WHERE post_id = ?').all(postId) as {
      network: string;
      account_id: string | null;
    }[];
    return new Map(rows.map((row) => [Network.parse(row.network), row.account_id]));
  }

  setTarget(postId: string, network: Network, accountId: string | null, now: number): void {
    this.db
      .prepare(
        `INSERT INTO publication_targets (post_id, network, account_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (post_id, network) DO UPDATE SET account_id = excluded.account_id, updated_at = excluded.updated_at`,
      )
      .run(postId, network, accountId, now);
  }

  // ── publications ────────────────────────────────────────────────────────────────────────

  insert(publication: NewPublication, now: number): number {
    const result = this.db
      .prepare(
        `INSERT INTO publications (post_id, round_id, network, account_id, mode, outbox_key, state, approved_hash, due_at,
           created_at, updated_at)
         VALUES (@postId, @roundId, @network, @accountId, @mode, @outboxKey, @state, @approvedHash, @dueAt, @now, @now)`,
      )
      .run({ ...publication, now });
    return Number(result.lastInsertRowid);
  }

  get(id: number): Publication | null {
    const row = this.db.prepare<[number], PublicationRow>(`${SELECT} WHERE p.id = ?`).get(id);
    return row ? toPublication(row) : null;
  }

  byKey(key: string): Publication | null {
    const row = this.db.prepare<[string], PublicationRow>(`${SELECT} WHERE p.outbox_key = ?`).get(key);
    return row ? toPublication(row) : null;
  }

  /** The post's current publications (the active round, plus what was published before). */
  active(postId: string): Publication[] {
    return this.db
      .prepare<[string], PublicationRow>(`${SELECT} WHERE p.post_id = ? AND p.active = 1 ORDER BY p.network, p.id`)
      .all(postId)
      .map(toPublication);
  }

  /** Networks this post was ever published to (never sent twice, whatever happened since). */
  publishedNetworks(postId: string): Set<Network> {
    const rows = this.db.prepare("SELECT DISTINCT network FROM publications WHERE post_id = ? AND state = 'published'").all(postId) as {
      network: string;
    }[];
    return new Set(rows.map((row) => Network.parse(row.network)));
  }

  /**
   * What the post's panel lists: its current publications, and any older one whose call-back
   * to the instance is under way or failed (the instance may still publish it).
   */
  shown(postId: string): Publication[] {
    return this.db
      .prepare<[string], PublicationRow>(`${SELECT} WHERE p.post_id = ? AND (p.active = 1 OR ${WITHDRAWING_SQL}) ORDER BY p.active DESC, p.network, p.id`)
      .all(postId)
      .map(toPublication);
  }

  markPublished(id: number, remoteId: string, url: string | null, now: number): void {
    this.db
      .prepare(
        `UPDATE publications SET state = 'published', remote_id = ?, url = ?, error = NULL, error_kind = NULL, needs_lookup = 0,
           published_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(remoteId, url, now, now, id);
  }

  markScheduledRemotely(id: number, remoteId: string, now: number): void {
    this.db.prepare("UPDATE publications SET state = 'scheduled_remote', remote_id = ?, updated_at = ? WHERE id = ?").run(remoteId, now, id);
  }

  markFailed(id: number, error: string, reason: PublicationReason | null, now: number): void {
    this.db
      .prepare("UPDATE publications SET state = 'failed', error = ?, error_kind = ?, updated_at = ? WHERE id = ?")
      .run(error, reason, now, id);
  }

  /** Back to waiting (a retry): the job is queued again, or the manual publication awaited again. */
  reopen(id: number, state: 'queued' | 'awaiting_manual', now: number): void {
    this.db.prepare('UPDATE publications SET state = ?, error = NULL, error_kind = NULL, updated_at = ? WHERE id = ?').run(state, now, id);
  }

  setNeedsLookup(id: number, needsLookup: boolean, now: number): void {
    this.db.prepare('UPDATE publications SET needs_lookup = ?, updated_at = ? WHERE id = ?').run(needsLookup ? 1 : 0, now, id);
  }

  /**
   * The round no longer applies: what was not published is set aside (queued and manual ones
   * cancelled). Published rows stay, as history and so no network gets the post twice.
   */
  closeRound(postId: string, now: number): Publication[] {
    // What an instance was to publish by itself before now is out already: it stays, to be confirmed.
    const out = (p: Publication) => p.state === 'published' || (p.state === 'scheduled_remote' && p.dueAt <= now);
    const open = this.active(postId).filter((p) => !out(p));
    this.db
      .prepare(
        `UPDATE publications SET active = 0, updated_at = @now,
           state = CASE WHEN state IN ('queued', 'awaiting_manual', 'scheduled_remote') THEN 'cancelled' ELSE state END
         WHERE post_id = @postId AND active = 1 AND state <> 'published' AND NOT (state = 'scheduled_remote' AND due_at <= @now)`,
      )
      .run({ now, postId });
    return open;
  }

  // ── posts the step looks at (read only: posts are written by their own repositories) ────
  // An archived partner's posts are held: none is scheduled, started or handed to an instance
  // until the partner is restored (`scheduledOfArchived` takes back those already scheduled).

  approvedWithTime(): string[] {
    const rows = this.db
      .prepare(`SELECT id FROM posts p WHERE status = 'approved' AND scheduled_at IS NOT NULL AND ${PARTNER_ACTIVE} ORDER BY scheduled_at`)
      .all() as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Scheduled posts whose partner was archived: to take back to approved, their round closed. */
  scheduledOfArchived(): string[] {
    const rows = this.db
      .prepare(`SELECT id FROM posts WHERE status = 'scheduled' AND partner_id IN (SELECT id FROM partners WHERE archived_at IS NOT NULL) ORDER BY scheduled_at`)
      .all() as { id: string }[];
    return rows.map((row) => row.id);
  }

  scheduledWithoutTime(): string[] {
    const rows = this.db.prepare("SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at IS NULL").all() as { id: string }[];
    return rows.map((row) => row.id);
  }

  /**
   * Scheduled posts whose time has come and whose publication has not fully started: no
   * active row, or only one handed early to an instance's own scheduler (Mastodon).
   */
  dueToStart(now: number): string[] {
    const rows = this.db
      .prepare(
        `SELECT id FROM posts p WHERE status = 'scheduled' AND scheduled_at IS NOT NULL AND scheduled_at <= ?
           AND NOT EXISTS (SELECT 1 FROM publications x WHERE x.post_id = p.id AND x.active = 1
                           AND x.state IN ('queued', 'awaiting_manual', 'failed'))
           AND ${PARTNER_ACTIVE}
         ORDER BY scheduled_at`,
      )
      .all(now) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Scheduled posts due within [from, to] going to Mastodon, whose Mastodon publication has not started. */
  aheadForMastodon(from: number, to: number): string[] {
    const rows = this.db
      .prepare(
        `SELECT id FROM posts p WHERE status = 'scheduled' AND scheduled_at BETWEEN ? AND ?
           AND EXISTS (SELECT 1 FROM json_each(p.networks) n WHERE n.value = 'mastodon')
           AND NOT EXISTS (SELECT 1 FROM publications x WHERE x.post_id = p.id AND x.network = 'mastodon'
                           AND (x.active = 1 OR x.state = 'published'))
           AND ${PARTNER_ACTIVE}
         ORDER BY scheduled_at`,
      )
      .all(from, to) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Posts an instance was to publish by itself by `before`: to confirm (and get the status URL). */
  remoteToConfirm(before: number): Publication[] {
    return this.db
      .prepare<[number], PublicationRow>(`${SELECT} WHERE p.active = 1 AND p.state = 'scheduled_remote' AND p.due_at <= ? ORDER BY p.due_at`)
      .all(before)
      .map(toPublication);
  }

  /** The first instant strictly after `after` at which a post comes due, to wake the scheduler right then. */
  nextDueAt(after: number): number | null {
    const row = this.db
      .prepare(`SELECT min(scheduled_at) AS at FROM posts p WHERE status IN ('approved', 'scheduled') AND scheduled_at > ? AND ${PARTNER_ACTIVE}`)
      .get(after) as { at: number | null };
    return row.at;
  }

  /** Missed posts, oldest slot first: the first `limit`, and how many there are. */
  missed(limit: number): { items: { postId: string; title: string; scheduledAt: number | null }[]; total: number } {
    const total = (this.db.prepare("SELECT count(*) AS n FROM posts WHERE status = 'missed'").get() as { n: number }).n;
    const rows = this.db.prepare("SELECT id, title, scheduled_at FROM posts WHERE status = 'missed' ORDER BY scheduled_at LIMIT ?").all(limit) as {
      id: string;
      title: string;
      scheduled_at: number | null;
    }[];
    return { items: rows.map((row) => ({ postId: row.id, title: row.title, scheduledAt: row.scheduled_at })), total };
  }

  /** Publications the queue lists from, in all. */
  queueTotal(): number {
    return (
      this.db.prepare(`SELECT count(*) AS n FROM publications p ${JOINS} WHERE p.active = 1 OR p.state <> 'cancelled' OR ${WITHDRAWING_SQL}`).get() as { n: number }
    ).n;
  }

  /** Held posts (their time came without a valid approval), latest slot first: the first `limit`, and how many there are. */
  held(limit: number): { items: { postId: string; title: string; scheduledAt: number | null; reason: HeldReason }[]; total: number } {
    const total = (this.db.prepare("SELECT count(*) AS n FROM posts WHERE status = 'held'").get() as { n: number }).n;
    const rows = this.db.prepare("SELECT id, title, scheduled_at FROM posts WHERE status = 'held' ORDER BY scheduled_at DESC LIMIT ?").all(limit) as {
      id: string;
      title: string;
      scheduled_at: number | null;
    }[];
    return { items: rows.map((row) => ({ postId: row.id, title: row.title, scheduledAt: row.scheduled_at, reason: this.heldReason(row.id) })), total };
  }

  /**
   * Why a post was held: the partner went back on her approval (the hold says so: the approval
   * itself still stands in the log), its approval was voided by an edit (the latest of these
   * facts), or it was simply not approved.
   */
  heldReason(postId: string): HeldReason {
    const hold = this.db
      .prepare("SELECT json_extract(details, '$.reason') AS reason FROM audit_log WHERE post_id = ? AND action = 'hold' ORDER BY id DESC LIMIT 1")
      .get(postId) as { reason: unknown } | undefined;
    if (hold?.reason === 'partnerWithdrew') return 'partnerWithdrew';
    const row = this.db
      .prepare("SELECT action FROM audit_log WHERE post_id = ? AND action IN ('approve', 'approvalVoided') ORDER BY id DESC LIMIT 1")
      .get(postId) as { action: string } | undefined;
    return row?.action === 'approvalVoided' ? 'contentChanged' : 'notApproved';
  }

  /** Why the post's slot was last missed: approved after its time, or gone by while the machine was off. */
  missedReason(postId: string): 'approvedLate' | 'late' {
    const row = this.db
      .prepare("SELECT json_extract(details, '$.reason') AS reason FROM audit_log WHERE post_id = ? AND action = 'missed' ORDER BY id DESC LIMIT 1")
      .get(postId) as { reason: unknown } | undefined;
    return row?.reason === 'approvedLate' ? 'approvedLate' : 'late';
  }

  postStatus(postId: string): PostStatus | null {
    const row = this.db.prepare('SELECT status FROM posts WHERE id = ?').get(postId) as { status: PostStatus } | undefined;
    return row?.status ?? null;
  }

  /** Publications not finished first, then the latest finished ones. */
  queue(limit: number): QueueItem[] {
    const rows = this.db
      .prepare<[number], PublicationRow & { title: string; partner_name: string; handle: string | null }>(
        `SELECT p.*, ${JOB_COLUMNS}, po.title AS title, pa.display_name AS partner_name, acc.handle AS handle
         FROM publications p
         JOIN posts po ON po.id = p.post_id
         JOIN partners pa ON pa.id = po.partner_id
         ${JOINS}
         WHERE p.active = 1 OR p.state <> 'cancelled' OR ${WITHDRAWING_SQL}
         ORDER BY p.state IN ('published', 'cancelled') AND coalesce(${WITHDRAWING_SQL}, 0) = 0, p.due_at DESC, p.id DESC LIMIT ?`,
      )
      .all(limit);
    return rows.map((row) => {
      const publication = toPublication(row);
      return {
        publicationId: publication.id,
        postId: publication.postId,
        postTitle: row.title,
        partnerName: row.partner_name,
        network: publication.network,
        accountHandle: row.handle,
        state: publication.state,
        job: publication.job,
        dueAt: publication.dueAt,
        url: publication.url,
        failure: publication.state === 'failed' ? decodeFailure(publication.error) : null,
        reason: publication.reason,
        withdrawal: publication.withdrawal,
        updatedAt: publication.updatedAt,
      };
    });
  }

  // ── media ───────────────────────────────────────────────────────────────────────────────

  insertMedia(sha256: string, mimeType: string, size: number, now: number): void {
    this.db
      .prepare('INSERT INTO media (sha256, mime_type, size, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING')
      .run(sha256, mimeType, size, now);
  }

  postMedia(postId: string): PostMediaView[] {
    const rows = this.db
      .prepare(
        `SELECT pm.position, pm.sha256, pm.alt, m.mime_type, m.size FROM post_media pm JOIN media m ON m.sha256 = pm.sha256
         WHERE pm.post_id = ? ORDER BY pm.position`,
      )
      .all(postId) as { position: number; sha256: string; alt: string; mime_type: string; size: number }[];
    return rows.map((row) => ({ position: row.position, sha256: row.sha256, alt: row.alt, mimeType: row.mime_type, size: row.size }));
  }

  attach(postId: string, sha256: string, alt: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO post_media (post_id, position, sha256, alt, created_at)
         VALUES (?, coalesce((SELECT max(position) + 1 FROM post_media WHERE post_id = ?), 0), ?, ?, ?)`,
      )
      .run(postId, postId, sha256, alt, now);
  }

  setAlt(postId: string, position: number, alt: string): boolean {
    return this.db.prepare('UPDATE post_media SET alt = ? WHERE post_id = ? AND position = ?').run(alt, postId, position).changes === 1;
  }

  /** Removes one image and closes the gap, so positions stay 0, 1, 2… */
  detach(postId: string, position: number): boolean {
    const removed = this.db.prepare('DELETE FROM post_media WHERE post_id = ? AND position = ?').run(postId, position).changes === 1;
    if (!removed) return false;
    // One row at a time, lowest first, so no two rows ever share a position.
    const later = this.db.prepare('SELECT position FROM post_media WHERE post_id = ? AND position > ? ORDER BY position').all(postId, position) as {
      position: number;
    }[];
    const shift = this.db.prepare('UPDATE post_media SET position = ? WHERE post_id = ? AND position = ?');
    for (const row of later) shift.run(row.position - 1, postId, row.position);
    return true;
  }
}
