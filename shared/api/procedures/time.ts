import { z } from 'zod';
import { procedure } from '../procedure';
import { ZoneTable } from '../../time/zoneTable';

export const timeProcedures = {
  /**
   * Core's tz data for the zones asked for plus every partner's zone: the only offsets the UI
   * uses (the browser's own zone data may disagree with core's). Unknown zones are left out.
   */
  'time.zoneTables': procedure(
    z.object({ zones: z.array(z.string().min(1).max(64)).max(100) }).strict(),
    z.array(ZoneTable),
  ),
} as const;
