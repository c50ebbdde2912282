import { describe, expect, it } from 'vitest';
import { editorialBlock, kpis, signoffBlock } from '../../../electron/core/reports/render/blocks';
import { renderContext } from '../../../electron/core/reports/render/context';
import { engagementMethod } from '../../../electron/core/reports/render/engagementBlock';
import type { ReportEngagement } from '../../../shared/reports/engagement';
import { at } from './entries';
import { octoberReport, reportPartner, visibleText } from './renderText';

const ctx = (locale: 'fr' | 'en') => renderContext(locale, 'Europe/Paris', '#1d4ed8', 'r');
const figures = (justification: string) => {
  const report = octoberReport(reportPartner('paris', 'Me Claire Dupont', 'Europe/Paris'), at('2026-11-05T09:00:00Z'));
  return { ...report.figures, overrides: report.figures.overrides.map((o) => ({ ...o, justification })) };
};

const noReading: ReportEngagement = {
  byNetwork: [],
  byPillar: [],
  top: [],
  totals: {},
  interactions: 0,
  previousInteractions: null,
  sources: [],
  postAnalytics: null,
};

describe('the report’s typography', () => {
  it('makes quotes inside a French « … » quotation “ ”', () => {
    const text = visibleText(editorialBlock(ctx('fr'), figures('Validé par «\u00a0Me Dupont\u00a0» au téléphone.')));
    expect(text).toContain('«\u00a0Validé par “Me Dupont” au téléphone.\u00a0»');
    expect(text).not.toMatch(/«[^»]*«/u);
  });

  it('makes quotes inside an English “…” quotation ‘ ’', () => {
    const text = visibleText(editorialBlock(ctx('en'), figures('Approved by “Ms Dupont” on the phone.')));
    expect(text).toContain('“Approved by ‘Ms Dupont’ on the phone.”');
  });

  it('writes « 90ᵉ centile » with a superscript e in HTML, never « 90e »', () => {
    const f = figures('x');
    const html = kpis(ctx('fr'), f, null) + signoffBlock(ctx('fr'), f, null);
    expect(html).toContain('90<sup>e</sup> centile');
    expect(visibleText(html)).not.toContain('90e centile');
  });

  it('leaves the sources sentence out of the method when no reading is known, never « Sources : inconnu »', () => {
    const [fr] = engagementMethod(ctx('fr'), noReading);
    expect(fr).not.toContain('inconnu');
    expect(fr).not.toContain('Sources');
    const [en] = engagementMethod(ctx('en'), noReading);
    expect(en).not.toContain('unknown');
  });

  it('keeps the sources sentence when readings are known, French « ; » with a narrow no-break space', () => {
    const known: ReportEngagement = {
      ...noReading,
      sources: [
        { source: 'manual', readings: 2, firstReadAt: at('2026-10-06T08:00:00Z'), lastReadAt: at('2026-10-07T08:00:00Z') },
        { source: 'import', readings: 1, firstReadAt: at('2026-10-08T08:00:00Z'), lastReadAt: at('2026-10-08T08:00:00Z') },
      ],
    };
    const [fr] = engagementMethod(ctx('fr'), known);
    expect(fr).toMatch(/Sources\u00a0: chiffres saisis à la main.*\u202f; export des statistiques LinkedIn.*\.$/u);
    const [en] = engagementMethod(ctx('en'), known);
    expect(en).toMatch(/Sources: figures typed by hand.*\); LinkedIn’s analytics export/u);
  });
});
