import { z } from 'zod';
import { Network } from '../posts/networks';
import type { AuditEntry } from './audit';
import { EditorialOverride } from './schema';
import { wordDiff } from './wordDiff';
import type { DiffPart } from './wordDiff';

/**
 * A partner's corrected version of a post, as its `changesSuggested` audit fact holds it: the
 * text they sent, and the text of the revision they were asked about (the entry's revision).
 */
export const SuggestionFact = z.object({
  requestId: z.string(),
  messageId: z.string(),
  network: Network,
  text: z.string().min(1),
  original: z.string(),
  source: z.enum(['quote', 'pasted']),
});
export type SuggestionFact = z.infer<typeof SuggestionFact>;

export interface PendingSuggestion {
  entry: AuditEntry;
  fact: SuggestionFact;
  /** Word diff from the revision asked about to the partner's version. */
  diff: DiffPart[];
}

/**
 * The newest suggestion still waiting, with its word diff; null when there is none. A newer
 * suggestion supersedes it; a later request (its corrections applied, or the community manager
 * moving on with their own version) answers it.
 */
export function pendingSuggestion(history: readonly AuditEntry[]): PendingSuggestion | null {
  const entry = history.findLast((e) => e.action === 'changesSuggested');
  if (entry === undefined) return null;
  if (history.some((e) => e.id > entry.id && e.action === 'requestSignoff')) return null;
  const fact = SuggestionFact.safeParse(entry.details);
  return fact.success ? { entry, fact: fact.data, diff: wordDiff(fact.data.original, fact.data.text) } : null;
}

export const ApplySuggestionInput = z
  .object({
    postId: z.uuid(),
    /** The changesSuggested audit entry. */
    entryId: z.number().int().positive(),
    /** The post version the community manager saw: a save since then is a conflict. */
    baseVersion: z.number().int().positive(),
    override: EditorialOverride.nullable().default(null),
  })
  .strict();
export type ApplySuggestionInput = z.input<typeof ApplySuggestionInput>;
