import { describe, expect, it } from 'vitest';
import { enGB, fr } from 'date-fns/locale';
import { missingDay, readTypedDate, readTypedDateTime, readTypedDateTimeParts, readTypedMonth, readTypedTime, writeTypedDate, writeTypedDateTime, writeTypedMonth } from '../../../shared/time/typedDates';

describe('typed dates', () => {
  it('read a date as a French user types it, day first', () => {
    expect(readTypedDate('10/03/2027', fr)).toBe('2027-03-10');
    expect(readTypedDate('1/3/2027', fr)).toBe('2027-03-01');
    expect(readTypedDate('10.03.2027', fr)).toBe('2027-03-10');
    expect(readTypedDate('10-03-2027', fr)).toBe('2027-03-10');
    expect(readTypedDate('10/03/27', fr)).toBe('2027-03-10');
    expect(readTypedDate(' 10 mars 2027 ', fr)).toBe('2027-03-10');
    expect(readTypedDate('1er avril 2027', fr)).toBe('2027-04-01');
    expect(readTypedDate('lundi 7 décembre 2026', fr)).toBe('2026-12-07');
    expect(readTypedDate('7 déc. 2026', fr)).toBe('2026-12-07');
  });

  it('read month names typed without their accents or dot', () => {
    expect(readTypedDate('10 fevrier 2027', fr)).toBe('2027-02-10');
    expect(readTypedDate('15 aout 2027', fr)).toBe('2027-08-15');
    expect(readTypedDate('7 dec 2026', fr)).toBe('2026-12-07');
    expect(readTypedDate('7 Décembre 2026', fr)).toBe('2026-12-07');
  });

  it('always read the browser field’s own format, whatever the language', () => {
    expect(readTypedDate('2027-03-10', fr)).toBe('2027-03-10');
    expect(readTypedDate('2027-03-10', enGB)).toBe('2027-03-10');
    expect(readTypedDateTime('2027-03-10T09:00', fr)).toBe('2027-03-10T09:00');
    expect(readTypedTime('09:00:00')).toBe('09:00');
    expect(readTypedMonth('2026-10', fr)).toBe('2026-10');
  });

  it('read British English day first, with month names', () => {
    expect(readTypedDate('10/03/2027', enGB)).toBe('2027-03-10');
    expect(readTypedDate('10 March 2027', enGB)).toBe('2027-03-10');
    expect(readTypedDate('March 10 2027', enGB)).toBe('2027-03-10');
  });

  it('refuse what names no real day, or no year', () => {
    // A year half typed (« 10/03/2 », « 10/03/202 ») is no year of its own (it read 2002).
    for (const text of ['', '  ', '31/02/2027', '32/01/2027', '10/13/2027', '10/03', '10 mars', 'demain', '2027', '10/03/0027', 'mars 2027', '10/03/2', '10/03/202', '10.03.2']) {
      expect(readTypedDate(text, fr), text).toBeNull();
    }
  });

  it('write a date back as the field shows it', () => {
    expect(writeTypedDate('2027-03-10')).toBe('10/03/2027');
  });
});

describe('typed times', () => {
  it('read the ways a time of day is written in French and English', () => {
    expect(readTypedTime('14:30')).toBe('14:30');
    expect(readTypedTime('14h30')).toBe('14:30');
    expect(readTypedTime('14 h 30')).toBe('14:30');
    expect(readTypedTime('14\u202fh\u202f30')).toBe('14:30');
    expect(readTypedTime('9h')).toBe('09:00');
    expect(readTypedTime('9 h')).toBe('09:00');
    expect(readTypedTime('9')).toBe('09:00');
    expect(readTypedTime('9.05')).toBe('09:05');
    expect(readTypedTime('0930')).toBe('09:30');
    expect(readTypedTime('930')).toBe('09:30');
    expect(readTypedTime('2:30 pm')).toBe('14:30');
    expect(readTypedTime('12 am')).toBe('00:00');
    expect(readTypedTime('12:15 PM')).toBe('12:15');
    expect(readTypedTime('0:00')).toBe('00:00');
  });

  it('refuse hours and minutes out of range, and words', () => {
    for (const text of ['', '24:00', '25h', '14:60', '13 pm', '0 am', 'midi', '14:3', '1:2:3']) {
      expect(readTypedTime(text), text).toBeNull();
    }
  });
});

