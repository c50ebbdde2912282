import { z } from 'zod';
import { procedure, ok } from '../procedure';
import { PartnerId } from '../../partners/schema';
import { Snippet, SnippetId, SnippetInput } from '../../snippets/schema';

/** null: the firm's snippets. */
const Owner = PartnerId.nullable();

export const snippetProcedures = {
  /** Partner's first then the firm's when `includeFirm` (what the editor offers). */
  'snippets.list': procedure(z.object({ partnerId: Owner, includeFirm: z.boolean().default(false) }).strict(), z.array(Snippet)),
  'snippets.create': procedure(z.object({ partnerId: Owner, fields: SnippetInput }).strict(), Snippet),
  'snippets.update': procedure(z.object({ id: SnippetId, fields: SnippetInput }).strict(), Snippet),
  'snippets.delete': procedure(z.object({ id: SnippetId }).strict(), ok),
} as const;
