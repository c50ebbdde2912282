import type { Locale } from '../../../../shared/partners/schema';
import { fill, pluralOf } from '../../../../shared/reports/messages';
import type { SummaryReport } from '../../../../shared/reports/model';
import { activityTable, editorialBlock, kpis, masthead, methodBlock, monthNotice, pillarBlock, signoffBlock, weeklyBlock } from './blocks';
import type { OverridePartners } from './blocks';
import { monthProgress, monthRange, pooledProgress } from '../../../../shared/reports/month';
import type { MonthProgress } from '../../../../shared/reports/month';
import { HOUSE_COLOUR, accentStyle, renderContext } from './context';
import type { RenderContext } from './context';
import { escapeHtml as esc } from './escape';

function partnersTable(ctx: RenderContext, summary: SummaryReport): string {
  const { m, fmt } = ctx;
  // Re-approvals after an edit get their column only in a month that has some.
  const reapproved = summary.totals.counts.reapprovedAfterEdit > 0;
  const cols = [
    m.columns.partner,
    m.kpi.published,
    m.kpi.sentForSignoff,
    m.counts.approvedFirstTime,
    m.counts.approvedAfterChanges,
    ...(reapproved ? [m.counts.reapprovedAfterEdit] : []),
    m.counts.rejected,
    m.kpi.turnaroundMedian,
    m.kpi.onTimeRate,
    m.comparison.overrides,
  ];
  const row = (name: string, f: SummaryReport['totals'], cls = '', swatch = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><td class="name">${swatch}${esc(name)}</td>${[
      fmt.int(f.counts.published),
      fmt.int(f.counts.sentForSignoff),
      fmt.int(f.counts.approvedFirstTime),
      fmt.int(f.counts.approvedAfterChanges),
      ...(reapproved ? [fmt.int(f.counts.reapprovedAfterEdit)] : []),
      fmt.int(f.counts.rejected),
      fmt.duration(f.turnaround.medianMs),
      fmt.percent(f.onTime.rate),
      fmt.int(f.overrides.length),
    ]
      .map((v) => `<td class="num">${esc(v)}</td>`)
      .join('')}</tr>`;
  const body = summary.rows.map((r) => row(r.partner.displayName, r.figures, r.empty ? 'muted' : '', `<span class="swatch" style="background:${esc(r.partner.color)}"></span>`));
  return (
    `<table><thead><tr>${cols.map((c, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${esc(c)}</th>`).join('')}</tr></thead>` +
    `<tbody>${body.join('')}${row(m.allPartners, summary.totals, 'total')}</tbody></table>`
  );
}

/** Each partner's month in its own zone at the generation time; with no partner, the month in the summary's zone. */
export function summaryProgress(summary: SummaryReport): MonthProgress {
  const ranges = summary.rows.length === 0 ? [monthRange(summary.month, summary.zone)] : summary.rows.map((r) => monthRange(summary.month, r.partner.timeZone));
  return pooledProgress(ranges.map((range) => monthProgress(range, summary.generatedAt)));
}

/** All partners together: the firm's month at a glance, then one line per partner. */
export function summarySection(summary: SummaryReport, locale: Locale, id: string): string {
  const ctx = renderContext(locale, summary.zone, HOUSE_COLOUR, id);
  const { m, fmt } = ctx;
  // An override is its partner's: told by post and instant (a post switched between partners has overrides in two rows).
  const overrideKey = (o: { postId: string; at: number }) => `${o.postId} ${o.at}`;
  const owners = new Map(summary.rows.flatMap((r) => r.figures.overrides.map((o) => [overrideKey(o), r.partner] as const)));
  const partnerOfOverride: OverridePartners = (o) => owners.get(overrideKey(o));
  const progress = summaryProgress(summary);
  const top = [
    `<article class="report summary" style="${accentStyle(ctx)}" aria-label="${esc(m.allPartners)}">`,
    masthead({
      eyebrow: m.documentTitle,
      month: fmt.month(summary.month),
      title: m.allPartners,
      who: fill(pluralOf(locale, summary.rows.length, m.summarySubtitle), { count: fmt.int(summary.rows.length) }),
      period: `${m.periodSummary} · ${fill(m.comparedWith, { month: fmt.month(summary.previousMonth, true) })}`,
    }),
    monthNotice(ctx, progress, summary.empty, summary.generatedAt, true),
  ];
  if (progress === 'future') return [...top, methodBlock(ctx, summary.generatedAt, [], true), `</article>`].join('');
  return [
    ...top,
    kpis(ctx, summary.totals, summary.previous),
    `<section><h2>${esc(m.sections.partners)}</h2>${partnersTable(ctx, summary)}</section>`,
    `<div class="grid-2">`,
    `<section><h2>${esc(m.sections.activity)}</h2>${activityTable(ctx, summary.totals, summary.previous)}</section>`,
    `<section><h2>${esc(m.sections.signoff)}</h2>${signoffBlock(ctx, summary.totals, summary.previous)}</section>`,
    `</div>`,
    weeklyBlock(ctx, summary.weeks),
    pillarBlock(ctx, summary.pillars, false),
    editorialBlock(ctx, summary.totals, partnerOfOverride),
    methodBlock(ctx, summary.generatedAt, [], true),
    `</article>`,
  ].join('');
}
