import { EmailPreviewHook } from './emailPreviews';
import type { Database } from 'better-sqlite3';
import { AuditRepository } from '../audit/repository';
import type { Clock } from '../clock';
import type { Keychain } from '../credentials/keychain';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import { reachable } from '../mail/probe';
import type { MailAccountSource } from '../mail/settings';
import { Connectivity } from '../outbox/connectivity';
import { OutboxRepository } from '../outbox/repository';
import { OutboxWorker } from '../outbox/worker';
import type { OutboxOptions } from '../outbox/worker';
import type { PartnerRepository } from '../partners/repository';
import type { PostRepository } from '../posts/repository';
import { Scheduler } from '../scheduler/scheduler';
import { CommentRepository } from './commentRepository';
import { CommentService } from './comments';
import { SignoffContentHook } from './contentHook';
import { DeadlineKeeper } from './deadlines';
import type { MessageArchive } from '../records/messageArchive';
import { ReplyAttachmentFiles } from './attachmentFiles';
import type { AttachmentRepository } from '../records/attachmentRepository';
import type { AttachmentStore } from '../records/attachmentStore';
import { SIGNOFF_EMAIL } from './deps';
import type { EditorialChecker, SignoffDeps } from './deps';
import { SignoffEmailJob } from './emailJob';
import { InboxReader } from './inboxReader';
import { KeyRepository } from './keyRepository';
import { ReplyProcessor } from './replies';
import { ReplyRepository } from './replyRepository';
import { RevisionContent } from './revisionContent';
import { SignoffRepository } from './repository';
import { SignoffService } from './service';
import { SigningKey } from './signingKey';
import { Transitions } from './transitions';
import { SignoffViews } from './views';
import { MailReachability } from '../mail/reachability';

export interface SignoffOptions {
  /** The mail account; default: the credentials feature's. Tests give explicit settings. */
  mail?: MailAccountSource;
  outbox?: OutboxOptions;
  schedulerIntervalMs?: number;
}

export interface SignoffBase {
  db: Database;
  clock: Clock;
  events: EventBus;
  log: Logger;
  posts: PostRepository;
  partners: PartnerRepository;
  keychain: Keychain;
  mail: MailAccountSource;
  /** The editorial line's check of a post; the composition root passes it once it exists. */
  editorial?: EditorialChecker;
  /** Where raw sign-off messages are kept. */
  archive?: MessageArchive;
  /** Where the files of partners' replies are kept. */
  attachments?: { store: AttachmentStore; repository: AttachmentRepository };
}

/** Sign-off, the outbox and the scheduler, wired (called from the composition root). */
export function createSignoff(base: SignoffBase, options: SignoffOptions = {}) {
  const { db, clock, events, log } = base;
  const connectivity = new Connectivity(events);
  const outboxJobs = new OutboxRepository(db);
  const outbox = new OutboxWorker(db, outboxJobs, connectivity, events, log, options.outbox);
  const signoff = new SignoffRepository(db);
  const audit = new AuditRepository(db);
  let wake = (): void => undefined;
  const revisionContent = new RevisionContent();
  const deps: SignoffDeps = {
    db,
    posts: base.posts,
    partners: base.partners,
    signoff,
    replies: new ReplyRepository(db),
    comments: new CommentRepository(db),
    audit,
    outbox,
    outboxJobs,
    transitions: new Transitions(signoff, audit, revisionContent),
    revisionContent,
    key: new SigningKey(new KeyRepository(db), base.keychain, clock),
    mail: options.mail ?? base.mail,
    mailReachability: new MailReachability(events, connectivity),
    clock,
    events,
    log,
    editorial: base.editorial ?? null,
    archive: base.archive ?? null,
    attachments: base.attachments ?? null,
    emailPreviews: new EmailPreviewHook(),
    wake: () => wake(),
  };
  outbox.register(SIGNOFF_EMAIL, new SignoffEmailJob(deps));
  const inbox = new InboxReader(deps, new ReplyProcessor(deps));
  const deadlines = new DeadlineKeeper(deps);
  const scheduler = new Scheduler({
    clock,
    log,
    connectivity,
    outbox,
    inbox,
    deadlines,
    ...(options.schedulerIntervalMs !== undefined ? { intervalMs: options.schedulerIntervalMs } : {}),
    // Back online when either mail server answers: a mistyped SMTP name alone must not keep
    // the outbox offline once the network is back (the IMAP server then says so).
    probe: async () => {
      const settings = deps.mail.settings();
      if (settings === null) return null;
      return (await reachable(settings.smtp.host, settings.smtp.port)) || reachable(settings.imap.host, settings.imap.port);
    },
  });
  wake = () => scheduler.wake();

  return {
    service: new SignoffService(deps),
    /** For features wired beside sign-off in the composition root (suggestions.ts). */
    deps,
    views: new SignoffViews(deps),
    attachmentFiles: new ReplyAttachmentFiles(deps),
    comments: new CommentService(deps),
    contentHook: new SignoffContentHook(deps),
    revisionContent,
    emailPreviews: deps.emailPreviews,
    inbox,
    deadlines,
    outbox,
    connectivity,
    mailReachability: deps.mailReachability,
    scheduler,
    close: (): Promise<void> => scheduler.stop(),
  };
}

export type SignoffFeature = ReturnType<typeof createSignoff>;
