import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { databaseFile, openDatabase } from './db/open';
import type { MigrationReport } from './db/migrate';
import { SecretServiceKeychain } from './credentials/keychain';
import type { Keychain } from './credentials/keychain';
import type { CredentialsOptions } from './credentials/options';
import { createCredentials } from './credentials/wiring';
import { chainPending } from './audit/chain';
import { EventBus } from './events';
import { MessageArchive } from './records/messageArchive';
import { RecordRepository } from './records/repository';
import { RecordExporter } from './records/exporter';
import { recordHandlers } from './records/handlers';
import { acquireWorkspaceLock } from './workspaceLock';
import { createLogger } from './log';
import type { Logger } from './log';
import { partnerHandlers } from './partners/handlers';
import { PartnerRepository } from './partners/repository';
import { PartnerService } from './partners/service';
import { postHandlers } from './posts/handlers';
import { PostRepository } from './posts/repository';
import { PostService } from './posts/service';
import { Router } from './router';
import { reportHandlers } from './reports/handlers';
import { ReportService } from './reports/service';
import type { PdfPrinter } from './reports/pdf';
import { calendarHandlers } from './calendar/handlers';
import { CalendarRepository } from './calendar/repository';
import { CalendarService } from './calendar/service';
import { SettingsRepository } from './settings/repository';
import { mastodonLintOptions, readMastodonCounts } from './settings/mastodonCounts';
import { recordInstanceCounts } from './publishing/instanceCounts';
import { workspaceHandlers } from './workspace/handlers';
import { WorkspaceService } from './workspace/service';
import { mailAccountFrom } from './mail/accountSource';
import { createSignoff } from './signoff/feature';
import type { SignoffFeature, SignoffOptions } from './signoff/feature';
import { signoffHandlers } from './signoff/handlers';
import { SignoffRepository } from './signoff/repository';
import type { Scheduler } from './scheduler/scheduler';
import { createPublishing } from './publishing/feature';
import type { PublishingFeature, PublishingOptions } from './publishing/feature';
import { publishingHandlers } from './publishing/handlers';
import { editorialHandlers } from './editorial/handlers';
import { EditorialLineRepository } from './editorial/repository';
import { EditorialService } from './editorial/service';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  migrationsDir?: string;
  /** The OS keychain; the real Secret Service / Keychain / Credential Manager by default. */
  keychain?: Keychain;
  /** Network endpoints and timings of the credentials feature (tests point them at loopback). */
  credentials?: CredentialsOptions;
  /** Sign-off: an explicit mail account (tests), outbox and scheduler timings. */
  signoff?: SignoffOptions;
  /** Run the background loop (replies, deadlines, reminders, holds, outbox). The app sets it; tests call `scheduler.tick(now)`. */
  background?: boolean;
  /** Hold the workspace lock (one Plume per workspace); default: when the background loop runs. */
  lockWorkspace?: boolean;
  /** Publication: network base URLs and timings of the connectors (tests point them at loopback fakes). */
  publishing?: PublishingOptions;
  /** Prints report PDFs; the desktop shell passes Electron's printToPDF, elsewhere Chromium through Playwright. */
  pdfPrinter?: PdfPrinter;
}

export interface Core {
  router: Router;
  events: EventBus;
  dataDir: string;
  databasePath: string;
  migration: MigrationReport;
  /** Sign-off services (assertPublishable for the publisher, connectivity, outbox). */
  signoff: SignoffFeature;
  /** The background tick: `tick(now)`, `addStep()` for publication, `start()` for the loop. */
  scheduler: Scheduler;
  /** Publication to the networks: its scheduler step, connectors and service. */
  publishing: PublishingFeature;
  /** Editorial lines: `checkPost` for sign-off, `cadenceFor` for the calendar. */
  editorial: EditorialService;
  close(): void;
}

