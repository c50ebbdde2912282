import { describe, expect, it } from 'vitest';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import type { ReportPartner } from '../../../shared/reports/model';
import { reportFormat } from '../../../shared/reports/format';
import { partnerSection } from '../../../electron/core/reports/render/partnerSection';

const partner = (locale: 'fr' | 'en'): ReportPartner => ({
  id: 'partner-paris',
  displayName: 'Me Claire Dupont',
  role: 'Associée',
  organisation: 'Cabinet Arcand',
  color: '#1d4ed8',
  timeZone: 'Europe/Paris',
  locale,
});

/** A partner's December 2026 with nothing in it, read in January 2027 (the month is over), as the report's reader sees the text. */
const december = (locale: 'fr' | 'en'): string => {
  const report = aggregateMonth({ month: '2026-12', partner: partner(locale), entries: [], posts: [], generatedAt: Date.UTC(2027, 0, 15) });
  return partnerSection(report, locale, 'r0')
    .replace(/<[^>]*>/gu, '\n')
    .replace(/&nbsp;/gu, '\u00a0');
};

describe('the monthly report’s words', () => {
  it('writes the first of the month « 1er » in French: « Du 1er déc. au 31 déc. 2026 »', () => {
    expect(december('fr')).toContain('Du 1er déc. au 31 déc. 2026, heure de Paris');
    expect(december('en')).toContain('1 Dec to 31 Dec 2026');
    const fmt = reportFormat('fr', 'Europe/Paris');
    const firstOfMay = Date.UTC(2027, 4, 1, 8);
    expect(fmt.date(firstOfMay)).toBe('1er mai 2027');
    expect(fmt.dateTime(firstOfMay)).toBe('1er mai 2027, 10:00');
    expect(fmt.dayTime(firstOfMay)).toBe('sam. 1er mai, 10:00');
    expect(fmt.localDate('2027-05-02')).toBe('2 mai');
  });

  it('agrees « aucune » with « publication », a feminine noun, in the Publications tile', () => {
    const text = december('fr');
    expect(text).toMatch(/Publications\n+0\n+Aucune\n/u);
    expect(text).not.toMatch(/\nAucun\n/u);
    expect(december('en')).toMatch(/Publications\n+0\n+None\n/u);
  });
});
