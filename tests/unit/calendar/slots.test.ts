import { describe, expect, it } from 'vitest';
import { nextFreeSlot, PostingSlot, slotsInRange } from '../../../shared/calendar/slots';
import type { PostingSlot as Slot } from '../../../shared/calendar/slots';

const at = (iso: string): number => Date.parse(iso);
const PARIS = 'Europe/Paris';
const TORONTO = 'America/Toronto';
const CASABLANCA = 'Africa/Casablanca';

const linkedInTueThu: Slot[] = [
  { network: 'linkedin', weekday: 2, time: '08:30' },
  { network: 'linkedin', weekday: 4, time: '08:30' },
];

describe('the PostingSlot schema', () => {
  it('accepts a network, an ISO weekday and an HH:mm time', () => {
    expect(PostingSlot.parse({ network: 'linkedin', weekday: 2, time: '08:30' })).toEqual({ network: 'linkedin', weekday: 2, time: '08:30' });
  });

  it.each([
    { network: 'linkedin', weekday: 0, time: '08:30' },
    { network: 'linkedin', weekday: 8, time: '08:30' },
    { network: 'linkedin', weekday: 2, time: '8:30' },
    { network: 'linkedin', weekday: 2, time: '24:00' },
    { network: 'myspace', weekday: 2, time: '08:30' },
  ])('refuses %o', (slot) => {
    expect(PostingSlot.safeParse(slot).success).toBe(false);
  });
});

describe('nextFreeSlot', () => {
  const monday = at('2026-03-23T11:00:00Z'); // Monday 12:00 in Paris

  it('finds the next slot in the partner zone', () => {
    expect(nextFreeSlot({ after: monday, slots: linkedInTueThu, zone: PARIS })).toEqual({
      network: 'linkedin',
      weekday: 2,
      date: '2026-03-24',
      time: '08:30',
      instant: at('2026-03-24T07:30:00Z'),
      actualTime: '08:30',
      offsetMinutes: 60,
      adjustment: 'exact',
    });
  });

  it('skips taken slots and keeps 08:30 local across the DST change', () => {
    const occupied = [at('2026-03-24T07:30:00Z'), { network: 'linkedin' as const, instant: at('2026-03-26T07:30:00Z') }];
    const next = nextFreeSlot({ after: monday, slots: linkedInTueThu, zone: PARIS, occupied });
    expect(next).toMatchObject({ date: '2026-03-31', time: '08:30', instant: at('2026-03-31T06:30:00Z'), offsetMinutes: 120 });
  });

  it('does not let a post on another network take the slot', () => {
    const occupied = [{ network: 'x' as const, instant: at('2026-03-24T07:30:00Z') }];
    expect(nextFreeSlot({ after: monday, slots: linkedInTueThu, zone: PARIS, occupied })?.date).toBe('2026-03-24');
  });

  it('counts a post within the window as taking the slot', () => {
    const slots = linkedInTueThu;
    const halfMinuteLate = [at('2026-03-24T07:30:30Z')];
    expect(nextFreeSlot({ after: monday, slots, zone: PARIS, occupied: halfMinuteLate })?.date).toBe('2026-03-26');
    const tenMinutesLate = [at('2026-03-24T07:40:00Z')];
    expect(nextFreeSlot({ after: monday, slots, zone: PARIS, occupied: tenMinutesLate })?.date).toBe('2026-03-24');
    expect(nextFreeSlot({ after: monday, slots, zone: PARIS, occupied: tenMinutesLate, windowMinutes: 15 })?.date).toBe('2026-03-26');
  });

  it('never offers the instant `after` itself', () => {
    const atSlot = at('2026-03-24T07:30:00Z');
    expect(nextFreeSlot({ after: atSlot, slots: linkedInTueThu, zone: PARIS })?.date).toBe('2026-03-26');
    expect(nextFreeSlot({ after: atSlot - 1, slots: linkedInTueThu, zone: PARIS })?.date).toBe('2026-03-24');
  });

  it('filters by network', () => {
    const slots: Slot[] = [...linkedInTueThu, { network: 'bluesky', weekday: 5, time: '12:00' }];
    expect(nextFreeSlot({ after: monday, slots, zone: PARIS, network: 'bluesky' })).toMatchObject({ network: 'bluesky', date: '2026-03-27', instant: at('2026-03-27T11:00:00Z') });
    expect(nextFreeSlot({ after: monday, slots, zone: PARIS, network: 'mastodon' })).toBeNull();
  });

  it('gives up at the horizon', () => {
    expect(nextFreeSlot({ after: monday, slots: linkedInTueThu, zone: PARIS, horizonDays: 0 })).toBeNull();
    expect(nextFreeSlot({ after: monday, slots: linkedInTueThu, zone: PARIS, horizonDays: 1 })?.date).toBe('2026-03-24');
    expect(nextFreeSlot({ after: monday, slots: [], zone: PARIS })).toBeNull();
  });

  it('moves a slot that falls in the Paris gap to 03:00 and says so', () => {
    const sunday: Slot[] = [{ network: 'linkedin', weekday: 7, time: '02:30' }];
    expect(nextFreeSlot({ after: at('2026-03-28T12:00:00Z'), slots: sunday, zone: PARIS })).toEqual({
      network: 'linkedin',
      weekday: 7,
      date: '2026-03-29',
      time: '02:30',
      instant: at('2026-03-29T01:00:00Z'),
      actualTime: '03:00',
      offsetMinutes: 120,
      adjustment: 'movedOutOfGap',
    });
  });

  it('takes the earlier of a slot that happens twice in Paris', () => {
    const sunday: Slot[] = [{ network: 'linkedin', weekday: 7, time: '02:30' }];
    expect(nextFreeSlot({ after: at('2026-10-24T12:00:00Z'), slots: sunday, zone: PARIS })).toMatchObject({
      date: '2026-10-25',
      instant: at('2026-10-25T00:30:00Z'),
      actualTime: '02:30',
      offsetMinutes: 120,
      adjustment: 'earlierOfTwo',
    });
    // Once the first 02:30 is taken the second one is not offered: next week's slot is.
    const next = nextFreeSlot({ after: at('2026-10-24T12:00:00Z'), slots: sunday, zone: PARIS, occupied: [at('2026-10-25T00:30:00Z')] });
    expect(next).toMatchObject({ date: '2026-11-01', instant: at('2026-11-01T01:30:00Z'), adjustment: 'exact' });
  });

  it('handles the Toronto edges', () => {
    const sunday: Slot[] = [
      { network: 'x', weekday: 7, time: '02:15' },
      { network: 'x', weekday: 7, time: '01:30' },
    ];
    expect(nextFreeSlot({ after: at('2026-03-07T12:00:00Z'), slots: sunday, zone: TORONTO, network: 'x', occupied: [at('2026-03-08T06:30:00Z')] })).toMatchObject({
      date: '2026-03-08',
      time: '02:15',
      instant: at('2026-03-08T07:00:00Z'),
      actualTime: '03:00',
      adjustment: 'movedOutOfGap',
    });
    expect(nextFreeSlot({ after: at('2026-10-31T12:00:00Z'), slots: sunday, zone: TORONTO })).toMatchObject({
      date: '2026-11-01',
      time: '01:30',
      instant: at('2026-11-01T05:30:00Z'),
      offsetMinutes: -240,
      adjustment: 'earlierOfTwo',
    });
  });

  it('handles the Casablanca Ramadan edges', () => {
    const sunday: Slot[] = [{ network: 'linkedin', weekday: 7, time: '02:30' }];
    expect(nextFreeSlot({ after: at('2026-02-14T12:00:00Z'), slots: sunday, zone: CASABLANCA })).toMatchObject({
      date: '2026-02-15',
      instant: at('2026-02-15T01:30:00Z'),
      offsetMinutes: 60,
      adjustment: 'earlierOfTwo',
    });
    expect(nextFreeSlot({ after: at('2026-03-21T12:00:00Z'), slots: sunday, zone: CASABLANCA })).toMatchObject({
      date: '2026-03-22',
      instant: at('2026-03-22T02:00:00Z'),
      actualTime: '03:00',
      adjustment: 'movedOutOfGap',
    });
    // A week into Ramadan time, 09:00 is 09:00 UTC.
    expect(nextFreeSlot({ after: at('2026-02-20T12:00:00Z'), slots: [{ network: 'linkedin', weekday: 1, time: '09:00' }], zone: CASABLANCA })?.instant).toBe(
      at('2026-02-23T09:00:00Z'),
    );
  });
});