describe('typed dates and times', () => {
  it('read a date then a time, with or without « à »', () => {
    expect(readTypedDateTime('10/03/2027 14:30', fr)).toBe('2027-03-10T14:30');
    expect(readTypedDateTime('10/03/2027, 14h30', fr)).toBe('2027-03-10T14:30');
    expect(readTypedDateTime('10 mars 2027 à 9 h', fr)).toBe('2027-03-10T09:00');
    expect(readTypedDateTime('10/03/2027 1430', fr)).toBe('2027-03-10T14:30');
    expect(readTypedDateTime('10 March 2027 at 2:30 pm', enGB)).toBe('2027-03-10T14:30');
  });

  it('refuse a date without its time, or a time without its date', () => {
    for (const text of ['10/03/2027', '10 mars 2027', '14:30', '10/03 14:30', '31/02/2027 10:00', '10/03/2027 25:00']) {
      expect(readTypedDateTime(text, fr), text).toBeNull();
    }
  });

  it('write a date and time back as the field shows it', () => {
    expect(writeTypedDateTime('2027-03-10T09:05')).toBe('10/03/2027 09:05');
  });
});

describe('typed months', () => {
  it('read a month by its name or its number, in either language', () => {
    expect(readTypedMonth('novembre 2026', fr)).toBe('2026-11');
    expect(readTypedMonth('Novembre 2026', fr)).toBe('2026-11');
    expect(readTypedMonth('nov. 2026', fr)).toBe('2026-11');
    expect(readTypedMonth('aout 2026', fr)).toBe('2026-08');
    expect(readTypedMonth('11/2026', fr)).toBe('2026-11');
    expect(readTypedMonth('November 2026', enGB)).toBe('2026-11');
  });

  it('read the usual short forms of month names, with or without their dot: « Sept. », « févr. », « fév. », « juil. », « déc. »', () => {
    for (const text of ['Sept 2026', 'Sept. 2026', 'sept. 2026', 'Sep 2026']) expect(readTypedMonth(text, enGB), text).toBe('2026-09');
    expect(readTypedDate('10 Sept 2026', enGB)).toBe('2026-09-10');
    expect(readTypedDateTime('7 Sept. 2026 at 9:00', enGB)).toBe('2026-09-07T09:00');
    for (const text of ['sept. 2026', 'Sept 2026', 'sept 2026']) expect(readTypedMonth(text, fr), text).toBe('2026-09');
    expect(readTypedMonth('févr. 2027', fr)).toBe('2027-02');
    expect(readTypedMonth('fév. 2027', fr)).toBe('2027-02');
    expect(readTypedMonth('fev 2027', fr)).toBe('2027-02');
    expect(readTypedMonth('juil. 2026', fr)).toBe('2026-07');
    expect(readTypedMonth('juill. 2026', fr)).toBe('2026-07');
    expect(readTypedMonth('déc. 2026', fr)).toBe('2026-12');
    expect(readTypedMonth('Dec. 2026', enGB)).toBe('2026-12');
    expect(readTypedMonth('Feb. 2027', enGB)).toBe('2027-02');
  });

  it('read month names of both languages whatever the UI’s, and write back in the UI’s (a field filled in before the language was switched)', () => {
    expect(readTypedMonth('novembre 2026', enGB)).toBe('2026-11');
    expect(writeTypedMonth(readTypedMonth('novembre 2026', enGB) ?? '', enGB)).toBe('November 2026');
    expect(readTypedMonth('November 2026', fr)).toBe('2026-11');
    expect(writeTypedMonth(readTypedMonth('November 2026', fr) ?? '', fr)).toBe('novembre 2026');
    // Short forms both ways.
    for (const text of ['févr. 2027', 'fév. 2027', 'Feb 2027', 'Feb. 2027']) {
      expect(readTypedMonth(text, enGB), text).toBe('2027-02');
      expect(readTypedMonth(text, fr), text).toBe('2027-02');
    }
    for (const [text, month] of [['juil. 2026', '2026-07'], ['Jul 2026', '2026-07'], ['déc. 2026', '2026-12'], ['Dec 2026', '2026-12'], ['Sept. 2026', '2026-09'], ['sept. 2026', '2026-09'], ['août 2026', '2026-08'], ['Aug 2026', '2026-08'], ['mai 2027', '2027-05'], ['May 2027', '2027-05'], ['mars 2027', '2027-03'], ['Mar 2027', '2027-03']] as const) {
      expect(readTypedMonth(text, enGB), text).toBe(month);
      expect(readTypedMonth(text, fr), text).toBe(month);
    }
    // Dates too, and a date and time.
    expect(readTypedDate('10 mars 2027', enGB)).toBe('2027-03-10');
    expect(readTypedDate('lundi 7 décembre 2026', enGB)).toBe('2026-12-07');
    expect(readTypedDate('10 March 2027', fr)).toBe('2027-03-10');
    expect(readTypedDate('Tue 10 Mar 2027', fr)).toBe('2027-03-10');
    // « mar. » is mardi in French, not March.
    expect(readTypedDate('mar. 10 mars 2027', fr)).toBe('2027-03-10');
    expect(readTypedDateTime('10 mars 2027 at 2:30 pm', enGB)).toBe('2027-03-10T14:30');
    expect(readTypedMonth('brumaire 2026', enGB)).toBeNull();
  });

  it('refuse a month without its year, or out of range', () => {
    for (const text of ['novembre', '13/2026', '2026', '', 'brumaire 2026']) expect(readTypedMonth(text, fr), text).toBeNull();
  });

  it('write a month by its name, in lower case in French', () => {
    expect(writeTypedMonth('2026-11', fr)).toBe('novembre 2026');
    expect(writeTypedMonth('2026-11', enGB)).toBe('November 2026');
  });
});

