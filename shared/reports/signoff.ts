import type { AuditEntry } from '../signoff/audit';
import { instant, text } from './details';
import type { OnTime, Turnaround } from './model';
import { median, percentile } from './percentile';

export const isDecision = (entry: AuditEntry): boolean =>
  entry.action === 'approve' || entry.action === 'requestChanges' || entry.action === 'reject';

export interface DecisionFacts {
  requestId: string | null;
  requestedAt: number | null;
  deadlineAt: number | null;
  turnaroundMs: number | null;
  /** Decided at or before the deadline; null when the request had no deadline. */
  onTime: boolean | null;
}

/**
 * What a decision (or an expiry) answers: its request, when that was sent and its deadline.
 * The decision's own details are authoritative; the request entry in the post's history
 * (same requestId, else the last request before it) fills what they lack.
 */
export function decisionFacts(entry: AuditEntry, history: readonly AuditEntry[]): DecisionFacts {
  const requestId = text(entry, 'requestId');
  const requests = history.filter((e) => e.action === 'requestSignoff' && e.id < entry.id);
  const request = (requestId === null ? undefined : requests.findLast((e) => text(e, 'requestId') === requestId)) ?? requests.at(-1);
  const requestedAt = instant(entry, 'requestedAt') ?? request?.at ?? null;
  const deadlineAt = instant(entry, 'deadlineAt') ?? (request ? instant(request, 'deadlineAt') : null);
  const decided = entry.action !== 'expire';
  return {
    requestId: requestId ?? (request ? text(request, 'requestId') : null),
    requestedAt,
    deadlineAt,
    turnaroundMs: decided && requestedAt !== null ? Math.max(0, entry.at - requestedAt) : null,
    onTime: !decided ? false : deadlineAt === null ? null : entry.at <= deadlineAt,
  };
}

export function turnaroundOf(samplesMs: readonly number[]): Turnaround {
  return { decisions: samplesMs.length, medianMs: median(samplesMs), p90Ms: percentile(samplesMs, 90), samplesMs: [...samplesMs] };
}

/** On-time rate = decisions by the deadline ÷ (decisions that had a deadline + requests that expired). */
export function onTimeOf(onTime: number, late: number, expired: number): OnTime {
  const due = onTime + late + expired;
  return { onTime, late, expired, due, rate: due === 0 ? null : onTime / due };
}
