import { z } from 'zod';

/**
 * A zone's UTC offsets as a table: `offsets[0]` holds before `transitions[0]`, `offsets[i]`
 * from `transitions[i - 1]` on. Plume's one source of time-zone truth (ARCHITECTURE rule 8):
 * core builds these from its own tz data and serves them to the UI, so the browser's ICU —
 * which may disagree (Debian's Chromium keeps Casablanca at UTC+0) — is never asked.
 * Outside [from, to) the nearest known offset holds.
 */
export const ZoneTable = z
  .object({
    zone: z.string().min(1).max(64),
    from: z.number().int(),
    to: z.number().int(),
    /** Instants (epoch ms) where the offset changes, ascending. */
    transitions: z.array(z.number().int()).max(2_000),
    /** Minutes east of Greenwich; one more than `transitions`. */
    offsets: z.array(z.number().int().min(-24 * 60).max(24 * 60)).min(1).max(2_001),
  })
  .strict()
  .refine((table) => table.offsets.length === table.transitions.length + 1, { message: 'one offset more than transitions' })
  .refine((table) => table.transitions.every((at, i) => i === 0 || at > (table.transitions[i - 1] ?? at)), {
    message: 'transitions ascending',
  });
export type ZoneTable = z.infer<typeof ZoneTable>;

/** The offset in force at `at` (binary search: the last transition at or before it). */
export function offsetInTable(table: ZoneTable, at: number): number {
  let lo = 0;
  let hi = table.transitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table.transitions[mid] ?? Infinity) <= at) lo = mid + 1;
    else hi = mid;
  }
  return table.offsets[lo] ?? table.offsets[0] ?? 0;
}

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;

/**
 * The table of `zone` over [from, to), read from a runtime's tz data through `probe`
 * (offset in minutes at an instant). Probed weekly, then each change is narrowed to the
 * minute (tz transitions fall on whole minutes); a week holding two changes is walked change by change.
 * An excursion shorter than a week (there and back) would be missed: tz data has none in the
 * years Plume serves (tests/unit/time compares tables with the runtime zone by zone).
 */
export function buildZoneTable(zone: string, probe: (at: number) => number, from: number, to: number): ZoneTable {
  const transitions: number[] = [];
  const offsets = [probe(from)];
  let current = offsets[0] ?? 0;
  for (let start = from; start < to; start += WEEK) {
    const end = Math.min(start + WEEK, to);
    let low = start;
    while (probe(end) !== current) {
      // First whole minute in (low, end] whose offset is not `current`.
      let lo = Math.floor(low / MINUTE);
      let hi = Math.ceil(end / MINUTE);
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (probe(mid * MINUTE) === current) lo = mid;
        else hi = mid;
      }
      const at = hi * MINUTE;
      if (at > end) break;
      current = probe(at);
      transitions.push(at);
      offsets.push(current);
      low = at;
    }
  }
  return { zone, from, to, transitions, offsets };
}
