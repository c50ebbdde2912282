import { engagementMetrics } from '../../../../shared/engagement/figures';
import type { EngagementMetric, Figures } from '../../../../shared/engagement/figures';
import { networkLabels } from '../../../../shared/posts/networks';
import { interactionsOf } from '../../../../shared/reports/engagement';
import type { ReportEngagement } from '../../../../shared/reports/engagement';
import { fill } from '../../../../shared/reports/messages';
import type { RenderContext } from './context';
import { escapeHtml as esc, safeHref } from './escape';
import { titleOr } from '../../../../shared/posts/postTitle';

const shownMetrics = (rows: readonly Figures[]): EngagementMetric[] => engagementMetrics.filter((metric) => rows.some((figures) => figures[metric] !== undefined));

const th = (label: string, numeric = false) => `<th scope="col"${numeric ? ' class="num"' : ''}>${esc(label)}</th>`;
const td = (value: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${esc(value)}</td>`;

/** Top posts, figures per network (with per 1,000 followers) and per pillar, and the trend. */
export function engagementBlock(ctx: RenderContext, engagement: ReportEngagement | undefined): string {
  if (engagement === undefined) return '';
  const { m, fmt } = ctx;
  const e = m.engagement;
  const metrics = shownMetrics([engagement.totals]);
  const figureCells = (figures: Figures) => metrics.map((metric) => td(figures[metric] === undefined ? '—' : fmt.int(figures[metric] ?? 0), 'num')).join('');
  const metricHeads = metrics.map((metric) => th(e.metrics[metric], true)).join('');
  const previous = engagement.previousInteractions === null ? '' : `<div class="previous">${esc(fill(e.previous, { value: fmt.int(engagement.previousInteractions) }))}</div>`;
  const networks = engagement.byNetwork.map((row) => {
    const per1000 = row.followers === null || row.followers === 0 ? e.unknown : fmt.decimal((interactionsOf(row.figures) / row.followers) * 1000);
    return `<tr>${td(networkLabels[row.network])}${td(fmt.int(row.posts), 'num')}${figureCells(row.figures)}${td(row.followers === null ? e.unknown : fmt.int(row.followers), 'num')}${td(per1000, 'num')}</tr>`;
  });
  const pillars = engagement.byPillar.map((row) => `<tr>${td(row.pillar ?? m.noPillar)}${td(fmt.int(row.posts), 'num')}${figureCells(row.figures)}</tr>`);
  const top = engagement.top.map((row) => {
    const href = safeHref(row.url);
    const title = href ? `<td><a href="${esc(href)}">${esc(titleOr(row.title, m.untitled))}</a></td>` : td(titleOr(row.title, m.untitled));
    return `<tr>${td(fmt.dayTime(row.publishedAt), 'nowrap')}${td(networkLabels[row.network])}${title}${td(fmt.int(row.interactions), 'num')}${figureCells(row.figures)}</tr>`;
  });
  return [
    `<section class="engagement" data-section="engagement"><h2>${esc(e.title)}</h2>`,
    `<div class="kpi"><div class="label">${esc(e.interactions)}</div><div class="value">${esc(fmt.int(engagement.interactions))}</div>${previous}</div>`,
    `<h3>${esc(e.top)}</h3><table><thead><tr>${th(m.columns.date)}${th(m.columns.network)}${th(m.columns.title)}${th(e.interactions, true)}${metricHeads}</tr></thead><tbody>${top.join('')}</tbody></table>`,
    `<h3>${esc(e.perNetwork)}</h3><table><thead><tr>${th(m.columns.network)}${th(e.posts, true)}${metricHeads}${th(e.followers, true)}${th(e.per1000, true)}</tr></thead><tbody>${networks.join('')}</tbody></table>`,
    `<h3>${esc(e.perPillar)}</h3><table><thead><tr>${th(m.columns.pillar)}${th(e.posts, true)}${metricHeads}</tr></thead><tbody>${pillars.join('')}</tbody></table>`,
    `</section>`,
  ].join('');
}

/** The method's paragraph on engagement: where each figure comes from and when it was read. */
export function engagementMethod(ctx: RenderContext, engagement: ReportEngagement | undefined): string[] {
  if (engagement === undefined) return [];
  const e = ctx.m.engagement;
  const analytics = engagement.postAnalytics;
  const sources = [
    ...engagement.sources.map((source) =>
      fill(e.sources[source.source], { count: ctx.fmt.int(source.readings), from: ctx.fmt.dayTime(source.firstReadAt), to: ctx.fmt.dayTime(source.lastReadAt) }),
    ),
    // Where impressions come from LinkedIn's API rather than its export, the method names that API.
    ...(analytics === null
      ? []
      : [
          fill(analytics.readings === 1 ? e.postAnalytics.on : e.postAnalytics.between, {
            count: ctx.fmt.int(analytics.readings),
            from: ctx.fmt.dayTime(analytics.firstReadAt),
            to: ctx.fmt.dayTime(analytics.lastReadAt),
          }),
        ]),
  ].join(ctx.fmt.locale === 'fr' ? '\u202f; ' : '; ');
  // No reading known: the sentence on sources is left out rather than printing « Sources : inconnu ».
  return [sources === '' ? e.method : `${e.method} ${fill(e.sourcesSentence, { sources })}`];
}
