import type { Locale } from '../../../../shared/partners/schema';
import { fill } from '../../../../shared/reports/messages';
import { firstDayOfMonth, lastDayOfMonth } from '../../../../shared/calendar/civil';
import type { PartnerReport } from '../../../../shared/reports/model';
import { activityTable, cadenceBlock, editorialBlock, kpis, masthead, methodBlock, monthNotice, pillarBlock, publishedBlock, signoffBlock, weeklyBlock } from './blocks';
import { monthProgress } from '../../../../shared/reports/month';
import { accentStyle, renderContext } from './context';
import { engagementBlock, engagementMethod } from './engagementBlock';
import { escapeHtml as esc } from './escape';
import { voiceLine } from './voiceLine';
import { zoneTimeName } from '../../../../shared/time/zoneNames';

/** One partner's month: figures first, then what explains them, then the list and the method. */
export function partnerSection(report: PartnerReport, locale: Locale, id: string): string {
  const { partner } = report;
  const ctx = renderContext(locale, partner.timeZone, partner.color, id);
  const { m, fmt } = ctx;
  const f = report.figures;
  const period =
    fill(m.period, { from: fmt.localDate(firstDayOfMonth(report.month)), to: fmt.localDate(lastDayOfMonth(report.month), true), zone: zoneTimeName(partner.timeZone, locale) }) +
    ` · ${fill(m.comparedWith, { month: fmt.month(report.previousMonth, true) })}`;
  // The generation time decides, not the machine's clock: a month not begun shows no figures at all.
  const progress = monthProgress(report.range, report.generatedAt);
  const top = [
    `<article class="report partner" style="${accentStyle(ctx)}" aria-label="${esc(partner.displayName)}">`,
    masthead({
      eyebrow: m.documentTitle,
      month: fmt.month(report.month),
      title: partner.displayName,
      who: [partner.role, partner.organisation].filter(Boolean).join(' · '),
      period,
    }),
    monthNotice(ctx, progress, report.empty, report.generatedAt),
  ];
  if (progress === 'future') return [...top, methodBlock(ctx, report.generatedAt), `</article>`].join('');
  return [
    ...top,
    kpis(ctx, f, report.previous),
    `<div class="grid-2">`,
    `<section><h2>${esc(m.sections.activity)}</h2>${activityTable(ctx, f, report.previous)}</section>`,
    `<section><h2>${esc(m.sections.signoff)}</h2>${signoffBlock(ctx, f, report.previous)}</section>`,
    `</div>`,
    weeklyBlock(ctx, report.weeks),
    `<div class="grid-2">`,
    pillarBlock(ctx, report.pillars, true),
    cadenceBlock(ctx, report.cadence),
    `</div>`,
    editorialBlock(ctx, f),
    `<p class="muted near-duplicates">${esc(fill(m.editorial.nearDuplicatesKept, { count: fmt.int(report.nearDuplicatesKept) }))}</p>`,
    voiceLine(ctx, locale, partner.displayName, report.voice),
    engagementBlock(ctx, report.engagement),
    publishedBlock(ctx, report.published),
    methodBlock(ctx, report.generatedAt, engagementMethod(ctx, report.engagement)),
    `</article>`,
  ].join('');
}
