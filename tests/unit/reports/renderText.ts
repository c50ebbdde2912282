import { aggregateMonth } from '../../../shared/reports/aggregate';
import type { PartnerReport, ReportPartner } from '../../../shared/reports/model';
import { octoberScenario, scenarioPosts } from '../../support/reportScenario';
import { auditLog } from './entries';

/** A rendered section as its reader sees the text: tags out, one line per element, entities back. */
export const visibleText = (html: string): string =>
  html
    .replace(/<[^>]*>/gu, '\n')
    .replace(/&nbsp;/gu, '\u00a0')
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCharCode(Number(code)));

export const reportPartner = (id: string, displayName: string, timeZone: string, locale: 'fr' | 'en' = 'fr'): ReportPartner => ({
  id,
  displayName,
  role: 'Associée',
  organisation: 'Cabinet Arcand',
  color: '#1d4ed8',
  timeZone,
  locale,
});

/** The October 2026 scenario (tests/support/reportScenario.ts) for one partner, generated at `generatedAt`. */
export function octoberReport(partner: ReportPartner, generatedAt: number, more?: (add: ReturnType<typeof auditLog>['add']) => void): PartnerReport {
  const log = auditLog(partner.id);
  octoberScenario((key, iso, action, details, other) => log.add(key, iso, action, details, other ? { partnerId: 'someone-else' } : {}));
  more?.(log.add);
  const posts = scenarioPosts.map((s) => ({ id: s.key, title: s.title, networks: s.networks, status: 'published' as const, pillar: s.pillar }));
  return aggregateMonth({ month: '2026-10', partner, entries: log.entries, posts, generatedAt });
}
