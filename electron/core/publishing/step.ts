import { DEFAULT_GRACE_MINUTES } from '../../../shared/publishing/publication';
import { MASTODON_MIN_SCHEDULE_MS } from './connectors/mastodon/connector';
import { timeSlicer } from '../scheduler/timeSlice';
import { GRACE_SETTING, SYSTEM } from './deps';
import type { PublishingDeps } from './deps';
import { REMOTE_HORIZON_MS } from './rounds';
import type { Rounds } from './rounds';

export interface StepReport {
  scheduled: number;
  started: number;
  missed: number;
  handedToInstance: number;
  /** Scheduled posts taken back because their partner was archived. */
  held: number;
}

/** Our margin over Mastodon's 5-minute minimum: the request takes time and the instance's clock is not ours. */
const REMOTE_MARGIN_MS = 2 * 60_000;
/** How long after its time an instance is given to publish what it held before we ask. */
const CONFIRM_DELAY_MS = 30_000;
/**
 * Missed posts named in an alert of their own in one pass; the rest are counted in one alert.
 * After days off, a catch-up can miss thousands: one alert each buried the count under « 17
 * autres alertes ».
 */
export const MISSED_ALERTS_NAMED = 3;

/**
 * The scheduler's publication step, each tick:
 *   1. approved posts with a time become `scheduled`;
 *   2. scheduled posts whose time was removed go back to `approved`;
 *   3. scheduled posts whose time has come start publishing — unless the slot passed longer
 *      ago than the grace window (machine asleep or off): then they are `missed` and wait for
 *      the community manager's decision, never published silently late;
 *   4. Mastodon posts due in more than 7 minutes (and within a day) are handed to the
 *      instance now with `scheduled_at`; after their time, the instance is asked for the
 *      published status (its URL).
 * The outbox runs right after, in the same tick, so a due post leaves within the tick.
 */
export class PublicationStep {
  constructor(
    private readonly deps: PublishingDeps,
    private readonly rounds: Rounds,
  ) {}

  graceMinutes(): number {
    const value = this.deps.settings.read(GRACE_SETTING);
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_GRACE_MINUTES;
  }

  async run(now: number): Promise<StepReport> {
    const report: StepReport = { scheduled: 0, started: 0, missed: 0, handedToInstance: 0, held: 0 };
    try {
      return await this.pass(now, report);
    } finally {
      // Said even when the pass stopped early (workspace closed): what was missed is stored.
      const unnamed = report.missed - MISSED_ALERTS_NAMED;
      if (unnamed > 0) this.deps.events.emit({ type: 'alert', messageKey: 'publishing.alerts.missedMore', params: { count: unnamed, total: report.missed }, severity: 'error', postId: null });
    }
  }

  private async pass(now: number, report: StepReport): Promise<StepReport> {
    const { db, posts, publications, transitions } = this.deps;
    // A catch-up of thousands of posts shares the thread; each post is read again after a pause.
    const slice = timeSlicer();
    const paused = async () => {
      await slice();
      return !db.open;
    };
    for (const id of publications.approvedWithTime()) {
      if (await paused()) return report;
      const post = posts.get(id);
      if (post?.status !== 'approved') continue;
      db.transaction(() => {
        transitions.apply({ post, event: 'schedule', actor: SYSTEM, channel: 'system', at: now, details: { scheduledAt: post.scheduledAt, zone: post.scheduledZone } });
      })();
      this.rounds.changed(id);
      report.scheduled++;
    }
    // Scheduled posts that can no longer go out as they are go back to approved (the sign-off
    // stands), their round closed: a time removed, or a partner archived (nothing goes out under
    // their name; restored, the posts are scheduled again above).
    const takeBack = [
      ...publications.scheduledWithoutTime().map((id) => ({ id, reason: 'timeRemoved' as const })),
      ...publications.scheduledOfArchived().map((id) => ({ id, reason: 'partnerArchived' as const })),
    ];
    for (const { id, reason } of takeBack) {
      if (await paused()) return report;
      const post = posts.get(id);
      if (post?.status !== 'scheduled') continue;
      db.transaction(() => {
        this.rounds.close(id, now);
        transitions.apply({ post, event: 'unschedule', actor: SYSTEM, channel: 'system', at: now, details: { reason, scheduledAt: post.scheduledAt } });
      })();
      this.rounds.changed(id);
      if (reason === 'partnerArchived') report.held++;
    }
    const graceMs = this.graceMinutes() * 60_000;
    for (const id of publications.dueToStart(now)) {
      if (await paused()) return report;
      const post = posts.get(id);
      if (post?.status !== 'scheduled' || post.scheduledAt === null) continue;
      // Only a network handed early to its instance is under way, and nothing else is left.
      if (this.rounds.pending(post).length === 0 && publications.active(id).length > 0) continue;
      const lateMs = now - post.scheduledAt;
      const scheduledAt = post.scheduledAt;
      if (lateMs > graceMs) {
        db.transaction(() => {
          transitions.apply({ post, event: 'missed', actor: SYSTEM, channel: 'system', at: now, details: { scheduledAt, lateMs, graceMinutes: graceMs / 60_000 } });
        })();
        this.rounds.changed(id);
        if (report.missed < MISSED_ALERTS_NAMED) this.rounds.alert('publishing.alerts.missed', post, 'error', { scheduledAt });
        report.missed++;
        continue;
      }
      if (db.transaction(() => this.rounds.start(post, now))()) report.started++;
    }
    // Far enough ahead, Mastodon gets the post now with `scheduled_at`: it goes out even if this machine sleeps.
    for (const id of publications.aheadForMastodon(now + MASTODON_MIN_SCHEDULE_MS + REMOTE_MARGIN_MS, now + REMOTE_HORIZON_MS)) {
      if (await paused()) return report;
      const post = posts.get(id);
      if (post?.status !== 'scheduled') continue;
      if (db.transaction(() => this.rounds.start(post, now, SYSTEM, 'mastodon'))()) report.handedToInstance++;
    }
    for (const publication of publications.remoteToConfirm(now - CONFIRM_DELAY_MS)) {
      db.transaction(() => this.rounds.confirm(publication, now))();
    }
    return report;
  }
}
