import { describe, expect, it } from 'vitest';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import { aggregateAll } from '../../../shared/reports/summary';
import { renderHtml } from '../../../electron/core/reports/render/html';
import { at } from './entries';
import { octoberReport, reportPartner, visibleText } from './renderText';

/** « Today » for these reports: 7 Dec 2026, 15:10 UTC (16:10 in Paris). */
const now = at('2026-12-07T15:10:00Z');
const paris = reportPartner('paris', 'Me Claire Dupont', 'Europe/Paris');
const casablanca = reportPartner('casa', 'Me Youssef Alami', 'Africa/Casablanca', 'fr');

const emptyMonth = (month: string, generatedAt: number, partner = paris) => aggregateMonth({ month, partner, entries: [], posts: [], generatedAt });
const partnerText = (month: string, generatedAt: number): string => visibleText(renderHtml({ kind: 'partner', report: emptyMonth(month, generatedAt) }));
const exactZeros = /c’est exact/u;

describe('a month not over at the report’s generation time', () => {
  it('says a future month has not begun, and shows no figures at all', () => {
    const text = partnerText('2027-01', now);
    expect(text).toContain('Ce mois n’a pas commencé\u00a0: aucun chiffre.');
    expect(text).not.toMatch(exactZeros);
    expect(text).not.toContain('Brouillons créés');
    expect(text).not.toContain('Validées du premier coup');
  });

  it('says the current month’s figures stop at the generation time, in the partner’s zone', () => {
    const text = partnerText('2026-12', now);
    expect(text).toContain('Mois en cours\u00a0: chiffres arrêtés au 7 déc. 2026, 16:10.');
    expect(text).not.toMatch(exactZeros);
    expect(text).toContain('Brouillons créés');
  });

  it('is decided by the generation time, not the machine’s clock: the same December read on 1 January 2027 is over and exactly zero', () => {
    const text = partnerText('2026-12', at('2027-01-01T09:00:00Z'));
    expect(text).toMatch(exactZeros);
    expect(text).not.toContain('Mois en cours');
    expect(text).not.toContain('n’a pas commencé');
  });

  it('keeps the current month’s figures, stopped at now, when it has activity', () => {
    const october = visibleText(renderHtml({ kind: 'partner', report: octoberReport(paris, at('2026-10-20T08:00:00Z')) }));
    expect(october).toContain('Mois en cours\u00a0: chiffres arrêtés au 20 oct. 2026, 10:00.');
    expect(october).not.toMatch(exactZeros);
  });

  it('says the same in English', () => {
    const english = { ...paris, locale: 'en' as const };
    const future = visibleText(renderHtml({ kind: 'partner', report: emptyMonth('2027-01', now, english) }));
    expect(future).toContain('This month has not begun: no figures.');
    expect(future).not.toContain('that is accurate');
    const current = visibleText(renderHtml({ kind: 'partner', report: emptyMonth('2026-12', now, english) }));
    expect(current).toContain('Month in progress: figures as of 7 Dec 2026, 16:10.');
  });

  it('says it in the all-partners summary too, naming the zone of its time', () => {
    const reports = [emptyMonth('2026-12', now), emptyMonth('2026-12', now, casablanca)];
    const summary = aggregateAll({ month: '2026-12', reports, locale: 'fr', zone: 'Europe/Paris', generatedAt: now });
    const text = visibleText(renderHtml({ kind: 'all', summary, partners: reports }));
    expect(text).toContain('Mois en cours\u00a0: chiffres arrêtés au 7 déc. 2026, 16:10 (heure de Paris).');
    expect(text).not.toMatch(exactZeros);
    const future = [emptyMonth('2027-01', now), emptyMonth('2027-01', now, casablanca)];
    const next = aggregateAll({ month: '2027-01', reports: future, locale: 'fr', zone: 'Europe/Paris', generatedAt: now });
    const futureText = visibleText(renderHtml({ kind: 'all', summary: next, partners: future }));
    expect(futureText).toContain('Ce mois n’a pas commencé\u00a0: aucun chiffre.');
    expect(futureText).not.toMatch(exactZeros);
  });
});
