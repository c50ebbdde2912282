import { enGB, fr } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { formatCivilDate } from '../../../renderer/src/ui/civilDate';

describe('civil dates as the UI writes them', () => {
  it('write the first of the month « 1er » in French, and only the first', () => {
    expect(formatCivilDate('2027-04-01', 'EEEE d MMMM yyyy', fr)).toBe('jeudi 1er avril 2027');
    expect(formatCivilDate('2027-05-01', 'd MMM', fr)).toBe('1er mai');
    expect(formatCivilDate('2027-04-11', 'EEEE d MMMM yyyy', fr)).toBe('dimanche 11 avril 2027');
    expect(formatCivilDate('2027-04-21', 'd MMM', fr)).toBe('21 avr.');
  });

  it('leave English as date-fns writes it', () => {
    expect(formatCivilDate('2027-04-01', 'EEEE d MMMM yyyy', enGB)).toBe('Thursday 1 April 2027');
  });
});
