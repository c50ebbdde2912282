import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { databaseFile, openDatabase } from './db/open';
import type { MigrationReport } from './db/migrate';
import { EventBus } from './events';
import { createLogger } from './log';
import type { Logger } from './log';
import { partnerHandlers } from './partners/handlers';
import { PartnerRepository } from './partners/repository';
import { PartnerService } from './partners/service';
import { postHandlers } from './posts/handlers';
import { PostRepository } from './posts/repository';
import { PostService } from './posts/service';
import { Router } from './router';
import { calendarHandlers } from './calendar/handlers';
import { CalendarRepository } from './calendar/repository';
import { CalendarService } from './calendar/service';
import { SettingsRepository } from './settings/repository';
import { workspaceHandlers } from './workspace/handlers';
import { WorkspaceService } from './workspace/service';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  migrationsDir?: string;
}

export interface Core {
  router: Router;
  events: EventBus;
  dataDir: string;
  databasePath: string;
  migration: MigrationReport;
  close(): void;
}

/** Composition root: the only place that knows how services are wired together. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.logger ?? createLogger({ file: join(options.dataDir, 'plume.log') });
  const databasePath = databaseFile(options.dataDir);
  const { db, migration } = openDatabase(databasePath, clock.now(), options.migrationsDir);
  if (migration.from !== migration.to) {
    log.info(`database migrated ${migration.from} → ${migration.to}${migration.backupPath ? `, backup ${migration.backupPath}` : ''}`);
  }

  const events = new EventBus();
  const partnerRepo = new PartnerRepository(db);
  const postRepo = new PostRepository(db);
  const settingsRepo = new SettingsRepository(db);

  const partners = new PartnerService(partnerRepo, clock, events);
  const posts = new PostService(db, postRepo, partnerRepo, clock, events);
  const workspace = new WorkspaceService(db, partnerRepo, postRepo, settingsRepo, clock, events);

  const router = new Router(log);
  router.register(partnerHandlers(partners));
  router.register(postHandlers(posts));
  router.register(workspaceHandlers(workspace));
  router.register(calendarHandlers(new CalendarService(new CalendarRepository(db), clock, events)));
  router.assertComplete();

  return {
    router,
    events,
    dataDir: options.dataDir,
    databasePath,
    migration,
    close: () => db.close(),
  };
}
