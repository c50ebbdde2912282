import type { Database } from 'better-sqlite3';
import type { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { lastEndedPeriod } from '../../../shared/digest/period';
import type { Clock } from '../clock';
import { EngagementRepository } from '../engagement/repository';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { newMessageId } from '../mail/messageId';
import { messageIdDomain } from '../mail/settings';
import type { PartnerRepository } from '../partners/repository';
import type { SignoffFeature } from '../signoff/feature';
import { DigestEmailJob } from './job';
import { DIGEST_EMAIL, digestKey } from './payload';
import type { DigestPayload } from './payload';
import { DigestRepository } from './repository';
import { DigestService } from './service';

export interface DigestBase {
  db: Database;
  clock: Clock;
  events: EventBus;
  log: Logger;
  partners: PartnerRepository;
  /** The outbox, SMTP account, records and scheduler live with sign-off; the digest adds its job kind and a step. */
  signoff: SignoffFeature;
  cadenceFor(partnerId: string): Pick<CadencePolicy, 'postsPerWeek'>;
}

/** The partner digest, wired (called from the composition root). */
export function createDigest(base: DigestBase) {
  const { db, clock, events, log, partners, signoff } = base;
  const digests = new DigestRepository(db);
  const service = new DigestService({
    digests,
    partners,
    engagement: new EngagementRepository(db),
    cadenceFor: (partnerId) => base.cadenceFor(partnerId),
    jobs: () => signoff.outbox.list(),
    job: (key) => signoff.deps.outboxJobs.byKey(key),
    cancel: (key) => signoff.outbox.cancel(key, clock.now()),
    enqueue: (key, payload) => {
      const job = signoff.outbox.enqueue(DIGEST_EMAIL, key, payload, clock.now(), clock.now());
      signoff.deps.wake();
      return job;
    },
    newMessageId: () => newMessageId(messageIdDomain(signoff.deps.mail.settings())),
    clock,
  });
  signoff.outbox.register(
    DIGEST_EMAIL,
    new DigestEmailJob({ digests, service, partners, mail: signoff.deps.mail, mailReachability: signoff.mailReachability, archive: signoff.deps.archive, clock, events, log }),
  );

  /**
   * Once a partner's period has ended in their zone, their digest is queued, once (the outbox
   * key names partner and period). Partners switched off or without a sign-off address are
   * skipped, and so is a period the partner did not exist through (a new partner's first
   * digest covers their first whole period), as is the example workspace's partner.
   */
  const plan = (now: number): void => {
    for (const partner of partners.list(false)) {
      if (partner.isExample || partner.signoffEmail === '') continue;
      const frequency = digests.frequency(partner.id);
      if (frequency === 'off') continue;
      const period = lastEndedPeriod(frequency, now, partner.timeZone);
      if (partner.createdAt > period.start) continue;
      const key = digestKey(partner.id, period.key);
      if (signoff.deps.outboxJobs.byKey(key)) continue;
      const payload: DigestPayload = { partnerId: partner.id, period, messageId: newMessageId(messageIdDomain(signoff.deps.mail.settings())) };
      // The scheduler's pass sends it right after this step: no wake needed.
      signoff.outbox.enqueue(DIGEST_EMAIL, key, payload, now, now);
    }
  };
  signoff.scheduler.addStep((now) => {
    try {
      plan(now);
    } catch (error) {
      log.error('digest: planning digests failed', error);
    }
  });

  return { service, plan };
}

export type DigestFeature = ReturnType<typeof createDigest>;
