import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { localClock, offsetMinutes } from '../../../shared/reports/localClock';

const MINUTE = 60_000;

describe('offsetMinutes (cached per zone and UTC hour)', () => {
  // Every minute of the two days around each change; the cache is warmed in an order that
  // would hand a stale hour to the next lookup if it were wrong.
  const changes: [string, string][] = [
    ['Europe/Paris', '2026-03-29T01:00:00Z'],
    ['Europe/Paris', '2026-10-25T01:00:00Z'],
    ['America/New_York', '2026-03-08T07:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour change
    ['Asia/Kolkata', '2026-03-01T00:00:00Z'], // +05:30, no change
    ['Africa/Casablanca', '2026-02-15T02:00:00Z'], // Ramadan: back to UTC+0
  ];
  for (const [zone, iso] of changes) {
    it(`agrees with tzOffset at every minute around ${iso} in ${zone}`, () => {
      const around = Date.parse(iso);
      for (let at = around + 24 * 60 * MINUTE; at >= around - 24 * 60 * MINUTE; at -= 7 * MINUTE) {
        expect(offsetMinutes(at, zone), new Date(at).toISOString()).toBe(tzOffset(zone, new Date(at)));
      }
      for (let at = around - 24 * 60 * MINUTE; at <= around + 24 * 60 * MINUTE; at += MINUTE) {
        expect(offsetMinutes(at, zone), new Date(at).toISOString()).toBe(tzOffset(zone, new Date(at)));
      }
    });
  }

  it('reads the wall clock on both sides of the October change in Paris: 02:30 twice', () => {
    expect(localClock(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-10-25', time: '02:30', weekday: 7 });
    expect(localClock(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-10-25', time: '02:30', weekday: 7 });
    expect(localClock(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Paris').time).toBe('03:00');
  });
});
