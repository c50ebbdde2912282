import type { Database } from 'better-sqlite3';
import type { AppEvent } from '../../../shared/api/contract';
import { AuditRepository } from '../audit/repository';
import { CalendarRepository } from '../calendar/repository';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { OutboxRepository } from '../outbox/repository';
import type { PartnerRepository } from '../partners/repository';
import type { PostRepository } from '../posts/repository';
import type { SettingsRepository } from '../settings/repository';
import type { SignoffFeature } from '../signoff/feature';
import { SignoffRepository } from '../signoff/repository';
import { Transitions } from '../signoff/transitions';
import { createConnectors } from './connectors/registry';
import type { ConnectorsOptions } from './connectors/registry';
import { PUBLISH_KIND } from './deps';
import type { PublishingAccounts, PublishingDeps } from './deps';
import { DueAlarm } from './dueAlarm';
import { PublishJob } from './job';
import { MediaStore } from './mediaStore';
import { PublicationRepository } from './repository';
import { Rounds } from './rounds';
import { PublicationService } from './service';
import { PublicationStep } from './step';

export interface PublishingOptions {
  /** Network base URLs and timings (tests point them at loopback fakes). */
  connectors?: ConnectorsOptions;
}

export interface PublishingBase {
  db: Database;
  clock: Clock;
  events: EventBus;
  log: Logger;
  dataDir: string;
  posts: PostRepository;
  partners: PartnerRepository;
  settings: SettingsRepository;
  accounts: PublishingAccounts;
  /** The outbox, connectivity and scheduler live with sign-off; publication adds its kind and step. */
  signoff: SignoffFeature;
  /** The app's background loop runs: wake it at each post's exact instant. */
  background: boolean;
}

/** Publication, wired (called from the composition root). */
export function createPublishing(base: PublishingBase, options: PublishingOptions = {}) {
  const { db, clock, events, log, signoff } = base;
  const signoffRepo = new SignoffRepository(db);
  const publications = new PublicationRepository(db);
  const deps: PublishingDeps = {
    db,
    clock,
    events,
    log,
    posts: base.posts,
    partners: base.partners,
    publications,
    signoff: signoffRepo,
    transitions: new Transitions(signoffRepo, new AuditRepository(db), signoff.revisionContent),
    revisionContent: signoff.revisionContent,
    calendar: new CalendarRepository(db),
    settings: base.settings,
    outbox: signoff.outbox,
    outboxJobs: new OutboxRepository(db),
    connectivity: signoff.connectivity,
    accounts: base.accounts,
    connectors: createConnectors({ clock, ...options.connectors }),
    media: new MediaStore(base.dataDir),
    wake: () => signoff.scheduler.wake(),
  };
  const rounds = new Rounds(deps);
  // The approval binds the images (with alt text) and the account each network goes out as.
  signoff.revisionContent.useAttachments((post) => ({
    media: publications.postMedia(post.id).map(({ sha256, alt }) => ({ sha256, alt })),
    accounts: Object.fromEntries(
      rounds.targets(post).flatMap((target) => (target.accountId === null ? [] : [[target.network, target.accountId]])),
    ),
  }));
  const step = new PublicationStep(deps, rounds);
  signoff.outbox.register(PUBLISH_KIND, new PublishJob(deps, rounds));

  // The scheduler's own interval is 30 s; an alarm at each post's instant makes it "within 5 s".
  const alarm = base.background
    ? new DueAlarm({ clock, nextDueAfter: (after) => publications.nextDueAt(after), wake: () => signoff.scheduler.wake() })
    : null;
  const arm = (): void => alarm?.arm();
  signoff.scheduler.addStep(async (now) => {
    // Covered even if the step fails: a failing step is tried again at the loop's next pass, not at once.
    alarm?.coveredUpTo(now);
    // A failing step must not stop the rest of the tick (replies, deadlines, the outbox).
    try {
      await step.run(now);
    } catch (error) {
      log.error('publication step failed', error);
    }
    arm();
  });

  // An edit, a withdrawal or a move makes an unfinished round stale: its unsent jobs are called back.
  const unsubscribe = events.subscribe((event: AppEvent) => {
    if (event.type !== 'signoff.changed' && event.type !== 'post.scheduled') return;
    try {
      if (event.type === 'post.scheduled' && event.scheduledAt !== null) alarm?.postMovedTo(event.scheduledAt);
      else arm();
      const open = publications.active(event.postId).some((p) => p.state !== 'published');
      if (!open) return;
      const status = publications.postStatus(event.postId);
      const stillOn = status === 'scheduled' || status === 'failed' || status === 'published';
      if (!stillOn || (event.type === 'post.scheduled' && status === 'scheduled')) rounds.close(event.postId, clock.now());
    } catch (error) {
      log.error(`publication: closing the round of ${event.postId} failed`, error);
    }
  });
  arm();

  return {
    service: new PublicationService(deps, rounds, step),
    step,
    connectors: deps.connectors,
    close: (): void => {
      alarm?.close();
      unsubscribe();
    },
  };
}

export type PublishingFeature = ReturnType<typeof createPublishing>;
