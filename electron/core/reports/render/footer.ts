import type { ReportDocument } from '../../../../shared/reports/model';
import { reportFormat } from '../../../../shared/reports/format';
import { fill, reportMessages } from '../../../../shared/reports/messages';
import { documentLocale } from './html';
import { escapeHtml as esc } from './escape';
import { pageMarginsMm } from './styles';
import { REPORT_SANS, reportFontFaces } from './fonts';
import { zoneTimeName } from '../../../../shared/time/zoneNames';

/**
 * Chromium's footer template for the PDF: who and which month, the generation date, and
 * "Page n of N" (Chromium fills .pageNumber and .totalPages). The template is its own little
 * document: it needs explicit sizes, inherits nothing from the page, and so carries the fonts too.
 */
export function pdfFooter(doc: ReportDocument): string {
  const locale = documentLocale(doc);
  const m = reportMessages[locale];
  const zone = doc.kind === 'partner' ? doc.report.partner.timeZone : doc.summary.zone;
  const fmt = reportFormat(locale, zone);
  const month = doc.kind === 'partner' ? doc.report.month : doc.summary.month;
  const who = doc.kind === 'partner' ? doc.report.partner.displayName : m.allPartners;
  const generatedAt = doc.kind === 'partner' ? doc.report.generatedAt : doc.summary.generatedAt;
  // The summary has no partner's zone: its generation time names the zone it is shown in (UTC on a machine set to UTC).
  const generated =
    doc.kind === 'partner' ? fill(m.generatedOn, { date: fmt.dateTime(generatedAt) }) : fill(m.generatedOnZone, { date: fmt.dateTime(generatedAt), zone: zoneTimeName(zone, locale) });
  const page = fill(esc(m.footerPage), { page: '<span class="pageNumber"></span>', pages: '<span class="totalPages"></span>' });
  const footer =
    `<div style="width:100%;margin:0 ${pageMarginsMm.right}mm 0 ${pageMarginsMm.left}mm;padding-top:2mm;border-top:0.5px solid #d8dee4;` +
    `display:flex;justify-content:space-between;font-family:&quot;${REPORT_SANS}&quot;,sans-serif;font-size:7.5pt;color:#59636e;">` +
    `<span>${esc(who)} — ${esc(fmt.month(month))}</span>` +
    `<span>${esc(generated)}</span>` +
    `<span>${page}</span></div>`;
  return `<style>${reportFontFaces(footer)}</style>${footer}`;
}
