import { enGB, fr } from 'date-fns/locale';
import type { Locale as DateFnsLocale } from 'date-fns';
import { formatOffset, offsetAt } from '../calendar/zonedTime';
import { engagementMetrics } from '../engagement/figures';
import type { Figures } from '../engagement/figures';
import type { Locale } from '../partners/schema';
import { networkLabels } from '../posts/networks';
import { titleOr } from '../posts/postTitle';
import type { Network } from '../posts/networks';
import { formatCivilDate } from '../time/civilDate';
import { formatInZone } from '../time/wallClock';
import { zoneTimeName } from '../time/zoneNames';
import type { SilentNetwork } from './cadenceFlag';
import { escapeHtml } from './escape';
import type { DigestPeriod } from './period';
import { digestStrings } from './strings';
import type { DigestStrings } from './strings';

export interface DigestPublished {
  title: string;
  network: Network;
  publishedAt: number;
  url: string | null;
  /** The latest figures read (any source). */
  figures: Figures;
}

export interface DigestAwaiting {
  title: string;
  deadlineAt: number | null;
}

export interface DigestPlanned {
  title: string;
  networks: readonly Network[];
  scheduledAt: number;
}

export interface DigestInput {
  partner: { displayName: string; locale: Locale; timeZone: string };
  period: DigestPeriod;
  /** The period right after: what "planned next" covers. */
  next: DigestPeriod;
  published: readonly DigestPublished[];
  awaiting: readonly DigestAwaiting[];
  planned: readonly DigestPlanned[];
  silent: readonly SilentNetwork[];
}

export interface ComposedDigest {
  subject: string;
  text: string;
  html: string;
  language: Locale;
}

const DATE_FNS: Record<Locale, DateFnsLocale> = { fr, en: enGB };

/** A civil date ('YYYY-MM-DD') in the partner's language, French « 1er » included. */
const formatDate = (date: string, pattern: string, locale: Locale): string => formatCivilDate(date, pattern, DATE_FNS[locale]);

/** "novembre 2026" or "semaine du 23 au 29 novembre 2026": the period as a noun. */
export function periodLabel(period: DigestPeriod, locale: Locale): string {
  const s = digestStrings[locale];
  if (period.frequency === 'monthly') return formatDate(period.from, s.monthPattern, locale);
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  const sameMonth = sameYear && period.from.slice(5, 7) === period.to.slice(5, 7);
  const fromPattern = sameMonth ? s.dayInMonth : sameYear ? s.dayMonth : s.dayMonthYear;
  return s.weekLabel(formatDate(period.from, fromPattern, locale), formatDate(period.to, s.dayMonthYear, locale));
}

function periodPhrase(period: DigestPeriod, locale: Locale): string {
  const s = digestStrings[locale];
  const label = periodLabel(period, locale);
  return period.frequency === 'monthly' ? s.monthPhrase(label) : s.weekPhrase(label);
}

/** Figures as "1 234 j’aime · 5 partages", the metrics a network gave, in one fixed order. */
function figuresLine(figures: Figures, s: DigestStrings): string {
  const parts: string[] = [];
  for (const metric of engagementMetrics) {
    const value = figures[metric];
    if (value !== undefined) parts.push(`${groupThousands(value, s.thousands)}\u00a0${s.metric[metric]}`);
  }
  return parts.length === 0 ? s.noFigures : parts.join(' · ');
}

