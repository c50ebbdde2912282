import { z } from 'zod';
import { PostId } from '../posts/schema';
import { partnerProcedures } from './procedures/partners';
import { postProcedures } from './procedures/posts';
import { workspaceProcedures } from './procedures/workspace';
import { credentialProcedures } from './procedures/credentials';
import { AccountsChangedEvent, OAuthFinishedEvent } from '../credentials/accountEvents';
import { calendarProcedures } from './procedures/calendar';
import { signoffProcedures } from './procedures/signoff';
import { signoffEvents } from '../signoff/signoffEvents';
import { reportProcedures } from './procedures/reports';
import { publishingProcedures } from './procedures/publishing';
import { recordProcedures } from './procedures/records';
import { ReportProgressEvent } from '../reports/progress';
import { EditorialChangedEvent, editorialProcedures } from './procedures/editorial';
import { storageProcedures } from './procedures/storage';
import { timeProcedures } from './procedures/time';
import { previewProcedures } from './procedures/previews';
import { engagementProcedures } from './procedures/engagement';
import { EngagementChangedEvent } from '../engagement/changedEvent';
import { similarityProcedures } from './procedures/similarity';
import { digestProcedures } from './procedures/digest';
import { snippetProcedures } from './procedures/snippets';
import { voiceProcedures } from './procedures/voice';

/**
 * The one API between UI and core. Each feature declares its procedures in
 * `procedures/<feature>.ts` (input schema parsed at the receiving side, output schema);
 * both transports (Electron IPC, browser-mode HTTP) carry exactly these.
 */
export const contract = {
  ...workspaceProcedures,
  ...partnerProcedures,
  ...postProcedures,
  ...credentialProcedures,
  ...calendarProcedures,
  ...signoffProcedures,
  ...reportProcedures,
  ...publishingProcedures,
  ...editorialProcedures,
  ...storageProcedures,
  ...timeProcedures,
  ...recordProcedures,
  ...previewProcedures,
  ...engagementProcedures,
  ...similarityProcedures,
  ...digestProcedures,
  ...snippetProcedures,
  ...voiceProcedures,
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type ProcedureInput<K extends ProcedureName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends ProcedureName> = z.output<Contract[K]['input']>;
export type ProcedureOutput<K extends ProcedureName> = z.output<Contract[K]['output']>;

export const procedureNames = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events core pushes to every connected UI. */
export const AppEvent = z.discriminatedUnion('type', [
  // revisionCount: a revision kept without a change of text (Ctrl+S, a pause) leaves the version as it was.
  z.object({ type: z.literal('post.saved'), postId: PostId, version: z.number().int(), revisionCount: z.number().int().nonnegative() }),
  z.object({ type: z.literal('post.deleted'), postId: PostId }),
  z.object({ type: z.literal('post.scheduled'), postId: PostId, scheduledAt: z.number().int().nullable() }),
  z.object({ type: z.literal('partners.changed') }),
  z.object({ type: z.literal('workspace.changed') }),
  z.object({ type: z.literal('settings.changed') }),
  // Raised by a transport, not by core: its event stream (re)opened, so events sent while it
  // was closed may have been missed and every cache must be read again.
  z.object({ type: z.literal('events.resync') }),
  /** The workspace file was found damaged, or was restored from a backup. */
  z.object({ type: z.literal('workspace.health') }),
  AccountsChangedEvent,
  OAuthFinishedEvent,
  ReportProgressEvent,
  EditorialChangedEvent,
  EngagementChangedEvent,
  ...signoffEvents,
]);
export type AppEvent = z.infer<typeof AppEvent>;

/** How a caller may stop waiting for an answer (a view left before its read came back). */
export interface CallOptions {
  /** Aborted: the call rejects with the signal's reason, and its answer is neither read nor checked. */
  signal?: AbortSignal | undefined;
}

/** The typed client both transports implement. */
export interface PlumeApi {
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>, options?: CallOptions): Promise<ProcedureOutput<K>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}
