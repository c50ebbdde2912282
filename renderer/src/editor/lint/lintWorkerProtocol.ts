import { z } from 'zod';
import { LintContext, LintResult } from '../../../../shared/editorial/findingSchema';
import { ResolvedLine } from '../../../../shared/editorial/lineSchema';

/**
 * What the editor and its lint worker say to each other. Both sides parse what they
 * receive: a message from another thread is a boundary like any other.
 */
export const LintWorkerRequest = z.discriminatedUnion('type', [
  /** A line to lint against from now on, compiled once in the worker and known by `key`. */
  z.object({ type: z.literal('line'), key: z.number().int().min(0), line: ResolvedLine }),
  z.object({ type: z.literal('lint'), id: z.number().int().min(0), key: z.number().int().min(0), text: z.string(), context: LintContext }),
  /** Sent when an editor opens: the worker readies its libraries while the line loads. */
  z.object({ type: z.literal('warmUp') }),
]);
export type LintWorkerRequest = z.input<typeof LintWorkerRequest>;

export const LintWorkerReply = z.union([
  z.object({ id: z.number().int().min(0), result: LintResult }),
  /** The worker could not lint (a line it does not know, a bug): the editor lints in its own thread instead. */
  z.object({ id: z.number().int().min(0), error: z.string() }),
]);
export type LintWorkerReply = z.input<typeof LintWorkerReply>;