/** Thousands grouped by hand: the runtime's ICU data must not decide what the partner reads. */
export function groupThousands(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Only a web link to the published post is ever a link; anything else stays text. */
const webUrl = (url: string | null): string | null => (url !== null && /^https?:\/\/[^\s<>"']+$/i.test(url) ? url : null);

const first = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The digest one partner receives for one period: subject, text part and HTML part, in the
 * partner's language with every time in their zone. The HTML carries no remote content (no
 * image, stylesheet, font or tracking pixel): inline styles only, every value escaped, and the
 * only URLs are links to the posts as published.
 */
export function composeDigest(input: DigestInput): ComposedDigest {
  const { locale, timeZone: zone } = input.partner;
  const s = digestStrings[locale];
  const when = (at: number): string => `${formatInZone(at, zone, s.instantPattern, DATE_FNS[locale])} (UTC${formatOffset(offsetAt(zone, at), 'iso')})`;
  const phrase = periodPhrase(input.period, locale);
  const nextLabel = periodLabel(input.next, locale);
  const subject = s.subject(phrase);

  const published = [...input.published].sort((a, b) => a.publishedAt - b.publishedAt);
  const planned = [...input.planned].sort((a, b) => a.scheduledAt - b.scheduledAt);
  const awaiting = [...input.awaiting].sort((a, b) => (a.deadlineAt ?? Infinity) - (b.deadlineAt ?? Infinity));
  const networksOf = (list: readonly Network[]): string => list.map((n) => networkLabels[n]).join(', ');
  const silentLine = (row: SilentNetwork): string =>
    row.lastPublishedAt === null ? s.silentNever(networkLabels[row.network], row.minPerWeek) : s.silentSince(networkLabels[row.network], row.daysSilent, row.minPerWeek);
  const name = (row: { title: string }): string => titleOr(row.title, s.untitled);
  const deadlineText = (row: DigestAwaiting): string => (row.deadlineAt === null ? s.noDeadline : s.deadline(when(row.deadlineAt)));

  // Text part.
  const text: string[] = [s.greeting(input.partner.displayName), '', s.intro(phrase), s.zoneNote(zoneTimeName(zone, locale)), ''];
  const textSection = (heading: string, lines: string[], empty: string): void => {
    text.push(heading, '-'.repeat(heading.length));
    text.push(...(lines.length === 0 ? [empty] : lines), '');
  };
  if (input.silent.length > 0) textSection(s.cadenceHeading, input.silent.map((row) => `- ${silentLine(row)}`), '');
  textSection(
    s.publishedHeading,
    published.map((row) => {
      const url = webUrl(row.url);
      return `- ${name(row)} — ${networkLabels[row.network]}, ${when(row.publishedAt)}\n  ${figuresLine(row.figures, s)}${url === null ? '' : `\n  ${url}`}`;
    }),
    s.nothingPublished,
  );
  textSection(s.awaitingHeading, awaiting.map((row) => `- ${name(row)} — ${deadlineText(row)}`), s.nothingAwaiting);
  textSection(s.plannedHeading(nextLabel), planned.map((row) => `- ${name(row)} — ${networksOf(row.networks)}, ${when(row.scheduledAt)}`), s.nothingPlanned);
  text.push('-- ', s.footer);

  // HTML part.
  const e = escapeHtml;
  const h2 = (heading: string): string => `<h2 style="font-size:16px;margin:24px 0 8px">${e(heading)}</h2>`;
  const list = (items: string[], empty: string): string =>
    items.length === 0 ? `<p style="color:#555">${e(empty)}</p>` : `<ul style="padding-left:20px;margin:0">${items.map((item) => `<li style="margin:0 0 10px">${item}</li>`).join('')}</ul>`;
  const html: string[] = [
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family:Georgia,serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">',
    `<p>${e(s.greeting(input.partner.displayName))}</p>`,
    `<p>${e(s.intro(phrase))}<br><span style="color:#555">${e(s.zoneNote(zoneTimeName(zone, locale)))}</span></p>`,
  ];
  if (input.silent.length > 0) {
    html.push(`<div style="border-left:4px solid #b45309;padding:4px 12px;margin:16px 0">`, h2(s.cadenceHeading), list(input.silent.map((row) => e(silentLine(row))), ''), '</div>');
  }
  html.push(
    h2(s.publishedHeading),
    list(
      published.map((row) => {
        const url = webUrl(row.url);
        const link = url === null ? '' : ` · <a href="${e(url)}">${e(s.openPost)}</a>`;
        return `<strong>${e(name(row))}</strong><br>${e(networkLabels[row.network])}, ${e(when(row.publishedAt))}${link}<br><span style="color:#555">${e(figuresLine(row.figures, s))}</span>`;
      }),
      s.nothingPublished,
    ),
    h2(s.awaitingHeading),
    list(awaiting.map((row) => `<strong>${e(name(row))}</strong><br>${e(first(deadlineText(row)))}`), s.nothingAwaiting),
    h2(s.plannedHeading(nextLabel)),
    list(planned.map((row) => `<strong>${e(name(row))}</strong><br>${e(networksOf(row.networks))}, ${e(when(row.scheduledAt))}`), s.nothingPlanned),
    `<p style="color:#555;font-size:13px;margin-top:32px">${e(s.footer)}</p>`,
    '</body></html>',
  );
  return { subject, text: text.join('\n'), html: html.join('\n'), language: locale };
}
