import { describe, expect, it } from 'vitest';
import { fileDateOrder, possibleDays, writtenDate } from '../../../shared/engagement/exportDates';

const dates = (...texts: string[]) => texts.map(writtenDate);

describe('the dates of LinkedIn’s export, read for the whole file', () => {
  it('a day over 12 in one row decides the order of every row', () => {
    expect(fileDateOrder(dates('05/11/2026', '16/12/2026'))).toBe('dayFirst');
    expect(fileDateOrder(dates('11/5/2026', '12/16/2026'))).toBe('monthFirst');
    expect(possibleDays(writtenDate('05/11/2026'), 'dayFirst')).toEqual(['2026-11-05']);
    expect(possibleDays(writtenDate('05/11/2026'), 'monthFirst')).toEqual(['2026-05-11']);
  });

  it('a file no row decides, or rows decide both ways, has no order: its dates keep both readings', () => {
    expect(fileDateOrder(dates('05/11/2026', '11/05/2026'))).toBeNull();
    expect(fileDateOrder(dates('16/12/2026', '12/16/2026'))).toBeNull();
    expect(possibleDays(writtenDate('05/11/2026'), null)).toEqual(['2026-05-11', '2026-11-05']);
    // Both readings agree: one day.
    expect(possibleDays(writtenDate('07/07/2026'), null)).toEqual(['2026-07-07']);
  });

  it('a date that names no day has no reading: 31 February, month 16, text', () => {
    for (const text of ['31/02/2026', '2026-16-12', '13/13/2026', '2026-02-30', 'bientôt']) expect(possibleDays(writtenDate(text), null)).toEqual([]);
    expect(possibleDays(writtenDate('16/12/2026'), 'monthFirst')).toEqual([]);
    expect(possibleDays(writtenDate('29/02/2028'), 'dayFirst')).toEqual(['2028-02-29']);
  });

  it('ISO text and a spreadsheet’s date cell are one day, whatever the order', () => {
    expect(possibleDays(writtenDate('2026-11-05'), null)).toEqual(['2026-11-05']);
    expect(possibleDays(writtenDate(new Date(Date.UTC(2026, 10, 5))), 'monthFirst')).toEqual(['2026-11-05']);
    expect(fileDateOrder(dates('2026-11-05', '05/11/2026'))).toBeNull();
  });
});