describe('slotsInRange', () => {
  it('lists every occurrence in [from, to), in order', () => {
    const slots: Slot[] = [...linkedInTueThu, { network: 'x', weekday: 2, time: '07:00' }];
    // From Tuesday 07:00 CET (included) to the next Tuesday 08:30 CEST (excluded).
    const range = { from: at('2026-03-24T06:00:00Z'), to: at('2026-03-31T06:30:00Z') };
    expect(slotsInRange({ slots, zone: PARIS, ...range }).map((s) => `${s.date} ${s.time} ${s.network}`)).toEqual([
      '2026-03-24 07:00 x',
      '2026-03-24 08:30 linkedin',
      '2026-03-26 08:30 linkedin',
      '2026-03-31 07:00 x',
    ]);
  });

  it('includes `from` and excludes `to`', () => {
    const tuesday = at('2026-03-24T07:30:00Z');
    expect(slotsInRange({ slots: linkedInTueThu, zone: PARIS, from: tuesday, to: tuesday + 1 })).toHaveLength(1);
    expect(slotsInRange({ slots: linkedInTueThu, zone: PARIS, from: tuesday - 1, to: tuesday })).toHaveLength(0);
  });

  it('keeps one occurrence per network and instant when a gap slot lands on another slot', () => {
    const sunday: Slot[] = [
      { network: 'linkedin', weekday: 7, time: '02:30' },
      { network: 'linkedin', weekday: 7, time: '03:00' },
      { network: 'x', weekday: 7, time: '02:30' },
    ];
    const found = slotsInRange({ slots: sunday, zone: PARIS, from: at('2026-03-28T00:00:00Z'), to: at('2026-03-30T00:00:00Z') });
    expect(found.map((s) => [s.network, s.time, s.adjustment])).toEqual([
      ['linkedin', '03:00', 'exact'],
      ['x', '02:30', 'movedOutOfGap'],
    ]);
  });

  it('finds slots of a local day that starts on the previous UTC day', () => {
    const mondayEarly: Slot[] = [{ network: 'linkedin', weekday: 1, time: '00:30' }];
    const found = slotsInRange({ slots: mondayEarly, zone: PARIS, from: at('2026-03-29T22:00:00Z'), to: at('2026-03-30T00:00:00Z') });
    expect(found.map((s) => s.instant)).toEqual([at('2026-03-29T22:30:00Z')]);
  });
});
