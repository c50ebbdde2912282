import { editorialMessagesEn, editorialMessagesFr } from '../../../../shared/editorial/messages';
import { networkLabels } from '../../../../shared/posts/networks';
import { fill, pluralOf } from '../../../../shared/reports/messages';
import type { CadenceResult, MonthFigures, OverrideItem, PillarMix, PublishedItem, ReportCounts, ReportPartner, WeekRow } from '../../../../shared/reports/model';
import type { FigureKind } from '../../../../shared/reports/format';
import type { Locale } from '../../../../shared/partners/schema';
import type { RenderContext } from './context';
import { escapeHtml as esc, escapeText as txt, safeHref } from './escape';
import { pillarChart, turnaroundChart, weeklyChart } from './svg';
import { titleOr } from '../../../../shared/posts/postTitle';
import { reportFormat } from '../../../../shared/reports/format';
import type { MonthProgress } from '../../../../shared/reports/month';
import { zoneCity, zoneTimeName } from '../../../../shared/time/zoneNames';

/** The blocks both layouts (one partner, all partners) are built from. */

export interface MastheadText {
  eyebrow: string;
  month: string;
  title: string;
  who: string;
  period: string;
}

export const masthead = (t: MastheadText): string =>
  `<header class="masthead"><div class="topline"><span>${esc(t.eyebrow)}</span><span class="month">${esc(t.month)}</span></div>` +
  `<h1>${esc(t.title)}</h1>${t.who ? `<p class="who">${esc(t.who)}</p>` : ''}<p class="period">${esc(t.period)}</p></header>`;

export const notice = (text: string): string => `<p class="notice" role="note">${esc(text)}</p>`;

/**
 * What the month's figures are worth at the report's generation time: a month not begun has none;
 * a month under way has figures that stop at that instant (and an empty one is empty so far);
 * only a month that is over and had nothing in it is exactly zero.
 */
export function monthNotice(ctx: RenderContext, progress: MonthProgress, empty: boolean, generatedAt: number, namingZone = false): string {
  const { m, fmt } = ctx;
  if (progress === 'future') return notice(m.notStarted);
  if (progress === 'past') return empty ? notice(m.empty) : '';
  const date = namingZone ? `${fmt.dateTime(generatedAt)} (${zoneTimeName(fmt.zone, fmt.locale)})` : fmt.dateTime(generatedAt);
  return notice(fill(m.inProgress, { date }) + (empty ? ` ${m.emptySoFar}` : ''));
}

