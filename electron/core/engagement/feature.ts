import type { Database } from 'better-sqlite3';
import { readingPoints } from '../../../shared/engagement/figures';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { connectorEnvironment } from '../publishing/connectors/environment';
import type { ConnectorsOptions } from '../publishing/connectors/registry';
import type { PartnerRepository } from '../partners/repository';
import type { SignoffFeature } from '../signoff/feature';
import { ENGAGEMENT_KIND, EngagementJob } from './job';
import type { EngagementAccounts, EngagementPayload } from './job';
import { engagementReader } from './readers/registry';
import { EngagementRepository } from './repository';
import { EngagementService } from './service';

export interface EngagementBase {
  db: Database;
  clock: Clock;
  events: EventBus;
  log: Logger;
  accounts: EngagementAccounts;
  partners: PartnerRepository;
  /** The outbox and scheduler live with sign-off; engagement adds its job kind and a planning step. */
  signoff: SignoffFeature;
  /** The same base URLs and timings as the publishing connectors. */
  connectors?: ConnectorsOptions;
}

/** Publications planned per tick: a backlog (first start after upgrading) is spread over ticks. */
const PLAN_PER_TICK = 200;

/** Engagement, wired (called from the composition root). */
export function createEngagement(base: EngagementBase) {
  const { db, clock, events, log, signoff } = base;
  const repository = new EngagementRepository(db);
  const env = connectorEnvironment({ clock, ...base.connectors });
  signoff.outbox.register(ENGAGEMENT_KIND, new EngagementJob({ repository, accounts: base.accounts, read: engagementReader(env, base.connectors), clock, events, log }));

  /** Each newly published post gets its four readings as durable jobs, due at publication + 1 h, 24 h, 7 d, 30 d. */
  const plan = (now: number): void => {
    const due = repository.untracked(PLAN_PER_TICK);
    if (due.length === 0) return;
    db.transaction(() => {
      for (const publication of due) {
        for (const point of readingPoints) {
          const payload: EngagementPayload = { publicationId: publication.id, postId: publication.postId, point: point.key };
          signoff.outbox.enqueue(ENGAGEMENT_KIND, `${ENGAGEMENT_KIND}:${publication.id}:${point.key}`, payload, publication.publishedAt + point.afterMs, now);
        }
        repository.setTracking(publication.id, 'tracking', null, now);
      }
    })();
  };
  signoff.scheduler.addStep((now) => {
    try {
      plan(now);
    } catch (error) {
      log.error('engagement: planning readings failed', error);
    }
  });

  return { service: new EngagementService(repository, base.partners, clock, events, base.accounts) };
}

export type EngagementFeature = ReturnType<typeof createEngagement>;
