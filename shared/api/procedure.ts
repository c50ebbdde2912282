import { z } from 'zod';

/** A procedure of the contract: the schema its input is parsed with, and the schema of its output. */
export const procedure = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Input of a procedure that takes nothing. */
export const none = z.object({}).strict().default({});

export const ok = z.object({ ok: z.literal(true) });