describe('a date and time typed so far', () => {
  it('say which part is there: a date alone is not a date and a time of 20:27', () => {
    expect(readTypedDateTimeParts('10 mars 2027', fr)).toEqual({ date: '2027-03-10', time: null });
    expect(readTypedDateTimeParts('10/03/2027', fr)).toEqual({ date: '2027-03-10', time: null });
    expect(readTypedDateTimeParts('10/03/2027 14h30', fr)).toEqual({ date: '2027-03-10', time: '14:30' });
    expect(readTypedDateTimeParts('demain 14h', fr)).toEqual({ date: null, time: null });
  });
});

describe('a day its month does not have', () => {
  it('is told apart from a date badly written, in either language, with or without a time', () => {
    expect(missingDay('31/02/2027', fr)).toEqual({ day: 31, month: '2027-02', daysInMonth: 28 });
    expect(missingDay('29.02.2027', fr)).toEqual({ day: 29, month: '2027-02', daysInMonth: 28 });
    expect(missingDay('31 avril 2027', fr)).toEqual({ day: 31, month: '2027-04', daysInMonth: 30 });
    expect(missingDay('jeudi 31 juin 2027', fr)).toEqual({ day: 31, month: '2027-06', daysInMonth: 30 });
    expect(missingDay('31 September 2027', fr)).toEqual({ day: 31, month: '2027-09', daysInMonth: 30 });
    expect(missingDay('31/11/2027 14:00', fr)).toEqual({ day: 31, month: '2027-11', daysInMonth: 30 });
  });

  it('is nothing for a real day, a leap day in its year, or text that is no date at all', () => {
    expect(missingDay('29/02/2028', fr)).toBeNull();
    expect(missingDay('28/02/2027', fr)).toBeNull();
    expect(missingDay('32/01/2027', fr)).toBeNull();
    expect(missingDay('31/13/2027', fr)).toBeNull();
    expect(missingDay('demain', fr)).toBeNull();
    expect(missingDay('31 brumaire 2027', fr)).toBeNull();
  });
});
