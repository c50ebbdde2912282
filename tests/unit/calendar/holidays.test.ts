import { describe, expect, it } from 'vitest';
import { easterSunday } from '../../../shared/calendar/easter';
import { frenchHolidaysOn, frenchPublicHolidays } from '../../../shared/calendar/holidays';

describe('easterSunday (Meeus/Jones/Butcher)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
  ])('puts Easter %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('reaches the earliest and latest possible dates (22 March, 25 April)', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2000)).toBe('2000-04-23');
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const date = easterSunday(year);
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25').toBe(true);
    }
  });

  it('refuses years outside the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('French public holidays', () => {
  it('lists the eleven national days of 2026 in order', () => {
    expect(frenchPublicHolidays(2026).map((h) => [h.date, h.id])).toEqual([
      ['2026-01-01', 'newYearsDay'],
      ['2026-04-06', 'easterMonday'],
      ['2026-05-01', 'labourDay'],
      ['2026-05-08', 'victoryInEuropeDay'],
      ['2026-05-14', 'ascensionDay'],
      ['2026-05-25', 'whitMonday'],
      ['2026-07-14', 'bastilleDay'],
      ['2026-08-15', 'assumptionDay'],
      ['2026-11-01', 'allSaintsDay'],
      ['2026-11-11', 'armisticeDay'],
      ['2026-12-25', 'christmasDay'],
    ]);
  });

  it.each([
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-17', '2028-05-25', '2028-06-05'],
    [2029, '2029-04-02', '2029-05-10', '2029-05-21'],
    [2030, '2030-04-22', '2030-05-30', '2030-06-10'],
  ])('puts %i Easter Monday on %s, Ascension on %s, Whit Monday on %s', (year, easterMonday, ascension, whitMonday) => {
    const byId = new Map(frenchPublicHolidays(year).map((h) => [h.id, h.date]));
    expect(byId.get('easterMonday')).toBe(easterMonday);
    expect(byId.get('ascensionDay')).toBe(ascension);
    expect(byId.get('whitMonday')).toBe(whitMonday);
    expect(byId.get('goodFriday')).toBeUndefined();
  });

  it('adds Good Friday and 26 December for Alsace-Moselle only when asked', () => {
    const alsace = frenchPublicHolidays(2026, { alsaceMoselle: true });
    expect(alsace).toHaveLength(13);
    expect(alsace.filter((h) => h.regional)).toEqual([
      { id: 'goodFriday', date: '2026-04-03', regional: true },
      { id: 'stStephensDay', date: '2026-12-26', regional: true },
    ]);
    expect(frenchPublicHolidays(2027, { alsaceMoselle: true }).find((h) => h.id === 'goodFriday')?.date).toBe('2027-03-26');
    expect(frenchPublicHolidays(2026)).toHaveLength(11);
  });

  it('finds the holidays of a date, two when Ascension falls on 1 May (2008)', () => {
    expect(frenchHolidaysOn('2026-07-14').map((h) => h.id)).toEqual(['bastilleDay']);
    expect(frenchHolidaysOn('2026-07-15')).toEqual([]);
    expect(frenchHolidaysOn('2008-05-01').map((h) => h.id).sort()).toEqual(['ascensionDay', 'labourDay']);
    expect(frenchHolidaysOn('2026-04-03')).toEqual([]);
    expect(frenchHolidaysOn('2026-04-03', { alsaceMoselle: true }).map((h) => h.id)).toEqual(['goodFriday']);
  });
});
