import type { EmailPreviewHook } from './emailPreviews';
import type { Database } from 'better-sqlite3';
import type { AuditRepository } from '../audit/repository';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { MailAccountSource } from '../mail/settings';
import type { MessageArchive } from '../records/messageArchive';
import type { AttachmentRepository } from '../records/attachmentRepository';
import type { AttachmentStore } from '../records/attachmentStore';
import type { OutboxRepository } from '../outbox/repository';
import type { OutboxWorker } from '../outbox/worker';
import type { PartnerRepository } from '../partners/repository';
import type { PostRepository } from '../posts/repository';
import type { FindingsSummary } from '../../../shared/signoff/schema';
import type { Finding } from '../../../shared/editorial/findingSchema';
import type { CommentRepository } from './commentRepository';
import type { ReplyRepository } from './replyRepository';
import type { SignoffRepository } from './repository';
import type { SigningKey } from './signingKey';
import type { Transitions } from './transitions';
import type { RevisionContent } from './revisionContent';
import type { MailReachability } from '../mail/reachability';

/**
 * The editorial line's verdict on a post's current text, computed in core (the editorial
 * feature implements it): a request never trusts a summary sent by the UI when this exists.
 */
export interface EditorialChecker {
  /** `networks`: each network's findings (a missing required snippet refuses the request outright). */
  checkPost(postId: string): { summary: FindingsSummary; errorFindingIds: string[]; networks?: readonly { result: { findings: readonly Finding[] } }[] };
}

/** What the sign-off services share; built once in `createSignoff`. */
export interface SignoffDeps {
  db: Database;
  posts: PostRepository;
  partners: PartnerRepository;
  signoff: SignoffRepository;
  replies: ReplyRepository;
  comments: CommentRepository;
  audit: AuditRepository;
  outbox: OutboxWorker;
  outboxJobs: OutboxRepository;
  transitions: Transitions;
  /** Hashes what a sign-off approves: texts, images, target accounts. */
  revisionContent: RevisionContent;
  key: SigningKey;
  mail: MailAccountSource;
  /** Whether the mail servers answered last time (the status bar tells it apart from offline). */
  mailReachability: MailReachability;
  clock: Clock;
  events: EventBus;
  log: Logger;
  /** Absent until the editorial feature is wired: the UI's summary is then recorded as given. */
  editorial: EditorialChecker | null;
  /** Keeps the raw .eml of requests sent and replies read (the firm's sign-off record); null: not kept. */
  archive: MessageArchive | null;
  /** Keeps the files partners' replies carry, and their index; null: not kept. */
  attachments: { store: AttachmentStore; repository: AttachmentRepository } | null;
  /** Each network's preview for the request email (plugged in by the previews feature). */
  emailPreviews: EmailPreviewHook;
  /** Asks the background loop to run soon (a job was queued). */
  wake(): void;
}

/** The outbox kind of every sign-off email (requests and reminders). */
export const SIGNOFF_EMAIL = 'signoff.email';

export const requestEmailKey = (requestId: string): string => `${SIGNOFF_EMAIL}:${requestId}:request`;
export const reminderEmailKey = (requestId: string, level: number): string => `${SIGNOFF_EMAIL}:${requestId}:reminder:${level}`;
