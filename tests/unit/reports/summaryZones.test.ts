import { describe, expect, it } from 'vitest';
import { aggregateAll } from '../../../shared/reports/summary';
import { pdfFooter } from '../../../electron/core/reports/render/footer';
import { summarySection } from '../../../electron/core/reports/render/summarySection';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import { at, auditLog } from './entries';
import { octoberReport, reportPartner, visibleText } from './renderText';

/** 7 Dec 2026, 15:10 UTC: 16:10 in Paris, 10:10 in Toronto. */
const generatedAt = at('2026-12-07T15:10:00Z');

const paris = reportPartner('paris', 'Me Claire Dupont', 'Europe/Paris');
const toronto = reportPartner('toronto', 'Me Paul Tremblay', 'America/Toronto');

/** Paris's October (B's override on 2 Oct, 09:00 UTC = 11:00 in Paris); Toronto's own override on 1 Oct, 12:00 UTC = 08:00 there. */
function summary(zone: string, partners: 'both' | 'paris' = 'both') {
  const reports = [octoberReport(paris, generatedAt)];
  if (partners === 'both') {
    const log = auditLog(toronto.id);
    log.add('T', '2026-10-01T12:00:00Z', 'requestSignoff', { requestId: 'rT', deadlineAt: null, override: { justification: 'Date imposée par le client.', findingIds: ['t1'] } });
    const posts = [{ id: 'T', title: 'Rentrée judiciaire', networks: ['linkedin' as const], status: 'in_review' as const, pillar: null }];
    reports.push(aggregateMonth({ month: '2026-10', partner: toronto, entries: log.entries, posts, generatedAt }));
  }
  return aggregateAll({ month: '2026-10', reports, locale: 'fr', zone, generatedAt });
}

describe('the all-partners summary’s times', () => {
  it('shows each override in its own partner’s zone, naming the zone where the partners’ zones differ', () => {
    const text = visibleText(summarySection(summary('UTC'), 'fr', 's'));
    expect(text).toContain('Date (heure du partenaire)');
    expect(text).toContain('2 oct. 2026, 11:00 (Paris)');
    expect(text).not.toContain('2 oct. 2026, 09:00');
    expect(text).toContain('1er oct. 2026, 08:00 (Toronto)');
    expect(text).not.toContain('Date (heure locale)');
  });

  it('names the one zone in the column when every override is in the same zone', () => {
    const text = visibleText(summarySection(summary('UTC', 'paris'), 'fr', 's'));
    expect(text).toContain('Date (heure de Paris)');
    expect(text).toContain('2 oct. 2026, 11:00');
  });

  it('says which zone « Généré le » is in, in the method and in the PDF footer: UTC is never passed off as local time', () => {
    const utc = summary('UTC');
    expect(visibleText(summarySection(utc, 'fr', 's'))).toContain('Généré le 7 déc. 2026, 15:10 (heure UTC)');
    expect(visibleText(pdfFooter({ kind: 'all', summary: utc, partners: [] }))).toContain('Généré le 7 déc. 2026, 15:10 (heure UTC)');
    const inParis = summary('Europe/Paris');
    expect(visibleText(summarySection(inParis, 'fr', 's'))).toContain('Généré le 7 déc. 2026, 16:10 (heure de Paris)');
    expect(visibleText(pdfFooter({ kind: 'all', summary: inParis, partners: [] }))).toContain('Généré le 7 déc. 2026, 16:10 (heure de Paris)');
  });

  it('keeps a partner’s own report in the partner’s zone', () => {
    const report = octoberReport(toronto, generatedAt);
    expect(visibleText(pdfFooter({ kind: 'partner', report }))).toContain('Généré le 7 déc. 2026, 10:10');
  });
});
