import type { Locale } from '../../../../shared/partners/schema';
import type { ReportDocument } from '../../../../shared/reports/model';
import { reportFormat } from '../../../../shared/reports/format';
import { reportMessages } from '../../../../shared/reports/messages';
import { escapeHtml as esc } from './escape';
import { partnerSection } from './partnerSection';
import { reportFontFaces } from './fonts';
import { reportCss } from './styles';
import { summarySection } from './summarySection';

export const documentLocale = (doc: ReportDocument): Locale => (doc.kind === 'partner' ? doc.report.partner.locale : doc.summary.locale);

export function documentTitle(doc: ReportDocument): string {
  const locale = documentLocale(doc);
  const m = reportMessages[locale];
  const month = doc.kind === 'partner' ? doc.report.month : doc.summary.month;
  const who = doc.kind === 'partner' ? doc.report.partner.displayName : m.allPartners;
  return `${m.documentTitle} — ${who} — ${reportFormat(locale, 'UTC').month(month)}`;
}

/**
 * The one layout of a report, for the in-app preview, the HTML export and the PDF (printed
 * from this very page). Self-contained: inline CSS, SVG and fonts, no script, nothing to
 * fetch, and a CSP that forbids fetching anything should a post title try.
 */
export function renderHtml(doc: ReportDocument): string {
  const locale = documentLocale(doc);
  const body =
    doc.kind === 'partner'
      ? partnerSection(doc.report, locale, 'r0')
      : [summarySection(doc.summary, locale, 'r0'), ...doc.partners.map((report, i) => partnerSection(report, locale, `r${i + 1}`))].join('');
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="Plume">` +
    `<title>${esc(documentTitle(doc))}</title><style>${reportFontFaces(body)}\n${reportCss}</style></head><body>${body}</body></html>`
  );
}
