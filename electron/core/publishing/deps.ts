import type { Database } from 'better-sqlite3';
import type { Account } from '../../../shared/credentials/account';
import type { CredentialErrorCode } from '../../../shared/credentials/errors';
import type { BlueskySessionData } from '../../../shared/publishing/port';
import type { CalendarRepository } from '../calendar/repository';
import type { Clock } from '../clock';
import type { PublishingSecret } from '../credentials/accounts/service';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { Connectivity } from '../outbox/connectivity';
import type { OutboxRepository } from '../outbox/repository';
import type { OutboxWorker } from '../outbox/worker';
import type { PartnerRepository } from '../partners/repository';
import type { PostRepository } from '../posts/repository';
import type { SettingsRepository } from '../settings/repository';
import type { SignoffRepository } from '../signoff/repository';
import type { Transitions } from '../signoff/transitions';
import type { Connectors } from './connectors/registry';
import type { MediaStore } from './mediaStore';
import type { PublicationRepository } from './repository';
import type { RevisionContent } from '../signoff/revisionContent';

/** What publishing needs of the credentials feature (AccountService provides it). */
export interface PublishingAccounts {
  list(partnerId?: string): Account[];
  publishingCredentials(id: string, renew?: boolean): Promise<{ account: Account; externalId: string; secret: PublishingSecret }>;
  keepBlueskySession(id: string, session: BlueskySessionData): Promise<void>;
  /** The network refused the account's credential while publishing: the account shows it as a test would. */
  flagRefused(id: string, code: CredentialErrorCode): void;
}

/** What the publication services share; built once in `createPublishing`. */
export interface PublishingDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  log: Logger;
  posts: PostRepository;
  partners: PartnerRepository;
  publications: PublicationRepository;
  signoff: SignoffRepository;
  transitions: Transitions;
  /** Sign-off's hash of what is approved (texts, images, target accounts). */
  revisionContent: RevisionContent;
  calendar: CalendarRepository;
  settings: SettingsRepository;
  outbox: OutboxWorker;
  /** Read only here (jobs by key); the outbox worker writes them. */
  outboxJobs: OutboxRepository;
  connectivity: Connectivity;
  accounts: PublishingAccounts;
  connectors: Connectors;
  media: MediaStore;
  /** Asks the background loop to run now (a job was queued, a post is due). */
  wake(): void;
}

/** The outbox kind of every publication to a network's API. */
export const PUBLISH_KIND = 'publication';

export const publishKey = (roundId: string, network: string): string => `${PUBLISH_KIND}:${roundId}:${network}`;

export const SYSTEM = { kind: 'system', name: '' } as const;
export const CM = { kind: 'community_manager', name: '' } as const;

export const GRACE_SETTING = 'publishing.graceMinutes';
