import { enGB, fr } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { formatCivilDate } from '../../../shared/time/civilDate';
import { formatInZone } from '../../../shared/time/wallClock';
import { formatInstant } from '../../../electron/core/signoff/email/formatInstant';

describe('dates as Plume writes them (UI, reports, e-mails, digest)', () => {
  it('write the first of the month « 1er » in French, and only the first', () => {
    expect(formatCivilDate('2027-04-01', 'EEEE d MMMM yyyy', fr)).toBe('jeudi 1er avril 2027');
    expect(formatCivilDate('2027-05-01', 'd MMM', fr)).toBe('1er mai');
    expect(formatCivilDate('2027-04-11', 'EEEE d MMMM yyyy', fr)).toBe('dimanche 11 avril 2027');
    expect(formatCivilDate('2027-04-21', 'd MMM', fr)).toBe('21 avr.');
  });

  it('leave quoted text, two-digit days and the month alone', () => {
    expect(formatCivilDate('2027-05-01', "d 'de' MMMM", fr)).toBe('1er de mai');
    expect(formatCivilDate('2027-05-01', 'dd/MM/yyyy', fr)).toBe('01/05/2027');
    expect(formatCivilDate('2027-05-01', 'LLLL yyyy', fr)).toBe('mai 2027');
  });

  it('leave English as date-fns writes it', () => {
    expect(formatCivilDate('2027-04-01', 'EEEE d MMMM yyyy', enGB)).toBe('Thursday 1 April 2027');
  });

  it('write « 1er » for an instant on the first in its zone: a sign-off e-mail’s deadline, a similar post’s date', () => {
    const firstOfDecember = Date.UTC(2026, 11, 1, 8);
    expect(formatInstant(firstOfDecember, 'Europe/Paris', 'fr')).toMatch(/^mardi 1er décembre 2026 à 09:00 \(/u);
    expect(formatInstant(firstOfDecember, 'Europe/Paris', 'en')).toMatch(/^Tuesday 1 December 2026 at 09:00 \(/u);
    expect(formatInZone(firstOfDecember, 'Europe/Paris', 'd MMMM', fr)).toBe('1er décembre');
    // Still 30 November in Honolulu.
    expect(formatInZone(firstOfDecember, 'Pacific/Honolulu', 'd MMMM', fr)).toBe('30 novembre');
  });
});
