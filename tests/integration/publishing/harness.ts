import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/app';
import type { Keychain } from '../../../electron/core/credentials/keychain';
import type { CredentialsOptions } from '../../../electron/core/credentials/options';
import type { AccountSecret } from '../../../electron/core/credentials/secretBundles';
import { createLogger } from '../../../electron/core/log';
import type { OutboxOptions } from '../../../electron/core/outbox/worker';
import type { ConnectorsOptions } from '../../../electron/core/publishing/connectors/registry';
import type { TickReport } from '../../../electron/core/scheduler/scheduler';
import type { AppEvent, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Account } from '../../../shared/credentials/account';
import type { Partner } from '../../../shared/partners/schema';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { Network } from '../../../shared/posts/networks';
import type { Post } from '../../../shared/posts/schema';
import type { PostPublication } from '../../../shared/publishing/publication';
import { realKeychain } from '../../support/keyring';
import { tempDir } from '../../support/tempDir';
import { ManualClock } from '../../support/testCore';
import { storeAccount } from '../../support/storedAccount';

export const MINUTE = 60_000;

export interface PublishingHarness {
  core: Core;
  clock: ManualClock;
  dir: string;
  keychain: Keychain;
  events: AppEvent[];
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  /** The contract error of a call that must fail. */
  error(name: ProcedureName, input: unknown): Promise<ApiError>;
  /** One scheduler pass at the clock's time (replies, holds, publication step, outbox). */
  tick(): Promise<TickReport>;
  partner(): Promise<Partner>;
  /** An account stored the way the credentials feature stores one: secret in the keychain, row in SQLite. */
  account(partnerId: string, network: Network, fields: { handle: string; instanceUrl?: string; secret: AccountSecret; expiresAt?: number | null; refreshable?: boolean; grantedScopes?: string[] }): Promise<Account>;
  /** A post with a time, approved by phone by the partner (sign-off's own procedure). */
  approvedPost(partnerId: string, text: string, networks: Network[], scheduledAt: number): Promise<Post>;
  status(postId: string): Promise<PostPublication>;
  close(): void;
}

export interface PublishingHarnessOptions {
  dir?: string;
  clock?: ManualClock;
  connectors?: ConnectorsOptions;
  credentials?: CredentialsOptions;
  outbox?: OutboxOptions;
  /** Take the workspace lock as the app does (a restart after a crash). */
  lockWorkspace?: boolean;
}

/** A core on a temp folder with the real keychain (scripts/keyring-session.sh) and connectors pointed where the test says. */
export function publishingHarness(options: PublishingHarnessOptions = {}): PublishingHarness {
  const temp = options.dir === undefined ? tempDir('plume-publishing-') : null;
  const dir = options.dir ?? temp?.path ?? '';
  const clock = options.clock ?? new ManualClock(Date.UTC(2026, 10, 24, 9, 0, 0));
  const keychain = realKeychain();
  const core = createCore({
    dataDir: dir,
    clock,
    logger: createLogger({}),
    keychain,
    credentials: { refreshIntervalMs: 0, ...options.credentials },
    signoff: { outbox: { random: () => 0.5, ...options.outbox } },
    publishing: { connectors: { sleep: () => Promise.resolve(), timeoutMs: 5_000, ...options.connectors } },
    ...(options.lockWorkspace === undefined ? {} : { lockWorkspace: options.lockWorkspace }),
  });
  const events: AppEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  const call = async <K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> => {
    const result = await core.router.call(name, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as never;
  };
  return {
    core,
    clock,
    dir,
    keychain,
    events,
    call,
    async error(name, input) {
      const result = await core.router.call(name, input);
      if (result.ok) throw new Error(`${name} succeeded but was expected to fail`);
      return new ApiError(result.error);
    },
    tick: () => core.scheduler.tick(clock.now()),
    partner: () =>
      call('partners.create', {
        displayName: 'Me Claire Dupont',
        role: 'Associée',
        organisation: 'Cabinet Arcand',
        color: '#1d4ed8',
        timeZone: 'Europe/Paris',
        locale: 'fr',
        signoffEmail: '',
      }),
    async account(partnerId, network, fields) {
      return storeAccount(core.databasePath, keychain, clock, {
        partnerId,
        network,
        identity: { externalId: `${network}-${fields.handle}`, handle: fields.handle, displayName: fields.handle, avatarUrl: null },
        secret: fields.secret,
        instanceUrl: fields.instanceUrl ?? null,
        expiresAt: fields.expiresAt ?? null,
        refreshable: fields.refreshable ?? false,
        ...(fields.grantedScopes === undefined ? {} : { grantedScopes: fields.grantedScopes }),
      });
    },
    async approvedPost(partnerId, text, networks, scheduledAt) {
      const post = await call('posts.create', { partnerId, title: 'Réforme du droit des contrats', networks, content: docFromParagraphs([text]), scheduledAt });
      await call('signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: clock.now() });
      return call('posts.get', { id: post.id });
    },
    status: (postId) => call('publishing.status', { postId }),
    close() {
      core.close();
      temp?.remove();
    },
  };
}
