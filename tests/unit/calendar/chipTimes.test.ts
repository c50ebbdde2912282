import { describe, expect, it } from 'vitest';
import { fr, enGB } from 'date-fns/locale';
import { landingTime, otherZoneTime, shownWallTime } from '../../../shared/calendar/chipTimes';

const at = (iso: string): number => Date.parse(iso);

describe('the time a calendar chip shows', () => {
  it('writes the two « 02:30 » of 25 Oct 2026 in Paris with their offsets', () => {
    expect(shownWallTime(at('2026-10-25T00:30:00Z'), 'Europe/Paris')).toBe('02:30 UTC+2');
    expect(shownWallTime(at('2026-10-25T01:30:00Z'), 'Europe/Paris')).toBe('02:30 UTC+1');
  });

  it('writes the two « 01:30 » of 1 Nov 2026 in Montréal with their offsets', () => {
    expect(shownWallTime(at('2026-11-01T05:30:00Z'), 'America/Montreal')).toBe('01:30 UTC-4');
    expect(shownWallTime(at('2026-11-01T06:30:00Z'), 'America/Montreal')).toBe('01:30 UTC-5');
  });

  it('writes an ordinary time alone', () => {
    expect(shownWallTime(at('2026-10-25T08:00:00Z'), 'Europe/Paris')).toBe('09:00');
  });
});

describe('the partner’s time next to the viewer’s', () => {
  it('is nothing when both read the same', () => {
    expect(otherZoneTime(at('2026-10-20T08:00:00Z'), 'Europe/Brussels', 'Europe/Paris', fr)).toBeNull();
  });

  it('is the time alone on the same day', () => {
    expect(otherZoneTime(at('2026-10-20T12:00:00Z'), 'America/Montreal', 'Europe/Paris', fr)).toEqual({ time: '08:00', date: null });
  });

  it('names another day in words, never « 31/10 »', () => {
    const instant = at('2026-11-01T03:30:00Z'); // 23:30 on Sat 31 Oct in Montréal, 04:30 on Sun 1 Nov in Paris
    expect(otherZoneTime(instant, 'America/Montreal', 'Europe/Paris', fr)).toEqual({ time: '23:30', date: 'sam. 31 oct.' });
    expect(otherZoneTime(instant, 'America/Montreal', 'Europe/Paris', enGB)).toEqual({ time: '23:30', date: 'Sat 31 Oct' });
  });

  it('writes « 1er » for the first of the month in French', () => {
    expect(otherZoneTime(at('2026-10-31T23:30:00Z'), 'Europe/Paris', 'America/Montreal', fr)).toEqual({ time: '00:30', date: 'dim. 1er nov.' });
  });

  it('gives the offset of a partner time that happens twice', () => {
    expect(otherZoneTime(at('2026-11-01T06:30:00Z'), 'America/Montreal', 'Europe/Paris', fr)).toEqual({ time: '01:30 UTC-5', date: null });
  });
});

describe('where a moved post lands, in the viewer’s words and the partner’s', () => {
  it('names the weekday and gives the partner’s time when their zone reads differently', () => {
    // « Montréal 08h00 vendredi 30 oct » dragged to Monday 2 Nov: 08:00 in Montréal, 14:00 in Paris.
    expect(landingTime(at('2026-11-02T13:00:00Z'), 'Europe/Paris', 'America/Montreal', fr)).toEqual({ when: 'lundi 2 nov. 2026, 14:00', partner: { time: '08:00', date: null } });
  });

  it('gives the partner’s own day when it is another one', () => {
    expect(landingTime(at('2026-11-03T04:30:00Z'), 'Europe/Paris', 'America/Montreal', fr)).toEqual({ when: 'mardi 3 nov. 2026, 05:30', partner: { time: '23:30', date: 'lun. 2 nov.' } });
  });

  it('adds nothing for a partner in the viewer’s zone, and tells a repeated time by its offset', () => {
    expect(landingTime(at('2026-10-25T01:30:00Z'), 'Europe/Paris', 'Europe/Paris', fr)).toEqual({ when: 'dimanche 25 oct. 2026, 02:30 UTC+1', partner: null });
  });
});
