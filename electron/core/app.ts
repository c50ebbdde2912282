import { join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { databaseFile } from './db/open';
import { procedureNames, isProcedureName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/transport';
import { isReadOnlyProcedure, storageProcedureNames } from '../../shared/api/readOnlyProcedures';
import type { WorkspaceHealth } from '../../shared/workspace/health';
import { notFound } from './errors';
import { WorkspaceStorage } from './storage/workspaceStorage';
import { storageHandlers } from './storage/handlers';
import { quickCheckInBackground } from './storage/quickCheck';
import { isCorruption, workspaceDamagedError } from './storage/storageErrors';
import type { MigrationReport } from './db/migrate';
import { SecretServiceKeychain } from './credentials/keychain';
import type { Keychain } from './credentials/keychain';
import type { CredentialsOptions } from './credentials/options';
import { createCredentials } from './credentials/wiring';
import { chainPending } from './audit/chain';
import { anchorKeyFrom } from './audit/anchor';
import { useAnchorKey } from './audit/anchorKey';
import { EventBus } from './events';
import { MessageArchive } from './records/messageArchive';
import { AttachmentRepository } from './records/attachmentRepository';
import { AttachmentStore } from './records/attachmentStore';
import { suggestionHandlers } from './signoff/suggestions';
import { RecordRepository } from './records/repository';
import { RecordExporter } from './records/exporter';
import { recordHandlers } from './records/handlers';
import { acquireWorkspaceLock } from './workspaceLock';
import type { WorkspaceLock } from './workspaceLock';
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
import { WarningsThread } from './calendar/warningsThread';
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
import { timeHandlers } from './time/handlers';
import { installNodeZoneData, nodeTzDataKey } from './time/nodeZoneTables';
import { zoneTableCache, zoneTableCachePath } from './time/zoneTableCache';
import { EditorialLineRepository } from './editorial/repository';
import { EditorialService } from './editorial/service';
import { LinkCardRepository } from './linkCards/repository';
import { LinkCardService } from './linkCards/service';
import type { LinkCardOptions } from './linkCards/service';
import { previewHandlers } from './previews/handlers';
import { PreviewService } from './previews/service';
import { MediaStore } from './publishing/mediaStore';
import { PublicationRepository } from './publishing/repository';
import { createEngagement } from './engagement/feature';
import { engagementHandlers } from './engagement/handlers';
import { EngagementRepository } from './engagement/repository';
import { reportEngagement } from './engagement/reportSource';
import { createDigest } from './digest/feature';
import { digestHandlers } from './digest/handlers';
import { similarityHandlers } from './similarity/handlers';
import { SimilarityRepository } from './similarity/repository';
import { snippetHandlers } from './snippets/handlers';
import { SnippetRepository } from './snippets/repository';
import { SnippetService } from './snippets/service';
import { SimilarityService } from './similarity/service';
import { SignatureRepository } from './similarity/signatureRepository';
import { loadSignatureStore } from './similarity/signatureStore';
import { voiceHandlers } from './voice/handlers';
import { reportVoice } from './voice/report';
import { VoiceProfileRepository } from './voice/repository';
import { VoiceService } from './voice/service';
import { timeSlicer } from './scheduler/timeSlice';

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
  /**
   * Run the background loop (replies, deadlines, reminders, holds, outbox). The app sets it;
   * tests call `scheduler.tick(now)`. The app's upkeep (the loop's first pass, the file's
   * integrity check and the backup after it) then starts UPKEEP_AFTER_START_MS after opening.
   */
  background?: boolean;
  /** Hold the workspace lock (one Plume per workspace); default: when the background loop runs. */
  lockWorkspace?: boolean;
  /** The workspace lock, already taken by the caller (browser mode takes it before it listens); released on close. */
  heldLock?: WorkspaceLock;
  /** Publication: network base URLs and timings of the connectors (tests point them at loopback fakes). */
  publishing?: PublishingOptions;
  /** Prints report PDFs; the desktop shell passes Electron's printToPDF, elsewhere Chromium through Playwright. */
  pdfPrinter?: PdfPrinter;
  /** Link cards: fetch limits and address policy (a test's good path serves from loopback). */
  linkCards?: LinkCardOptions;
}

export interface Core {
  /** Both transports call this; it answers even when the workspace file cannot be opened. */
  router: CoreRouter;
  events: EventBus;
  dataDir: string;
  databasePath: string;
  /** The workspace file's health and backups. */
  storage: WorkspaceStorage;
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

export interface CoreRouter {
  call(name: string, rawInput: unknown): Promise<CallResult>;
}

/** The services wired on one open database; rebuilt when a backup is restored. */
interface Wiring {
  router: Router;
  migration: MigrationReport;
  signoff: SignoffFeature;
  publishing: PublishingFeature;
  editorial: EditorialService;
  close(): Promise<void>;
}

/**
 * How long the running app's upkeep waits after opening the workspace: reading a 1 GB file to
 * check it, copying it to a backup, catching up on what fell due are minutes of work on the
 * machine's cores, and the first screen's answers and the browser's drawing come first.
 */
const UPKEEP_AFTER_START_MS = 1_500;

/** Composition root: the only place that knows how services are wired together. */
export function createCore(options: CoreOptions): Core {
  // zod compiles a parser per object schema (`new Function`) the first time it parses one: at a
  // start, ~170 ms spent compiling before the first screen's answers, for parsers that are no
  // faster on core's replies (a 500-post list: 0.8 ms interpreted, 1.3 ms compiled).
  z.config({ jitless: true });
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  // The running app owns its workspace: one background loop sends its emails and publications.
  const lock = options.heldLock ?? ((options.lockWorkspace ?? options.background === true) ? acquireWorkspaceLock(options.dataDir) : null);
  const log = options.logger ?? createLogger({ file: join(options.dataDir, 'plume.log') });
  const zoneCacheFailed = (error: unknown) =>
    log.info(`time zones: the table cache could not be written (${error instanceof Error ? error.message : String(error)}); tables are built again at the next start`);
  installNodeZoneData(zoneTableCache(zoneTableCachePath(options.dataDir), nodeTzDataKey(), zoneCacheFailed));
  const databasePath = databaseFile(options.dataDir);
  const events = new EventBus();
  const upkeepAfterMs = options.background === true ? UPKEEP_AFTER_START_MS : 0;
  const storage = new WorkspaceStorage({
    databasePath,
    dataDir: options.dataDir,
    clock,
    log,
    events,
    migrationsDir: options.migrationsDir,
    checkAfterMs: upkeepAfterMs,
    // A connection SQLite opened read-only stays so: the file made writable again is reopened.
    onWritableAgain: () => void reopen().catch((error: unknown) => log.error('could not reopen the workspace file once writable again', error)),
  });

  let current: Wiring | null = null;
  const openWorkspace = (tookOverFromDeadProcess: boolean) => {
    const opened = storage.open();
    if (!opened) return;
    const { db, migration } = opened;
    if (migration.from !== migration.to) {
      log.info(`database migrated ${migration.from} → ${migration.to}${migration.backupPath ? `, backup ${migration.backupPath}` : ''}`);
    }
    try {
      current = wireServices({ options, db, migration, clock, log, events, storage });
    } catch (error) {
      // Services read settings as they start: a damaged page there means no workspace to serve.
      if (!isCorruption(error)) throw error;
      storage.damaged(error instanceof Error ? error.message : String(error), false);
      void storage.detach();
      storage.closeDatabase(db);
      return;
    }
    if (tookOverFromDeadProcess) current.signoff.outbox.releaseAbandoned(clock.now());
    if (options.background) current.signoff.scheduler.start(Math.max(1_000, upkeepAfterMs));
  };
  openWorkspace(lock?.tookOverFromDeadProcess === true);

  const wired = (): Wiring => {
    if (!current) throw storage.unavailableError();
    return current;
  };

  /** Closes the services and the database, and opens the same file again (it accepts writes again). */
  const reopen = async (): Promise<void> => {
    await storage.whileReopening(async () => {
      const previous = current;
      current = null;
      await storage.detach();
      if (previous) await previous.close();
      openWorkspace(false);
    });
    events.emit({ type: 'workspace.health' });
    events.emit({ type: 'workspace.changed' });
  };

  /** Closes the database, puts the backup in place (the current file kept aside), reopens. */
  const restore = async (name: string): Promise<WorkspaceHealth> => {
    const path = storage.backups.pathOf(name);
    if (!path || !existsSync(path)) throw notFound('backups', name);
    const check = await quickCheckInBackground(path);
    if (check.status === 'damaged') {
      throw new ApiError({ code: 'conflict', messageKey: 'errors.backups.damaged', message: `Backup ${name} is damaged too: ${check.reason}` });
    }
    if (check.status === 'unchecked') {
      log.error(`backup ${name} could not be checked before a restore: ${check.reason}`);
      throw new ApiError({ code: 'unavailable', messageKey: 'errors.backups.unchecked', message: `Backup ${name} could not be checked; nothing was changed.` });
    }
    const incoming = storage.stageRestore(path);
    await storage.whileReopening(async () => {
      const previous = current;
      current = null;
      // The checkpoints' worker lets go of the file first: the files are moved below.
      await storage.detach();
      if (previous) await previous.close();
      storage.swapIn(incoming, path);
      openWorkspace(false);
    });
    await storage.whenChecked();
    events.emit({ type: 'workspace.health' });
    events.emit({ type: 'workspace.changed' });
    events.emit({ type: 'partners.changed' });
    return storage.health();
  };

  const own = new Router(log, (name, error) => storage.mapError(name, error));
  own.register(storageHandlers(storage, restore));
  const router: CoreRouter = {
    async call(name, rawInput) {
      if (storageProcedureNames.has(name)) return own.call(name, rawInput);
      const inner = current?.router;
      if (!inner || !isProcedureName(name)) {
        return inner ? inner.call(name, rawInput) : { ok: false, error: storage.unavailableError().toShape() };
      }
      const write = !isReadOnlyProcedure(name);
      if (write && storage.refusesWrites) return { ok: false, error: workspaceDamagedError(databasePath).toShape() };
      const result = await inner.call(name, rawInput);
      if (write && result.ok) storage.noteWrite();
      return result;
    },
  };

  return {
    router,
    events,
    dataDir: options.dataDir,
    databasePath,
    storage,
    get migration() {
      return wired().migration;
    },
    get signoff() {
      return wired().signoff;
    },
    get scheduler() {
      return wired().signoff.scheduler;
    },
    get publishing() {
      return wired().publishing;
    },
    get editorial() {
      return wired().editorial;
    },
    close: () => {
      const last = current;
      current = null;
      void storage.detach();
      void last?.close();
      // A damaged file no wiring had open is still held against checkpoints: let go now.
      if (!last) storage.releaseFile();
      lock?.release();
    },
  };
}

interface WiringContext {
  options: CoreOptions;
  db: Database;
  migration: MigrationReport;
  clock: Clock;
  log: Logger;
  events: EventBus;
  storage: WorkspaceStorage;
}

/** Composition of the feature services on one open database. */
function wireServices({ options, db, migration, clock, log, events, storage }: WiringContext): Wiring {
  // Rows written before the audit chain existed are chained once, in order (migration 0007).
  const newlyChained = chainPending(db);
  if (newlyChained > 0) log.info(`audit log: ${newlyChained} entries chained`);
  // Every signature into memory, in the background, sharing the thread: until loaded, a check
  // reads its window's from SQLite (~200 ms a check at an agency's size). Only reads: it starts
  // after the start's first moments, without waiting for the file's check (~40 s on 1 GB).
  const signaturesIntoMemory = async () => {
    const store = await loadSignatureStore(db, timeSlicer());
    log.info(`near-duplicate guard: ${store.count} post signatures in memory (${(store.arenaBytes / 1e6).toFixed(1)} MB)`);
  };
  const notInMemory = (error: unknown) => log.error('near-duplicate guard: post signatures not loaded in memory; each check reads its window from the workspace', error);
  void storage.afterStart().then(signaturesIntoMemory).catch(notInMemory);
  // Posts without a signature of the current algorithm (migration 0014, or a new algorithm version) are signed once,
  // once the file is known sound. In the background: until then a check simply does not see those posts.
  void storage
    .whenSound(async () => {
      const rebuilt = await new SignatureRepository(db).rebuildStale(clock.now(), timeSlicer());
      if (rebuilt === 0) return;
      log.info(`near-duplicate guard: ${rebuilt} post signatures (re)built`);
      // The load above ran before them (after an upgrade, with none of this version): they join
      // the store now, not one window at a time as the first checks read them from the file.
      await signaturesIntoMemory().catch(notInMemory);
    })
    .catch((error: unknown) => log.error('near-duplicate guard: post signatures not rebuilt; checks miss the posts left unsigned until the next start', error));
  // Voice profiles learned by an older algorithm (or before migration 0020) are rebuilt the same way.
  const voiceProfiles = new VoiceProfileRepository(db);
  void storage
    .whenSound(() => voiceProfiles.rebuildStale(clock.now(), timeSlicer()))
    .then((outcome) => {
      if (outcome.ran && outcome.value > 0) log.info(`voice profiles: ${outcome.value} posts (re)learned`);
    })
    .catch((error: unknown) => log.error('voice profiles: not rebuilt; scores leave out the posts not yet learned until the next start', error));
  const partnerRepo = new PartnerRepository(db);
  const postRepo = new PostRepository(db);
  const settingsRepo = new SettingsRepository(db);
  const editorial = new EditorialService(db, new EditorialLineRepository(db), partnerRepo, postRepo, clock, events, () =>
    mastodonLintOptions(readMastodonCounts(settingsRepo)),
  );

  const partners = new PartnerService(partnerRepo, clock, events, (partnerId) => postRepo.goingOutCount(partnerId));
  const recordRepo = new RecordRepository(db);
  const archive = new MessageArchive(options.dataDir, recordRepo, clock);
  const attachments = { store: new AttachmentStore(options.dataDir), repository: new AttachmentRepository(db) };
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
      attachments,
    },
    options.signoff,
  );
  const posts = new PostService(db, postRepo, partnerRepo, clock, events, signoff.contentHook);
  const workspace = new WorkspaceService(db, partnerRepo, postRepo, settingsRepo, clock, events, signoff.contentHook);
  const credentials = createCredentials({
    db,
    partners: partnerRepo,
    keychain: options.keychain ?? new SecretServiceKeychain(),
    clock,
    events,
    log,
    options: options.credentials ?? {},
    // A mail test tells a wrong server name from an outage by whether the machine is online.
    online: () => signoff.connectivity.online,
    // Called after an account connects or is tested, by then publishing below exists.
    onAccountVerified: (account) => recordInstanceCounts({ connectors: publishing.connectors, settings: settingsRepo, events, log }, account),
  });

  const router = new Router(log, (name, error) => storage.mapError(name, error));
  router.register(partnerHandlers(partners));
  router.register(postHandlers(posts));
  router.register(workspaceHandlers(workspace));
  router.register(credentials.handlers.accounts);
  router.register(credentials.handlers.mail);
  const calendar = new CalendarService(new CalendarRepository(db), clock, events, editorial, new WarningsThread(databaseFile(options.dataDir)));
  router.register(calendarHandlers(calendar));
  const voice = new VoiceService(voiceProfiles, partnerRepo, clock, log);
  const reports = new ReportService({
    db,
    log,
    partners: partnerRepo,
    clock,
    events,
    dataDir: options.dataDir,
    printer: options.pdfPrinter,
    cadenceFor: (partnerId) => editorial.cadenceFor(partnerId).cadence,
    engagementFor: reportEngagement(new EngagementRepository(db)),
    voiceFor: reportVoice(voice, voiceProfiles),
  });
  router.register(reportHandlers(reports));
  router.register(signoffHandlers(signoff, clock));
  router.register(suggestionHandlers(signoff, (fields) => posts.save(fields)));
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
  const engagement = createEngagement({ db, clock, events, log, accounts: credentials.accounts, partners: partnerRepo, signoff, connectors: { clock, ...options.publishing?.connectors } });
  router.register(engagementHandlers(engagement.service));
  const digest = createDigest({ db, clock, events, log, partners: partnerRepo, signoff, cadenceFor: (partnerId) => editorial.cadenceFor(partnerId).cadence });
  router.register(digestHandlers(digest.service));
  router.register(editorialHandlers(editorial));
  const exporter = new RecordExporter({ records: recordRepo, archive, attachments: attachments.store, posts: postRepo, partners: partnerRepo, requests: new SignoffRepository(db), clock });
  // The audit log's anchor key comes from the sign-off key in the keychain: once it answered, every append moves the anchor.
  const anchorKey = (): Promise<Buffer | null> =>
    signoff.deps.key.get().then(anchorKeyFrom, (error: unknown) => {
      // Keeping the key's reference writes into the workspace: a file refusing that is not the keychain's fault.
      const storageFailure = storage.mapError('audit log anchor key', error);
      if (storageFailure) log.info(`audit log: not anchored now (${storageFailure.message}); the end of the log cannot be proven until it is`);
      else log.error('audit log: the keychain did not give the anchor key; the end of the log cannot be proven now', error);
      return null;
    });
  // Anchoring writes, so it waits for the start-up check: a damaged file is set aside untouched.
  const anchored = storage
    .whenSound(async () => {
      const key = await anchorKey();
      if (key !== null && db.open && !storage.refusesWrites) useAnchorKey(db, key, clock.now());
    })
    .then(
      () => undefined,
      (error: unknown) => log.error('audit log: anchoring at start failed; the end of the log cannot be proven until it succeeds', error),
    );
  router.register(recordHandlers({ databasePath: db.name, exporter, dataDir: options.dataDir, anchorKey, anchored }));
  router.register(timeHandlers(partnerRepo));
  const linkCards = new LinkCardService(new LinkCardRepository(db), clock, log, options.linkCards);
  const previews = new PreviewService({
    posts: postRepo,
    revisionContent: signoff.revisionContent,
    publications: new PublicationRepository(db),
    media: new MediaStore(options.dataDir),
    settings: settingsRepo,
    linkCards,
    accountHandle: (id) => credentials.accounts.list().find((account) => account.id === id)?.handle ?? null,
  });
  router.register(previewHandlers(previews, linkCards));
  signoff.emailPreviews.use((post, content) => previews.forEmail(post, content));
  router.register(snippetHandlers(new SnippetService(new SnippetRepository(db), partnerRepo, clock)));
  const similarity = new SimilarityService(new SimilarityRepository(db), () => editorial.firmLine().similarity.windowDays, clock, events);
  router.register(similarityHandlers(similarity));
  router.register(voiceHandlers(voice));
  router.assertComplete(procedureNames.filter((name) => !storageProcedureNames.has(name)));
  // Backups ride the background tick, so tests drive them with the clock.
  signoff.scheduler.addStep((now) => storage.backupIfDue(now));

  return {
    router,
    migration,
    signoff,
    publishing,
    editorial,
    close: async () => {
      publishing.close();
      const stopped = signoff.close();
      credentials.close();
      reports.close();
      const calendarStopped = calendar.close();
      similarity.close();
      storage.closeDatabase(db);
      await Promise.all([stopped, calendarStopped]);
    },
  };
}
