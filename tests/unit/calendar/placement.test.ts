import { describe, expect, it } from 'vitest';
import { CadencePolicy, PostingSlots } from '../../../shared/calendar/cadencePolicy';
import type { CadencePolicyInput } from '../../../shared/calendar/cadencePolicy';
import { nextFreeSlotForPolicy } from '../../../shared/calendar/placement';
import type { ScheduledPost } from '../../../shared/calendar/placement';

const at = (iso: string): number => Date.parse(iso);
const PARIS = 'Europe/Paris';
const CASABLANCA = 'Africa/Casablanca';

const policy = (input: CadencePolicyInput): CadencePolicy => CadencePolicy.parse(input);
const tueThu = [
  { network: 'linkedin', weekday: 2, time: '08:30' },
  { network: 'linkedin', weekday: 4, time: '08:30' },
] as const;
// Monday 2026-06-01, 12:00 in Paris.
const monday = at('2026-06-01T10:00:00Z');

function next(input: CadencePolicyInput, posts: ScheduledPost[] = [], networks: ScheduledPost['networks'] = ['linkedin'], zone = PARIS, after = monday) {
  const slot = nextFreeSlotForPolicy({ policy: policy(input), zone, after, posts, networks });
  return slot ? { date: slot.date, time: slot.actualTime, network: slot.network, instant: slot.instant } : null;
}

describe('put in next free slot, under the partner’s cadence', () => {
  it('takes the first slot after now, in the partner’s zone', () => {
    expect(next({ slots: [...tueThu] })).toEqual({ date: '2026-06-02', time: '08:30', network: 'linkedin', instant: at('2026-06-02T06:30:00Z') });
    // The same wall time in Casablanca (UTC+1 in June 2026) is an hour later in UTC.
    expect(next({ slots: [...tueThu] }, [], ['linkedin'], CASABLANCA)?.instant).toBe(at('2026-06-02T07:30:00Z'));
  });

  it('skips a slot another post of the partner takes on that network, not one on another network', () => {
    const tuesday = at('2026-06-02T06:30:00Z');
    expect(next({ slots: [...tueThu] }, [{ instant: tuesday, networks: ['linkedin'] }])?.date).toBe('2026-06-04');
    expect(next({ slots: [...tueThu] }, [{ instant: tuesday, networks: ['x'] }])?.date).toBe('2026-06-02');
  });

  it('offers only the slots of the post’s networks, any network when it has none yet', () => {
    const slots = [{ network: 'x', weekday: 1, time: '18:00' }, ...tueThu] as const;
    expect(next({ slots: [...slots] }, [], ['linkedin'])?.network).toBe('linkedin');
    expect(next({ slots: [...slots] }, [], [])).toMatchObject({ date: '2026-06-01', time: '18:00', network: 'x' });
    expect(next({ slots: [...slots] }, [], ['bluesky'])).toBeNull();
  });

  it('passes over quiet days, quiet hours and blackout dates', () => {
    expect(next({ slots: [...tueThu], quietDays: [2] })?.date).toBe('2026-06-04');
    expect(next({ slots: [...tueThu], quietHours: { from: '20:00', to: '09:00' } })).toBeNull();
    expect(next({ slots: [...tueThu], blackoutDates: ['2026-06-02', '2026-06-04'] })?.date).toBe('2026-06-09');
  });

  it('passes over French public holidays unless the policy allows them', () => {
    // Ascension 2026 is Thursday 14 May; from Wednesday 13 May the next Thursday slot is the 21st.
    const wednesday = at('2026-05-13T10:00:00Z');
    const slots = [{ network: 'linkedin', weekday: 4, time: '08:30' }] as const;
    expect(next({ slots: [...slots] }, [], ['linkedin'], PARIS, wednesday)?.date).toBe('2026-05-21');
    expect(next({ slots: [...slots], avoidFrenchHolidays: false }, [], ['linkedin'], PARIS, wednesday)?.date).toBe('2026-05-14');
  });

  it('passes over a day that already has the most posts allowed', () => {
    const tuesdayEvening = at('2026-06-02T16:00:00Z');
    expect(next({ slots: [...tueThu], maxPerDay: 1 }, [{ instant: tuesdayEvening, networks: ['x'] }])?.date).toBe('2026-06-04');
    expect(next({ slots: [...tueThu], maxPerDay: 2 }, [{ instant: tuesdayEvening, networks: ['x'] }])?.date).toBe('2026-06-02');
  });

  it('moves a slot out of a spring-forward gap and says so', () => {
    // Paris, Sunday 2026-03-29: 02:30 does not exist, the slot goes out at 03:00.
    const slot = nextFreeSlotForPolicy({
      policy: policy({ slots: [{ network: 'linkedin', weekday: 7, time: '02:30' }] }),
      zone: PARIS,
      after: at('2026-03-28T12:00:00Z'),
      posts: [],
      networks: ['linkedin'],
    });
    expect(slot).toMatchObject({ date: '2026-03-29', time: '02:30', actualTime: '03:00', adjustment: 'movedOutOfGap', instant: at('2026-03-29T01:00:00Z') });
  });

  it('gives up with null when nothing is free within the horizon', () => {
    expect(next({ slots: [] })).toBeNull();
    expect(next({ slots: [...tueThu], quietDays: [2, 4] })).toBeNull();
  });
});

describe('posting slots in a cadence policy', () => {
  it('default to none and refuse the same slot twice', () => {
    expect(CadencePolicy.parse({}).slots).toEqual([]);
    const twice = PostingSlots.safeParse([...tueThu, tueThu[0]]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]).toMatchObject({ message: 'calendar.errors.duplicateSlot', path: [2, 'time'] });
  });
});
