import { networks } from '../posts/networks';
import type { Network } from '../posts/networks';
import type { AuditEntry } from '../signoff/audit';

/**
 * Tolerant readers of an entry's `details` (see AuditEntry): a field that is missing or of the
 * wrong type reads as null, so an odd entry weakens one figure instead of failing the report.
 */
const field = (entry: AuditEntry, key: string): unknown => entry.details[key];

export function text(entry: AuditEntry, key: string): string | null {
  const value = field(entry, key);
  return typeof value === 'string' ? value : null;
}

export function instant(entry: AuditEntry, key: string): number | null {
  const value = field(entry, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// A set lookup, not a zod parse: most entries have no network, and a failed parse builds an error.
const knownNetworks: ReadonlySet<unknown> = new Set<string>(networks);
export const isNetwork = (value: unknown): value is Network => knownNetworks.has(value);

export function network(entry: AuditEntry): Network | null {
  const value = field(entry, 'network');
  return isNetwork(value) ? value : null;
}

const nonNegative = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  byKind: [string, number][];
}

export function findings(entry: AuditEntry): FindingCounts | null {
  const value = field(entry, 'findings');
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const kinds = record.byKind;
  const byKind =
    typeof kinds === 'object' && kinds !== null
      ? Object.entries(kinds as Record<string, unknown>)
          .map(([kind, n]): [string, number] => [kind, nonNegative(n)])
          .filter(([, n]) => n > 0)
      : [];
  return { error: nonNegative(record.error), warning: nonNegative(record.warning), info: nonNegative(record.info), byKind };
}

/** The justification of an override: `details.override.justification` on a request, `details.justification` on overrideRecorded. */
export function overrideOf(entry: AuditEntry): { justification: string; findingCount: number | null } | null {
  const nested = field(entry, 'override');
  const source = typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : entry.action === 'overrideRecorded' ? entry.details : null;
  if (!source) return null;
  const justification = source.justification;
  if (typeof justification !== 'string') return null;
  const ids = source.findingIds;
  return { justification, findingCount: Array.isArray(ids) ? ids.length : null };
}
