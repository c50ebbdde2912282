import { describe, expect, it } from 'vitest';
import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { observesFrenchHolidays } from '../../../shared/calendar/holidays';
import { nextFreeSlotForPolicy } from '../../../shared/calendar/placement';
import { calendarWarnings } from '../../../shared/calendar/warnings';
import type { CalendarWarning } from '../../../shared/calendar/warnings';

const at = (iso: string): number => Date.parse(iso);

/** 1 Nov 2026 (Toussaint), 10:00 in each zone, with the default policy (French holidays avoided). */
function holidayWarnings(zone: string, iso: string): CalendarWarning[] {
  return calendarWarnings({
    policy: CadencePolicy.parse({}),
    zone,
    posts: [{ id: 'p', instant: at(iso), networks: ['linkedin'], pillar: undefined, status: 'scheduled' }],
    range: { from: '2026-11-01', to: '2026-11-01' },
  }).filter((w) => w.kind === 'frenchHoliday');
}

describe('French public holidays, for partners in France only', () => {
  it('warn a partner in Paris or in a French overseas zone', () => {
    expect(holidayWarnings('Europe/Paris', '2026-11-01T09:00:00Z')).toHaveLength(1);
    expect(holidayWarnings('Indian/Reunion', '2026-11-01T06:00:00Z')).toHaveLength(1);
    expect(holidayWarnings('America/Martinique', '2026-11-01T14:00:00Z')).toHaveLength(1);
  });

  it('never warn a partner in Montréal, New York, Casablanca or Tokyo (« Toussaint » is not their holiday)', () => {
    expect(holidayWarnings('America/Montreal', '2026-11-01T15:00:00Z')).toEqual([]);
    expect(holidayWarnings('America/New_York', '2026-11-01T15:00:00Z')).toEqual([]);
    expect(holidayWarnings('Africa/Casablanca', '2026-11-01T10:00:00Z')).toEqual([]);
    expect(holidayWarnings('Asia/Tokyo', '2026-11-01T01:00:00Z')).toEqual([]);
  });

  it('name the zones that keep them', () => {
    expect(observesFrenchHolidays('Europe/Paris')).toBe(true);
    expect(observesFrenchHolidays('America/Cayenne')).toBe(true);
    expect(observesFrenchHolidays('America/Toronto')).toBe(false);
  });

  it('do not rule out a Montréal partner’s slot on 1 November', () => {
    const policy = CadencePolicy.parse({ slots: [{ network: 'linkedin', weekday: 7, time: '10:00' }] });
    const slot = nextFreeSlotForPolicy({ policy, zone: 'America/Montreal', after: at('2026-10-31T12:00:00Z'), posts: [], networks: ['linkedin'] });
    expect(slot?.date).toBe('2026-11-01');
  });
});
