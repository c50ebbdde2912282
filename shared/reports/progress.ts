import { z } from 'zod';

/** Core's event while "export all partners" runs: one after each file, and one at the end. */
export const ReportProgressEvent = z.object({
  type: z.literal('report.progress'),
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** The partner whose file was just written; null at the start, for the summary and at the end. */
  partnerId: z.string().nullable(),
});
export type ReportProgressEvent = z.infer<typeof ReportProgressEvent>;
