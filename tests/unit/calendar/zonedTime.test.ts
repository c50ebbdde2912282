import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  chooseInstant,
  formatOffset,
  localDayBounds,
  localParts,
  moveToDay,
  offsetAt,
  repeatedWallTimeOffset,
  resolveLocalTime,
  startOfLocalDay,
  todayIn,
} from '../../../shared/calendar/zonedTime';
import { offsetChanges } from './support/offsetProbe';

const at = (iso: string): number => Date.parse(iso);
const PARIS = 'Europe/Paris';
const TORONTO = 'America/Toronto';
const CASABLANCA = 'Africa/Casablanca';

describe('the runtime tz data for 2026 (Intl, probed hour by hour)', () => {
  it('has Paris spring forward on 29 March and fall back on 25 October at 01:00 UTC', () => {
    expect(offsetChanges(PARIS, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      { at: '2026-03-29T01:00:00.000Z', from: 60, to: 120 },
      { at: '2026-10-25T01:00:00.000Z', from: 120, to: 60 },
    ]);
  });

  it('has Toronto spring forward on 8 March and fall back on 1 November', () => {
    expect(offsetChanges(TORONTO, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      { at: '2026-03-08T07:00:00.000Z', from: -300, to: -240 },
      { at: '2026-11-01T06:00:00.000Z', from: -240, to: -300 },
    ]);
  });

  // tz database (africa, Rule Morocco 2026): Feb 15 03:00 → UTC+0 ("-1:00" save), Mar 22 02:00 → back to UTC+1.
  // Morocco's Ramadan dates are predictions in tzdata: a tz update that moves them must fail here.
  it('has Casablanca at UTC+0 for Ramadan 2026: from 15 February 02:00 UTC to 22 March 02:00 UTC', () => {
    expect(offsetChanges(CASABLANCA, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      { at: '2026-02-15T02:00:00.000Z', from: 60, to: 0 },
      { at: '2026-03-22T02:00:00.000Z', from: 0, to: 60 },
    ]);
  });

  it('agrees with offsetAt on both sides of every 2026 change', () => {
    for (const zone of [PARIS, TORONTO, CASABLANCA]) {
      for (const change of offsetChanges(zone, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')) {
        expect(offsetAt(zone, at(change.at) - 60_000)).toBe(change.from);
        expect(offsetAt(zone, at(change.at))).toBe(change.to);
      }
    }
  });
});

describe('resolveLocalTime in Europe/Paris', () => {
  it('resolves an ordinary wall time exactly', () => {
    expect(resolveLocalTime({ date: '2026-01-15', time: '09:00' }, PARIS)).toEqual({
      kind: 'exact',
      requested: { date: '2026-01-15', time: '09:00' },
      instant: at('2026-01-15T08:00:00Z'),
      offsetMinutes: 60,
    });
    expect(resolveLocalTime({ date: '2026-07-15', time: '09:00' }, PARIS)).toMatchObject({ kind: 'exact', instant: at('2026-07-15T07:00:00Z'), offsetMinutes: 120 });
  });

  it('reports 02:30 on 29 March 2026 as a gap with both honest options', () => {
    expect(resolveLocalTime({ date: '2026-03-29', time: '02:30' }, PARIS)).toEqual({
      kind: 'gap',
      requested: { date: '2026-03-29', time: '02:30' },
      instantBefore: at('2026-03-29T01:30:00Z'),
      shiftedDate: '2026-03-29',
      shiftedTime: '03:30',
      instantAfter: at('2026-03-29T01:00:00Z'),
      gapStart: '02:00',
      gapEnd: '03:00',
      gapMinutes: 60,
      offsetBeforeMinutes: 60,
      offsetAfterMinutes: 120,
    });
  });

  it('puts the edges of the gap on the right side: 01:59 and 03:00 exist, 02:00 and 02:59 do not', () => {
    expect(resolveLocalTime({ date: '2026-03-29', time: '01:59' }, PARIS)).toMatchObject({ kind: 'exact', instant: at('2026-03-29T00:59:00Z') });
    expect(resolveLocalTime({ date: '2026-03-29', time: '02:00' }, PARIS)).toMatchObject({ kind: 'gap', instantAfter: at('2026-03-29T01:00:00Z'), shiftedTime: '03:00' });
    expect(resolveLocalTime({ date: '2026-03-29', time: '02:59' }, PARIS)).toMatchObject({ kind: 'gap', instantAfter: at('2026-03-29T01:00:00Z'), shiftedTime: '03:59' });
    expect(resolveLocalTime({ date: '2026-03-29', time: '03:00' }, PARIS)).toMatchObject({ kind: 'exact', instant: at('2026-03-29T01:00:00Z'), offsetMinutes: 120 });
  });

  it('reports 02:30 on 25 October 2026 as ambiguous, first at UTC+2 then at UTC+1', () => {
    expect(resolveLocalTime({ date: '2026-10-25', time: '02:30' }, PARIS)).toEqual({
      kind: 'ambiguous',
      requested: { date: '2026-10-25', time: '02:30' },
      earlier: { instant: at('2026-10-25T00:30:00Z'), offsetMinutes: 120 },
      later: { instant: at('2026-10-25T01:30:00Z'), offsetMinutes: 60 },
    });
  });

  it('puts the edges of the repeated hour on the right side: 02:00–02:59 twice, 01:59 and 03:00 once', () => {
    expect(resolveLocalTime({ date: '2026-10-25', time: '01:59' }, PARIS)).toMatchObject({ kind: 'exact', instant: at('2026-10-24T23:59:00Z') });
    expect(resolveLocalTime({ date: '2026-10-25', time: '02:00' }, PARIS)).toMatchObject({
      kind: 'ambiguous',
      earlier: { instant: at('2026-10-25T00:00:00Z') },
      later: { instant: at('2026-10-25T01:00:00Z') },
    });
    expect(resolveLocalTime({ date: '2026-10-25', time: '02:59' }, PARIS)).toMatchObject({ kind: 'ambiguous' });
    expect(resolveLocalTime({ date: '2026-10-25', time: '03:00' }, PARIS)).toMatchObject({ kind: 'exact', instant: at('2026-10-25T02:00:00Z'), offsetMinutes: 60 });
  });

  it('chooses an instant only when told how', () => {
    const gap = resolveLocalTime({ date: '2026-03-29', time: '02:30' }, PARIS);
    expect(chooseInstant(gap)).toBe(at('2026-03-29T01:00:00Z'));
    expect(chooseInstant(gap, { gap: 'shifted' })).toBe(at('2026-03-29T01:30:00Z'));
    const twice = resolveLocalTime({ date: '2026-10-25', time: '02:30' }, PARIS);
    expect(chooseInstant(twice)).toBe(at('2026-10-25T00:30:00Z'));
    expect(chooseInstant(twice, { ambiguous: 'later' })).toBe(at('2026-10-25T01:30:00Z'));
  });

  it('refuses impossible dates, malformed times and unknown zones', () => {
    expect(() => resolveLocalTime({ date: '2026-02-30', time: '09:00' }, PARIS)).toThrow(RangeError);
    expect(() => resolveLocalTime({ date: '2026-02-10', time: '24:00' }, PARIS)).toThrow(RangeError);
    expect(() => resolveLocalTime({ date: '2026-02-10', time: '9:00' }, PARIS)).toThrow(RangeError);
    expect(() => resolveLocalTime({ date: '2026-02-10', time: '09:00' }, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('resolveLocalTime in America/Toronto', () => {
  it('reports 02:30 on 8 March 2026 as a gap (02:00 → 03:00 EDT)', () => {
    expect(resolveLocalTime({ date: '2026-03-08', time: '02:30' }, TORONTO)).toMatchObject({
      kind: 'gap',
      instantAfter: at('2026-03-08T07:00:00Z'),
      instantBefore: at('2026-03-08T07:30:00Z'),
      shiftedTime: '03:30',
      gapStart: '02:00',
      gapEnd: '03:00',
      offsetBeforeMinutes: -300,
      offsetAfterMinutes: -240,
    });
  });

  it('reports 01:30 on 1 November 2026 as ambiguous (EDT then EST)', () => {
    expect(resolveLocalTime({ date: '2026-11-01', time: '01:30' }, TORONTO)).toMatchObject({
      kind: 'ambiguous',
      earlier: { instant: at('2026-11-01T05:30:00Z'), offsetMinutes: -240 },
      later: { instant: at('2026-11-01T06:30:00Z'), offsetMinutes: -300 },
    });
    expect(resolveLocalTime({ date: '2026-11-01', time: '02:00' }, TORONTO)).toMatchObject({ kind: 'exact', instant: at('2026-11-01T07:00:00Z') });
    expect(resolveLocalTime({ date: '2026-11-01', time: '00:59' }, TORONTO)).toMatchObject({ kind: 'exact', instant: at('2026-11-01T04:59:00Z') });
  });
});

describe('resolveLocalTime in Africa/Casablanca (UTC+1, UTC+0 during Ramadan)', () => {
  it('is UTC+1 in January and UTC+0 in early March', () => {
    expect(resolveLocalTime({ date: '2026-01-10', time: '12:00' }, CASABLANCA)).toMatchObject({ kind: 'exact', instant: at('2026-01-10T11:00:00Z'), offsetMinutes: 60 });
    expect(resolveLocalTime({ date: '2026-03-01', time: '12:00' }, CASABLANCA)).toMatchObject({ kind: 'exact', instant: at('2026-03-01T12:00:00Z'), offsetMinutes: 0 });
  });

  it('repeats 02:00–02:59 on 15 February 2026 (03:00 UTC+1 → 02:00 UTC+0)', () => {
    expect(resolveLocalTime({ date: '2026-02-15', time: '02:30' }, CASABLANCA)).toEqual({
      kind: 'ambiguous',
      requested: { date: '2026-02-15', time: '02:30' },
      earlier: { instant: at('2026-02-15T01:30:00Z'), offsetMinutes: 60 },
      later: { instant: at('2026-02-15T02:30:00Z'), offsetMinutes: 0 },
    });
    expect(resolveLocalTime({ date: '2026-02-15', time: '01:59' }, CASABLANCA)).toMatchObject({ kind: 'exact', instant: at('2026-02-15T00:59:00Z') });
    expect(resolveLocalTime({ date: '2026-02-15', time: '03:00' }, CASABLANCA)).toMatchObject({ kind: 'exact', instant: at('2026-02-15T03:00:00Z') });
  });

  it('skips 02:00–02:59 on 22 March 2026 (02:00 UTC+0 → 03:00 UTC+1)', () => {
    expect(resolveLocalTime({ date: '2026-03-22', time: '02:30' }, CASABLANCA)).toMatchObject({
      kind: 'gap',
      instantAfter: at('2026-03-22T02:00:00Z'),
      instantBefore: at('2026-03-22T02:30:00Z'),
      shiftedTime: '03:30',
      gapStart: '02:00',
      gapEnd: '03:00',
      offsetBeforeMinutes: 0,
      offsetAfterMinutes: 60,
    });
  });
});

describe('a midnight that does not exist (America/Santiago, 6 September 2026 per the runtime tz data)', () => {
  it('starts the day at 01:00, the end of the gap', () => {
    expect(resolveLocalTime({ date: '2026-09-06', time: '00:00' }, 'America/Santiago')).toMatchObject({ kind: 'gap', gapStart: '00:00', gapEnd: '01:00' });
    expect(startOfLocalDay('2026-09-06', 'America/Santiago')).toBe(at('2026-09-06T04:00:00Z'));
    expect(localDayBounds('2026-09-06', 'America/Santiago').hours).toBe(23);
  });
});

describe('localParts', () => {
  it('reads date, time, ISO weekday and offset on both sides of the Paris changes', () => {
    expect(localParts(at('2026-03-29T00:59:00Z'), PARIS)).toEqual({ date: '2026-03-29', time: '01:59', weekday: 7, offsetMinutes: 60 });
    expect(localParts(at('2026-03-29T01:00:00Z'), PARIS)).toEqual({ date: '2026-03-29', time: '03:00', weekday: 7, offsetMinutes: 120 });
    expect(localParts(at('2026-10-25T00:30:00Z'), PARIS)).toEqual({ date: '2026-10-25', time: '02:30', weekday: 7, offsetMinutes: 120 });
    expect(localParts(at('2026-10-25T01:30:00Z'), PARIS)).toEqual({ date: '2026-10-25', time: '02:30', weekday: 7, offsetMinutes: 60 });
  });

  it('shows one instant in the three zones of a Paris / Casablanca / Toronto firm', () => {
    const instant = at('2026-03-09T08:00:00Z'); // Monday: Toronto already on EDT, Casablanca in Ramadan time
    expect(localParts(instant, PARIS)).toMatchObject({ date: '2026-03-09', time: '09:00', weekday: 1 });
    expect(localParts(instant, CASABLANCA)).toMatchObject({ date: '2026-03-09', time: '08:00', offsetMinutes: 0 });
    expect(localParts(instant, TORONTO)).toMatchObject({ date: '2026-03-09', time: '04:00', offsetMinutes: -240 });
  });

  it('changes the local date where the zone is already on the next day', () => {
    expect(localParts(at('2026-12-31T23:30:00Z'), PARIS)).toMatchObject({ date: '2027-01-01', time: '00:30', weekday: 5 });
    expect(localParts(at('2026-12-31T23:30:00Z'), TORONTO)).toMatchObject({ date: '2026-12-31', time: '18:30', weekday: 4 });
    expect(todayIn(PARIS, at('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('formatOffset', () => {
  it('writes whole and partial hours, east and west', () => {
    expect([60, 120, 0, -300, -240, 330, -210, 345].map((m) => formatOffset(m))).toEqual([
      'UTC+1',
      'UTC+2',
      'UTC+0',
      'UTC-5',
      'UTC-4',
      'UTC+5:30',
      'UTC-3:30',
      'UTC+5:45',
    ]);
    expect([60, 0, -300, 330, -210].map((m) => formatOffset(m, 'iso'))).toEqual(['+01:00', '+00:00', '-05:00', '+05:30', '-03:30']);
  });
});

describe('repeatedWallTimeOffset', () => {
  it('names the offset of a wall time the clocks show twice, and only then', () => {
    // 31 October 2027 in Paris: 02:30 is UTC+2 (00:30Z), then UTC+1 (01:30Z).
    expect(repeatedWallTimeOffset(at('2027-10-31T00:30:00Z'), PARIS)).toBe(120);
    expect(repeatedWallTimeOffset(at('2027-10-31T01:30:00Z'), PARIS)).toBe(60);
    // The same night, an hour that happens once; a day of no change; the spring gap's day.
    expect(repeatedWallTimeOffset(at('2027-10-31T03:30:00Z'), PARIS)).toBeNull();
    expect(repeatedWallTimeOffset(at('2027-10-30T00:30:00Z'), PARIS)).toBeNull();
    expect(repeatedWallTimeOffset(at('2027-03-28T01:30:00Z'), PARIS)).toBeNull();
    expect(repeatedWallTimeOffset(at('2027-06-01T10:00:00Z'), 'UTC')).toBeNull();
  });
});

describe('local days', () => {
  it('are 23 hours long in spring and 25 in autumn, 24 otherwise', () => {
    expect(localDayBounds('2026-03-29', PARIS)).toEqual({ start: at('2026-03-28T23:00:00Z'), end: at('2026-03-29T22:00:00Z'), hours: 23 });
    expect(localDayBounds('2026-10-25', PARIS)).toEqual({ start: at('2026-10-24T22:00:00Z'), end: at('2026-10-25T23:00:00Z'), hours: 25 });
    expect(localDayBounds('2026-03-08', TORONTO).hours).toBe(23);
    expect(localDayBounds('2026-11-01', TORONTO).hours).toBe(25);
    expect(localDayBounds('2026-02-15', CASABLANCA).hours).toBe(25);
    expect(localDayBounds('2026-03-22', CASABLANCA).hours).toBe(23);
    expect(localDayBounds('2026-06-01', PARIS).hours).toBe(24);
  });

  it('start at local midnight', () => {
    expect(startOfLocalDay('2026-01-01', PARIS)).toBe(at('2025-12-31T23:00:00Z'));
    expect(startOfLocalDay('2026-01-01', TORONTO)).toBe(at('2026-01-01T05:00:00Z'));
    expect(startOfLocalDay('2026-03-01', CASABLANCA)).toBe(at('2026-03-01T00:00:00Z'));
  });
});

describe('addLocalDays keeps the wall time across DST', () => {
  it('lands on the same local time the next day although 23 hours have passed', () => {
    const saturday = at('2026-03-28T08:00:00Z'); // 09:00 CET
    const next = addLocalDays(saturday, PARIS, 1);
    expect(next).toMatchObject({ kind: 'exact', instant: at('2026-03-29T07:00:00Z') }); // 09:00 CEST
    expect(addLocalDays(saturday, PARIS, 7)).toMatchObject({ kind: 'exact', instant: at('2026-04-04T07:00:00Z') });
    expect(addLocalDays(at('2026-04-04T07:00:00Z'), PARIS, -7)).toMatchObject({ kind: 'exact', instant: saturday });
  });

  it('reports a gap or an ambiguity instead of moving the post silently', () => {
    expect(addLocalDays(at('2026-03-28T01:30:00Z'), PARIS, 1)).toMatchObject({ kind: 'gap', requested: { date: '2026-03-29', time: '02:30' } });
    expect(addLocalDays(at('2026-03-30T00:30:00Z'), PARIS, -1)).toMatchObject({ kind: 'gap', requested: { date: '2026-03-29', time: '02:30' } });
    expect(addLocalDays(at('2026-10-24T00:30:00Z'), PARIS, 1)).toMatchObject({ kind: 'ambiguous', requested: { date: '2026-10-25', time: '02:30' } });
    expect(addLocalDays(at('2026-11-08T06:30:00Z'), TORONTO, -7)).toMatchObject({ kind: 'ambiguous', requested: { date: '2026-11-01', time: '01:30' } });
  });
});

describe('moveToDay (drag and drop)', () => {
  it('keeps the wall time of the post in its own zone on the new date', () => {
    const tuesday = at('2026-03-24T17:00:00Z'); // 18:00 in Paris (CET)
    expect(moveToDay(tuesday, PARIS, '2026-03-31')).toMatchObject({ kind: 'exact', instant: at('2026-03-31T16:00:00Z') }); // 18:00 CEST
    // The same instant, chosen in Toronto (13:00 EDT), keeps 13:00 in Toronto.
    expect(moveToDay(tuesday, TORONTO, '2026-03-06')).toMatchObject({ kind: 'exact', instant: at('2026-03-06T18:00:00Z') }); // 13:00 EST
  });

  it('reports a drop onto a DST edge', () => {
    expect(moveToDay(at('2026-03-20T02:30:00Z'), CASABLANCA, '2026-03-22')).toMatchObject({ kind: 'gap', requested: { time: '02:30' } });
    expect(moveToDay(at('2026-10-20T00:30:00Z'), PARIS, '2026-10-25')).toMatchObject({ kind: 'ambiguous' });
  });
});
