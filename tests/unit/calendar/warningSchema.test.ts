import { describe, expect, it } from 'vitest';
import { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import { CalendarWarningSchema, WarningsInput } from '../../../shared/calendar/warningSchema';
import { calendarWarnings } from '../../../shared/calendar/warnings';
import type { CalendarPost } from '../../../shared/calendar/warnings';

const at = (iso: string): number => Date.parse(iso);

describe('warnings crossing the contract', () => {
  it('come out of the schema exactly as the domain computed them, for every kind', () => {
    const policy = CadencePolicy.parse({
      postsPerWeek: [{ network: 'linkedin', min: 3, max: 1 }],
      maxPerDay: 1,
      quietDays: [4],
      quietHours: { from: '20:00', to: '08:00' },
      blackoutDates: ['2026-05-12'],
      pillarTargets: [{ pillar: 'expertise', share: 0.9 }],
    });
    const posts: CalendarPost[] = [
      { id: 'a', instant: at('2026-05-12T19:30:00Z'), networks: ['linkedin'], pillar: 'cabinet', status: 'draft' },
      { id: 'b', instant: at('2026-05-12T07:00:00Z'), networks: ['linkedin'], pillar: null, status: 'draft' },
      { id: 'c', instant: at('2026-05-14T08:00:00Z'), networks: ['linkedin'], pillar: 'expertise', status: 'approved' },
    ];
    const warnings = calendarWarnings({ policy, zone: 'Europe/Paris', posts, range: { from: '2026-05-11', to: '2026-05-17' } });
    expect(new Set(warnings.map((w) => w.kind))).toEqual(
      new Set(['cadenceExcess', 'dailyLimitExceeded', 'quietDay', 'quietHours', 'frenchHoliday', 'blackoutDate', 'pillarOffTarget']),
    );
    for (const warning of warnings) expect(CalendarWarningSchema.parse(warning)).toEqual(warning);
    const shortfall = calendarWarnings({ policy, zone: 'Europe/Paris', posts: [], range: { from: '2026-05-11', to: '2026-05-17' } });
    expect(shortfall.map((w) => CalendarWarningSchema.parse(w).kind)).toEqual(['cadenceShortfall']);
  });

  it('ask for local dates in order over at most about 13 months', () => {
    expect(WarningsInput.safeParse({ from: '2026-06-01', to: '2026-07-12' }).success).toBe(true);
    expect(WarningsInput.safeParse({ from: '2026-07-12', to: '2026-06-01' }).success).toBe(false);
    expect(WarningsInput.safeParse({ from: '2026-01-01', to: '2027-06-01' }).success).toBe(false);
    expect(WarningsInput.safeParse({ from: '2026-6-1', to: '2026-07-12' }).success).toBe(false);
  });
});
