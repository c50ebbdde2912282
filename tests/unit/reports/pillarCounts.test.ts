import { describe, expect, it } from 'vitest';
import type { ReportEngagement } from '../../../shared/reports/engagement';
import { partnerSection } from '../../../electron/core/reports/render/partnerSection';
import { at } from './entries';
import { octoberReport, reportPartner, visibleText } from './renderText';

const paris = reportPartner('paris', 'Me Claire Dupont', 'Europe/Paris');

/** October's engagement as read: five publications of four posts (B went to LinkedIn and X). */
const engagement: ReportEngagement = {
  byNetwork: [
    { network: 'linkedin', posts: 4, figures: { likes: 10 }, followers: 1000, per1000: { likes: 10 } },
    { network: 'x', posts: 1, figures: { likes: 2 }, followers: null, per1000: null },
  ],
  byPillar: [
    { pillar: 'expertise', posts: 3, figures: { likes: 8 } },
    { pillar: 'actualite', posts: 1, figures: { likes: 2 } },
    { pillar: 'cabinet', posts: 1, figures: { likes: 2 } },
  ],
  top: [],
  totals: { likes: 12 },
  interactions: 12,
  previousInteractions: null,
  sources: [{ source: 'manual', readings: 6, firstReadAt: at('2026-10-06T08:00:00Z'), lastReadAt: at('2026-10-31T08:00:00Z') }],
  postAnalytics: null,
};

const text = (locale: 'fr' | 'en') =>
  visibleText(partnerSection({ ...octoberReport({ ...paris, locale }, at('2026-11-05T09:00:00Z')), engagement }, locale, 'r'));

describe('the two pillar tables say what they count', () => {
  it('in French: the pillar mix counts in posts, each once; « Par pilier » counts publications, one per network', () => {
    const fr = text('fr');
    expect(fr).toContain('Sur 4 publications publiées ce mois-ci (comptées en posts\u00a0: chacun une fois, quel que soit le nombre de réseaux).');
    expect(fr).toMatch(/Par pilier\n+Pilier\n+Publications \(une par réseau\)\n/u);
    expect(fr).toMatch(/Par réseau\n+Réseau\n+Publications \(une par réseau\)\n/u);
  });

  it('in English: posts, each once, against publications, one per network', () => {
    const en = text('en');
    expect(en).toContain('Of 4 posts published this month (each counted once, whatever the number of networks).');
    expect(en).toMatch(/By pillar\n+Pillar\n+Publications \(one per network\)\n/u);
  });
});