const cell = (value: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${txt(value)}</td>`;
const head = (labels: readonly string[], numeric: readonly boolean[] = []) =>
  `<thead><tr>${labels.map((l, i) => `<th${numeric[i] ? ' class="num"' : ''} scope="col">${txt(l)}</th>`).join('')}</tr></thead>`;

interface Kpi {
  label: string;
  value: string;
  detail: string;
  previous: string | null;
}

function kpiTile(ctx: RenderContext, kpi: Kpi): string {
  const previous = kpi.previous === null ? '' : `<div class="previous">${txt(fill(ctx.m.kpi.previous, { value: kpi.previous }))}</div>`;
  return `<div class="kpi"><div class="label">${txt(kpi.label)}</div><div class="value">${txt(kpi.value)}</div><div class="detail">${txt(kpi.detail)}</div>${previous}</div>`;
}

/** Every approval of the month: first time, after changes, and again after an edit voided an earlier one. */
const approvals = (f: MonthFigures) => f.counts.approvedFirstTime + f.counts.approvedAfterChanges + f.counts.reapprovedAfterEdit;
const firstTimeRate = (f: MonthFigures) => (approvals(f) === 0 ? null : f.counts.approvedFirstTime / approvals(f));

export function kpis(ctx: RenderContext, f: MonthFigures, previous: MonthFigures | null): string {
  const { fmt, m } = ctx;
  const networks = f.publishedByNetwork.map((n) => `${networkLabels[n.network]} ${fmt.int(n.count)}`).join(' · ');
  const tiles: Kpi[] = [
    { label: m.kpi.published, value: fmt.int(f.counts.published), detail: networks || m.kpi.noPublication, previous: previous ? fmt.int(previous.counts.published) : null },
    {
      label: m.kpi.sentForSignoff,
      value: fmt.int(f.counts.sentForSignoff),
      detail: fill(m.kpi.requestsDetail, { count: fmt.int(f.counts.signoffRequests) }),
      previous: previous ? fmt.int(previous.counts.sentForSignoff) : null,
    },
    {
      label: m.kpi.firstTimeRate,
      value: fmt.percent(firstTimeRate(f)),
      detail:
        fill(pluralOf(fmt.locale, approvals(f), m.kpi.firstTimeDetail), { count: fmt.int(f.counts.approvedFirstTime), total: fmt.int(approvals(f)) }) +
        (f.counts.reapprovedAfterEdit === 0 ? '' : `, ${fill(pluralOf(fmt.locale, f.counts.reapprovedAfterEdit, m.kpi.reapprovedDetail), { count: fmt.int(f.counts.reapprovedAfterEdit) })}`),
      previous: previous ? fmt.percent(firstTimeRate(previous)) : null,
    },
    {
      label: m.kpi.turnaroundMedian,
      value: fmt.duration(f.turnaround.medianMs),
      detail: fill(m.kpi.turnaroundDetail, { p90: fmt.duration(f.turnaround.p90Ms) }),
      previous: previous ? fmt.duration(previous.turnaround.medianMs) : null,
    },
    {
      label: m.kpi.onTimeRate,
      value: fmt.percent(f.onTime.rate),
      detail: fill(pluralOf(fmt.locale, f.onTime.due, m.kpi.onTimeDetail), { count: fmt.int(f.onTime.onTime), total: fmt.int(f.onTime.due) }),
      previous: previous ? fmt.percent(previous.onTime.rate) : null,
    },
  ];
  return `<section class="kpis" aria-label="${esc(ctx.m.sections.activity)}">${tiles.map((t) => kpiTile(ctx, t)).join('')}</section>`;
}

/** A figure this month, last month and the change, as one table row. */
function compareRow(ctx: RenderContext, label: string, kind: FigureKind, current: number | null, previous: number | null | undefined, cls = ''): string {
  const { fmt } = ctx;
  const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : kind === 'rate' ? fmt.percent(v) : kind === 'duration' ? fmt.duration(v) : fmt.int(v));
  return `<tr${cls ? ` class="${cls}"` : ''}>${cell(label)}${cell(show(current), 'num')}${cell(show(previous), 'num muted')}${cell(fmt.change(kind, current, previous ?? null), 'num change')}</tr>`;
}

const countOrder: (keyof ReportCounts)[] = [
  'drafted',
  'sentForSignoff',
  'signoffRequests',
  'approvedFirstTime',
  'approvedAfterChanges',
  'reapprovedAfterEdit',
  'changesRequested',
  'rejected',
  'withdrawn',
  'expired',
  'held',
  'missed',
  'failed',
  'published',
];

export function activityTable(ctx: RenderContext, f: MonthFigures, previous: MonthFigures | null): string {
  const { m } = ctx;
  const rows = countOrder.map((key) => compareRow(ctx, m.counts[key], 'count', f.counts[key], previous?.counts[key]));
  for (const { network, count } of f.publishedByNetwork) {
    const before = previous ? (previous.publishedByNetwork.find((n) => n.network === network)?.count ?? 0) : null;
    rows.push(compareRow(ctx, `\u2003${networkLabels[network]}`, 'count', count, before, 'sub'));
  }
  return `<table>${head([m.columns.indicator, m.columns.thisMonth, m.columns.previousMonth, m.columns.change], [false, true, true, true])}<tbody>${rows.join('')}</tbody></table>`;
}

export function signoffBlock(ctx: RenderContext, f: MonthFigures, previous: MonthFigures | null): string {
  const { m, fmt } = ctx;
  const chart =
    f.turnaround.decisions === 0
      ? `<p class="muted">${esc(m.noData)}</p>`
      : `<div class="chart">${turnaroundChart(`${ctx.id}-turnaround`, f.turnaround.samplesMs, ctx.accent.strong, fmt, m)}</div>`;
  const rows = [
    compareRow(ctx, m.signoff.decisions, 'count', f.turnaround.decisions, previous?.turnaround.decisions),
    compareRow(ctx, m.signoff.median, 'duration', f.turnaround.medianMs, previous?.turnaround.medianMs),
    compareRow(ctx, m.signoff.p90, 'duration', f.turnaround.p90Ms, previous?.turnaround.p90Ms),
    compareRow(ctx, m.signoff.onTime, 'count', f.onTime.onTime, previous?.onTime.onTime),
    compareRow(ctx, m.signoff.late, 'count', f.onTime.late, previous?.onTime.late),
    compareRow(ctx, m.signoff.expired, 'count', f.onTime.expired, previous?.onTime.expired),
    compareRow(ctx, m.kpi.onTimeRate, 'rate', f.onTime.rate, previous?.onTime.rate, 'total'),
  ];
  return (
    `<h3>${esc(m.sections.turnaround)}</h3>${chart}` +
    `<table class="keep" style="margin-top:8px">${head([m.columns.indicator, m.columns.thisMonth, m.columns.previousMonth, m.columns.change], [false, true, true, true])}<tbody>${rows.join('')}</tbody></table>` +
    `<p class="note">${esc(m.signoff.noDeadline)}</p>`
  );
}

export function weeklyBlock(ctx: RenderContext, weeks: readonly WeekRow[]): string {
  const { m } = ctx;
  const any = weeks.some((w) => w.total > 0);
  const partial = weeks.some((w) => !w.complete);
  return (
    `<section class="keep"><h2>${esc(m.sections.perWeek)}</h2>` +
    (any ? `<div class="chart">${weeklyChart(`${ctx.id}-weekly`, weeks, ctx.fmt, m)}</div>${partial ? `<p class="note">${esc(m.cadence.partialNote)}</p>` : ''}` : `<p class="muted">${esc(m.noData)}</p>`) +
    `</section>`
  );
}

export function pillarBlock(ctx: RenderContext, mix: PillarMix, withTargetsNote: boolean): string {
  const { m, fmt } = ctx;
  const body =
    mix.basis === 0 && !mix.hasTargets
      ? `<p class="muted">${esc(m.noData)}</p>`
      : `<div class="chart">${pillarChart(`${ctx.id}-pillars`, mix, ctx.accent.strong, fmt, m)}</div><p class="note">${esc(fill(pluralOf(fmt.locale, mix.basis, m.pillars.basis), { count: fmt.int(mix.basis) }))}</p>`;
  const noTargets = withTargetsNote && !mix.hasTargets ? `<p class="note">${esc(m.pillars.noTargets)}</p>` : '';
  return `<section class="keep"><h2>${esc(m.sections.pillars)}</h2>${body}${noTargets}</section>`;
}

export function cadenceBlock(ctx: RenderContext, cadence: CadenceResult | null): string {
  const { m, fmt } = ctx;
  if (!cadence) return `<section class="keep"><h2>${esc(m.sections.cadence)}</h2><p class="muted">${esc(m.cadence.noPolicy)}</p></section>`;
  const target = (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? fill(m.cadence.range, { min: fmt.int(min), max: fmt.int(max) })
      : min !== null
        ? fill(m.cadence.atLeast, { min: fmt.int(min) })
        : max !== null
          ? fill(m.cadence.atMost, { max: fmt.int(max) })
          : '—';
  const rows = cadence.targets.map(
    (t) =>
      `<tr>${cell(networkLabels[t.network])}${cell(target(t.min, t.max))}${cell(fmt.decimal(t.averagePerWeek, 1), 'num')}${cell(
        fill(m.cadence.weeksOnTarget, { ok: fmt.int(t.weeksOnTarget), judged: fmt.int(t.weeksJudged) }),
        'num',
      )}</tr>`,
  );
  const table =
    rows.length === 0
      ? ''
      : `<table>${head([m.columns.network, m.columns.target, m.columns.perWeekAverage, m.columns.weeks], [false, false, true, true])}<tbody>${rows.join('')}</tbody></table>`;
  const notes: string[] = [];
  if (cadence.maxPerDay) {
    const days = cadence.maxPerDay.daysOver.map((d) => `${fmt.localDate(d.date)} (${fmt.int(d.count)})`).join(', ');
    notes.push(fill(m.cadence.maxPerDay, { max: fmt.int(cadence.maxPerDay.max), days: days || m.cadence.noDay }));
  }
  notes.push(fill(m.cadence.outsideWindows, { count: fmt.int(cadence.outsideWindows) }));
  return `<section class="keep"><h2>${esc(m.sections.cadence)}</h2>${table}${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('')}</section>`;
}

const ruleKindLabels = { fr: editorialMessagesFr.editorial.kind, en: editorialMessagesEn.editorial.kind };

/** A finding's rule kind as the editorial line's editor names it; an unknown kind (a newer Plume) as is. */
function kindLabel(locale: Locale, kind: string): string {
  const labels: Record<string, string> = ruleKindLabels[locale];
  return labels[kind] ?? kind;
}

/**
 * A partner's words, quoted the way the report's language quotes: « … » in French, with the
 * quotes inside made “ ” (« Me Dupont » within a justification reads “Me Dupont”); “…” in
 * English, with the quotes inside made ‘ ’.
 */
export function quoted(locale: Locale, text: string): string {
  if (locale === 'fr') {
    const inner = text
      .replace(/«[\s\u00a0\u202f]*/gu, '“')
      .replace(/[\s\u00a0\u202f]*»/gu, '”');
    return `«\u00a0${inner}\u00a0»`;
  }
  const inner = text
    .replace(/«[\s\u00a0\u202f]*|“/gu, '‘')
    .replace(/[\s\u00a0\u202f]*»|”/gu, '’');
  return `“${inner}”`;
}

/** Who an override of the summary belongs to: its partner's name and zone. */
export type OverridePartners = (override: OverrideItem) => Pick<ReportPartner, 'displayName' | 'timeZone'> | undefined;

/**
 * The editorial line's findings and the month's overrides. With `partners` (the summary), each
 * override's date is in its own partner's zone: the column says so, and where the partners'
 * zones differ each date names its zone.
 */
export function editorialBlock(ctx: RenderContext, f: MonthFigures, partners?: OverridePartners): string {
  const { m, fmt } = ctx;
  const fi = f.findings;
  const summary = [
    [m.editorial.requests, fi.requests],
    [m.editorial.withFindings, fi.requestsWithFindings],
    [m.editorial.error, fi.error],
    [m.editorial.warning, fi.warning],
    [m.editorial.info, fi.info],
  ] as const;
  const left = `<table>${head([m.editorial.caught, m.columns.count], [false, true])}<tbody>${summary.map(([label, v]) => `<tr>${cell(label)}${cell(fmt.int(v), 'num')}</tr>`).join('')}</tbody></table>`;
  const right =
    fi.byKind.length === 0
      ? ''
      : `<table>${head([m.editorial.byKind, m.columns.count], [false, true])}<tbody>${fi.byKind.map((k) => `<tr>${cell(kindLabel(fmt.locale, k.kind))}${cell(fmt.int(k.count), 'num')}</tr>`).join('')}</tbody></table>`;
  const zoneOf = (o: OverrideItem): string => partners?.(o)?.timeZone ?? fmt.zone;
  const zones = new Set(f.overrides.map(zoneOf));
  const [onlyZone] = zones;
  const dateColumn = !partners ? m.columns.date : zones.size === 1 && onlyZone !== undefined ? fill(m.columns.dateIn, { zone: zoneTimeName(onlyZone, fmt.locale) }) : m.columns.datePartner;
  const dateOf = (o: OverrideItem): string => {
    if (!partners) return fmt.dateTime(o.at);
    const zone = zoneOf(o);
    const shown = reportFormat(fmt.locale, zone).dateTime(o.at);
    return zones.size > 1 ? `${shown} (${zoneCity(zone, fmt.locale)})` : shown;
  };
  const overrides =
    f.overrides.length === 0
      ? `<p class="muted">${esc(m.editorial.noOverride)}</p>`
      : `<table>${head([dateColumn, ...(partners ? [m.columns.partner] : []), m.columns.title, m.columns.findings, m.columns.justification], [false, ...(partners ? [false] : []), false, true, false])}<tbody>${f.overrides
          .map(
            (o) =>
              `<tr>${cell(dateOf(o))}${partners ? cell(partners(o)?.displayName ?? '') : ''}${cell(titleOr(o.title, m.untitled))}${cell(o.findingCount === null ? '—' : fmt.int(o.findingCount), 'num')}<td class="quote">${esc(quoted(fmt.locale, o.justification))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section><h2>${esc(m.sections.editorial)}</h2><div class="grid-2 keep"><div>${left}</div><div>${right}</div></div><h3>${esc(m.editorial.overrides)}</h3>${overrides}</section>`;
}

const LINK_TEXT_MAX = 44;

/**
 * 'linkedin.com/…/urn:li:activity:7123' — the host and the end of the path say which post it
 * is. Too long, the middle gives way, never the end: ids differ in their last digits, so two
 * rows must not shorten to the same text ('linkedin.com/…activity:7260000000000000001').
 */
export function linkText(href: string): string {
  const url = new URL(href);
  const host = url.host.replace(/^www\./, '');
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  const text = segments.length <= 1 ? `${host}${url.pathname === '/' ? '' : url.pathname.replace(/\/$/u, '')}` : `${host}/…/${last}`;
  if (text.length <= LINK_TEXT_MAX) return text;
  // A parsed URL's path is percent-encoded ASCII: slicing it by code units splits no character.
  const tail = segments.length <= 1 ? text.slice(host.length + 1) : last;
  return `${host}/…${tail.slice(-(LINK_TEXT_MAX - host.length - 2))}`;
}

export function publishedBlock(ctx: RenderContext, items: readonly PublishedItem[]): string {
  const { m, fmt } = ctx;
  if (items.length === 0) return `<section><h2>${esc(m.sections.published)}</h2><p class="muted">${esc(m.noData)}</p></section>`;
  const rows = items.map((p) => {
    const href = safeHref(p.url);
    const link = href ? `<td><a href="${esc(href)}">${esc(linkText(href))}</a></td>` : cell(p.url ?? '—', 'muted');
    return `<tr>${cell(fmt.dayTime(p.at), 'nowrap')}${cell(p.network ? networkLabels[p.network] : '—')}${cell(titleOr(p.title, m.untitled))}${link}</tr>`;
  });
  return `<section><h2>${esc(m.sections.published)}</h2><table>${head([m.columns.date, m.columns.network, m.columns.title, m.columns.link])}<tbody>${rows.join('')}</tbody></table></section>`;
}

/**
 * « Généré le … »: in the report's zone. `namingZone` (the summary, which has no partner's zone to
 * fall back on) says which zone that is, so a machine set to UTC never passes UTC off as local time.
 */
export function generatedOnText(ctx: RenderContext, generatedAt: number, namingZone = false): string {
  const date = ctx.fmt.dateTime(generatedAt);
  return namingZone ? fill(ctx.m.generatedOnZone, { date, zone: zoneTimeName(ctx.fmt.zone, ctx.fmt.locale) }) : fill(ctx.m.generatedOn, { date });
}

export const methodBlock = (ctx: RenderContext, generatedAt: number, extra: string[] = [], namingZone = false): string =>
  `<footer class="method"><h2>${esc(ctx.m.sections.method)}</h2><p>${esc(ctx.m.method)}</p>${extra.map((e) => `<p>${esc(e)}</p>`).join('')}<p>${esc(
    generatedOnText(ctx, generatedAt, namingZone),
  )}</p></footer>`;
