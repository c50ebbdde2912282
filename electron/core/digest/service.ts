import { decodeMailFailure } from '../../../shared/mail/failure';
import type { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { silentNetworks } from '../../../shared/digest/cadenceFlag';
import type { CadenceFlag } from '../../../shared/digest/cadenceFlag';
import { composeDigest } from '../../../shared/digest/compose';
import type { ComposedDigest } from '../../../shared/digest/compose';
import { followingPeriod, lastEndedPeriod } from '../../../shared/digest/period';
import type { DigestFrequency, DigestPeriod } from '../../../shared/digest/period';
import type { DigestEmailWaiting, DigestPreview, DigestSendNow, DigestSent, DigestSettings } from '../../../shared/digest/schema';
import { ApiError } from '../../../shared/api/errors';
import { latestFigures } from '../../../shared/engagement/figures';
import type { Partner } from '../../../shared/partners/schema';
import type { Clock } from '../clock';
import type { EngagementRepository } from '../engagement/repository';
import { notFound } from '../errors';
import type { OutboxJob } from '../outbox/repository';
import type { PartnerRepository } from '../partners/repository';
import { DIGEST_EMAIL, DigestPayload, digestKey } from './payload';
import type { DigestRepository } from './repository';

export interface DigestServiceDeps {
  digests: DigestRepository;
  partners: PartnerRepository;
  engagement: EngagementRepository;
  /** The partner's resolved editorial line cadence (firm line + partner line). */
  cadenceFor(partnerId: string): Pick<CadencePolicy, 'postsPerWeek'>;
  jobs(): readonly OutboxJob[];
  /** The outbox job of a key, if any. */
  job(key: string): OutboxJob | null;
  /** Cancels a job not started yet; false when it is already on its way or finished. */
  cancel(key: string): boolean;
  /** Queues a digest job (idempotent by key) and wakes the background loop. */
  enqueue(key: string, payload: DigestPayload): OutboxJob;
  newMessageId(): string;
  clock: Clock;
}

const WAITING = new Set<OutboxJob['state']>(['queued', 'sending', 'failed']);

/** Builds digests from the workspace; the settings; the cadence flags the calendar shows. */
export class DigestService {
  constructor(private readonly deps: DigestServiceDeps) {}

  settings(partnerId: string): DigestSettings {
    this.partner(partnerId);
    return { partnerId, frequency: this.deps.digests.frequency(partnerId) };
  }

  setFrequency(partnerId: string, frequency: DigestFrequency): DigestSettings {
    this.partner(partnerId);
    this.deps.digests.setFrequency(partnerId, frequency, this.deps.clock.now());
    // Switched off: digests still waiting are called back (one already sending cannot be).
    if (frequency === 'off') {
      for (const waiting of this.queue()) if (waiting.partnerId === partnerId && waiting.state === 'queued') this.deps.cancel(digestKey(partnerId, waiting.periodKey));
    }
    return this.settings(partnerId);
  }

  /** What the partner would receive now for the last ended period (monthly when switched off). */
  preview(partnerId: string): DigestPreview {
    const partner = this.partner(partnerId);
    const frequency = this.deps.digests.frequency(partnerId);
    const period = lastEndedPeriod(frequency === 'weekly' ? 'weekly' : 'monthly', this.deps.clock.now(), partner.timeZone);
    const { subject, text, html } = this.compose(partner, period, this.deps.clock.now());
    return { partnerId, frequency, period, to: partner.signoffEmail, subject, text, html };
  }

  /** The digest of `period`, as of `now` (sign-offs still open now, posts planned in the period after). */
  compose(partner: Partner, period: DigestPeriod, now: number): ComposedDigest {
    const zone = partner.timeZone;
    const next = followingPeriod(period, zone);
    const published = this.deps.engagement.forPartner(partner.id, period.start, period.end).map((row) => ({
      title: row.title,
      network: row.network,
      publishedAt: row.publishedAt ?? period.start,
      url: row.url,
      figures: latestFigures(row.readings),
    }));
    return composeDigest({
      partner,
      period,
      next,
      published,
      awaiting: this.deps.digests.awaiting(partner.id),
      // From now: what already went out in the current period is not "planned".
      planned: this.deps.digests.planned(partner.id, Math.max(now, next.start), next.end),
      silent: silentNetworks({ policy: this.deps.cadenceFor(partner.id), lastPublished: this.deps.digests.lastPublished().get(partner.id) ?? {}, since: partner.createdAt, zone, now }),
    });
  }

  sent(partnerId: string): DigestSent[] {
    this.partner(partnerId);
    return this.deps.digests.sent(partnerId).map(({ periodKey, to, messageId, sentAt }) => ({ periodKey, to, messageId, sentAt }));
  }

  /** The previewed digest (last ended period), queued now rather than at the next tick. */
  sendNow(partnerId: string): DigestSendNow {
    const partner = this.partner(partnerId);
    const frequency = this.deps.digests.frequency(partnerId);
    if (frequency === 'off') throw new ApiError({ code: 'conflict', messageKey: 'digest.errors.off', message: 'the digest is switched off for this partner' });
    if (partner.signoffEmail === '') throw new ApiError({ code: 'conflict', messageKey: 'digest.errors.noAddress', message: 'the partner has no sign-off address' });
    const period = lastEndedPeriod(frequency, this.deps.clock.now(), partner.timeZone);
    const key = digestKey(partnerId, period.key);
    const existing = this.deps.job(key);
    if (existing) return { periodKey: period.key, state: existing.state, alreadyQueued: true };
    const job = this.deps.enqueue(key, { partnerId, period, messageId: this.deps.newMessageId() });
    return { periodKey: period.key, state: job.state, alreadyQueued: false };
  }

  /** Active partners silent past their cadence target, for the calendar. */
  cadenceFlags(): CadenceFlag[] {
    const now = this.deps.clock.now();
    const last = this.deps.digests.lastPublished();
    return this.deps.partners
      .list(false)
      .map((partner) => ({
        partnerId: partner.id,
        silent: silentNetworks({ policy: this.deps.cadenceFor(partner.id), lastPublished: last.get(partner.id) ?? {}, since: partner.createdAt, zone: partner.timeZone, now }),
      }))
      .filter((flag) => flag.silent.length > 0);
  }

  /** Digests not delivered yet, oldest first: the Envoi page lists them beside sign-off emails. */
  queue(): DigestEmailWaiting[] {
    const out: DigestEmailWaiting[] = [];
    for (const job of this.deps.jobs()) {
      if (job.kind !== DIGEST_EMAIL || !WAITING.has(job.state)) continue;
      const payload = DigestPayload.safeParse(job.payload);
      if (!payload.success) continue;
      const partner = this.deps.partners.get(payload.data.partnerId);
      out.push({
        jobId: job.id,
        partnerId: payload.data.partnerId,
        partnerName: partner?.displayName ?? '',
        to: partner?.signoffEmail ?? '',
        periodKey: payload.data.period.key,
        state: job.state,
        attempts: job.attempts,
        nextTryAt: job.state === 'queued' ? job.notBefore : null,
        lastError: job.lastError,
        failure: decodeMailFailure(job.lastError),
        createdAt: job.createdAt,
      });
    }
    return out.sort((a, b) => a.createdAt - b.createdAt);
  }

  private partner(partnerId: string): Partner {
    const partner = this.deps.partners.get(partnerId);
    if (!partner) throw notFound('partner', partnerId);
    return partner;
  }
}
