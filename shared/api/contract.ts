import { z } from 'zod';
import { Partner, PartnerId, PartnerInput } from '../partners/schema';
import {
  Post,
  PostCreateInput,
  PostId,
  PostSaveInput,
  PostSummary,
  Revision,
  RevisionDetail,
} from '../posts/schema';
import { Settings, SettingsPatch, WorkspaceState } from '../workspace/schema';

/**
 * The one API between UI and core. Every procedure is declared here once, with the schema
 * its input is parsed with (at the receiving side) and the schema of what it returns.
 * Both transports (Electron IPC, browser-mode HTTP) carry exactly these.
 */
const procedure = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const none = z.object({}).strict().default({});
const ok = z.object({ ok: z.literal(true) });

export const contract = {
  'workspace.state': procedure(none, WorkspaceState),
  'workspace.loadExample': procedure(none, WorkspaceState),
  'workspace.removeExample': procedure(none, WorkspaceState),

  'settings.get': procedure(none, Settings),
  'settings.update': procedure(SettingsPatch, Settings),

  'partners.list': procedure(
    z.object({ includeArchived: z.boolean().default(false) }).strict().default({ includeArchived: false }),
    z.array(Partner),
  ),
  'partners.get': procedure(z.object({ id: PartnerId }).strict(), Partner),
  'partners.create': procedure(PartnerInput, Partner),
  'partners.update': procedure(z.object({ id: PartnerId, fields: PartnerInput }).strict(), Partner),
  'partners.setArchived': procedure(z.object({ id: PartnerId, archived: z.boolean() }).strict(), Partner),

  'posts.list': procedure(
    z
      .object({
        partnerId: PartnerId.optional(),
        query: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(20_000).default(500),
      })
      .strict()
      .default({ limit: 500 }),
    z.array(PostSummary),
  ),
  'posts.get': procedure(z.object({ id: PostId }).strict(), Post),
  'posts.create': procedure(PostCreateInput, Post),
  'posts.save': procedure(PostSaveInput, Post),
  'posts.delete': procedure(z.object({ id: PostId }).strict(), ok),
  'posts.revisions': procedure(z.object({ postId: PostId }).strict(), z.array(Revision)),
  'posts.revision': procedure(z.object({ id: z.number().int() }).strict(), RevisionDetail),
  'posts.restoreRevision': procedure(
    z.object({ postId: PostId, revisionId: z.number().int(), baseVersion: z.number().int().positive() }).strict(),
    Post,
  ),
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
  z.object({ type: z.literal('post.saved'), postId: PostId, version: z.number().int() }),
  z.object({ type: z.literal('post.deleted'), postId: PostId }),
  z.object({ type: z.literal('partners.changed') }),
  z.object({ type: z.literal('workspace.changed') }),
]);
export type AppEvent = z.infer<typeof AppEvent>;

/** The typed client both transports implement. */
export interface PlumeApi {
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}