/** Composition root: the only place that knows how services are wired together. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  // The running app owns its workspace: one background loop sends its emails and publications.
  const lock = (options.lockWorkspace ?? options.background === true) ? acquireWorkspaceLock(options.dataDir) : null;
  const log = options.logger ?? createLogger({ file: join(options.dataDir, 'plume.log') });
  const databasePath = databaseFile(options.dataDir);
  const { db, migration } = openDatabase(databasePath, clock.now(), options.migrationsDir);
  if (migration.from !== migration.to) {
    log.info(`database migrated ${migration.from} → ${migration.to}${migration.backupPath ? `, backup ${migration.backupPath}` : ''}`);
  }

  // Rows written before the audit chain existed are chained once, in order (migration 0007).
  const newlyChained = chainPending(db);
  if (newlyChained > 0) log.info(`audit log: ${newlyChained} entries chained`);

  const events = new EventBus();
  const partnerRepo = new PartnerRepository(db);
  const postRepo = new PostRepository(db);
  const settingsRepo = new SettingsRepository(db);
  const editorial = new EditorialService(db, new EditorialLineRepository(db), partnerRepo, postRepo, clock, events, () =>
    mastodonLintOptions(readMastodonCounts(settingsRepo)),
  );

  const partners = new PartnerService(partnerRepo, clock, events);
  const recordRepo = new RecordRepository(db);
  const archive = new MessageArchive(options.dataDir, recordRepo, clock);
  const signoff = createSignoff(
    {
      db,
      clock,
      events,
      log,
      posts: postRepo,
      partners: partnerRepo,
      keychain: options.keychain ?? new SecretServiceKeychain(),
      // Read when mail is first needed, by then the credentials feature below exists.
      mail: mailAccountFrom(() => credentials.mail),
      // Sign-off re-checks the editorial line in core; errors need a justified override.
      editorial,
      archive,
    },
    options.signoff,
  );
  const posts = new PostService(db, postRepo, partnerRepo, clock, events, signoff.contentHook);
  const workspace = new WorkspaceService(db, partnerRepo, postRepo, settingsRepo, clock, events);
  const credentials = createCredentials({
    db,
    partners: partnerRepo,
    keychain: options.keychain ?? new SecretServiceKeychain(),
    clock,
    events,
    log,
    options: options.credentials ?? {},
    // Called after an account connects or is tested, by then publishing below exists.
    onAccountVerified: (account) => recordInstanceCounts({ connectors: publishing.connectors, settings: settingsRepo, events, log }, account),
  });

  const router = new Router(log);
  router.register(partnerHandlers(partners));
  router.register(postHandlers(posts));
  router.register(workspaceHandlers(workspace));
  router.register(credentials.handlers.accounts);
  router.register(credentials.handlers.mail);
  router.register(calendarHandlers(new CalendarService(new CalendarRepository(db), clock, events, editorial)));
  const reports = new ReportService({
    db,
    partners: partnerRepo,
    clock,
    events,
    dataDir: options.dataDir,
    printer: options.pdfPrinter,
    cadenceFor: (partnerId) => editorial.cadenceFor(partnerId).cadence,
  });
  router.register(reportHandlers(reports));
  router.register(signoffHandlers(signoff, clock));
  const publishing = createPublishing(
    {
      db,
      clock,
      events,
      log,
      dataDir: options.dataDir,
      posts: postRepo,
      partners: partnerRepo,
      settings: settingsRepo,
      accounts: credentials.accounts,
      signoff,
      background: options.background === true,
    },
    options.publishing,
  );
  router.register(publishingHandlers(publishing.service));
  router.register(editorialHandlers(editorial));
  const exporter = new RecordExporter({ records: recordRepo, archive, posts: postRepo, partners: partnerRepo, requests: new SignoffRepository(db), clock });
  router.register(recordHandlers({ db, exporter, dataDir: options.dataDir }));
  router.assertComplete();
  if (lock?.tookOverFromDeadProcess) signoff.outbox.releaseAbandoned(clock.now());
  if (options.background) signoff.scheduler.start();

  return {
    router,
    events,
    dataDir: options.dataDir,
    databasePath,
    migration,
    signoff,
    scheduler: signoff.scheduler,
    publishing,
    editorial,
    close: () => {
      publishing.close();
      void signoff.close();
      credentials.close();
      reports.close();
      db.close();
      lock?.release();
    },
  };
}
