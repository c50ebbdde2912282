import type { CadencePolicy } from '../../../shared/calendar/cadencePolicy';

/**
 * Where the calendar reads each partner's cadence (posts per week, quiet days and hours,
 * blackout dates, pillar targets, slots): the editorial lines, wired in by the composition root.
 * `null` (no line, or no source at all) means the default policy.
 */
export interface CadenceSource {
  cadenceFor(partnerId: string): { cadence: CadencePolicy; pillars: string[] } | null;
}
