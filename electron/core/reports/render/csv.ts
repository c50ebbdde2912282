import type { ReportDocument, PartnerReport } from '../../../../shared/reports/model';
import { reportMessages } from '../../../../shared/reports/messages';
import type { ReportMessages } from '../../../../shared/reports/messages';
import type { Locale } from '../../../../shared/partners/schema';
import { localClock } from '../../../../shared/reports/localClock';
import { titleOr } from '../../../../shared/posts/postTitle';
import { documentLocale } from './html';

/**
 * The CSV export: one row per audit event of the month, with its post beside it. Each code
 * (action, statuses, actor kind, channel) keeps its column for scripts, with its label in the
 * report's language beside it (`…_libelle`, `…_label`).
 *
 * RFC 4180: CRLF line ends, a field is quoted when it holds the delimiter, a quote, CR or LF,
 * and a quote inside is doubled. UTF-8 with a BOM, which is what makes Excel read accents right.
 *
 * Delimiter: `;` for a French report, `,` for an English one (either can be asked for).
 * French Excel splits on its list separator, which is `;` (the comma is the decimal mark):
 * a comma file opens there as one column. We do not write a `sep=` line: Excel then ignores the
 * BOM, and no other tool understands it. Numbers are integers (minutes, counts), so no decimal
 * mark is ever in question; dates are 'YYYY-MM-DD HH:mm', which Excel reads in both languages.
 *
 * Text that Excel would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe: a post title must never become a formula on the reader's machine.
 */
export type CsvDelimiter = ',' | ';';

export const defaultDelimiter = (locale: Locale): CsvDelimiter => (locale === 'fr' ? ';' : ',');

export const BOM = '\uFEFF';
const CRLF = '\r\n';

export function csvField(value: string, delimiter: CsvDelimiter): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Free text from users: neutralised against formula injection. */
export const csvText = (value: string | null): string => (value === null ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const localTime = (at: number, zone: string) => {
  const clock = localClock(at, zone);
  return `${clock.date} ${clock.time}`;
};

function header(m: ReportMessages): string[] {
  const c = m.csv;
  return [
    c.partner, c.partnerId, c.postId, c.title, c.pillar, c.eventId, c.localTime, c.utc, c.action, c.actionLabel,
    c.fromStatus, c.fromStatusLabel, c.toStatus, c.toStatusLabel, c.actorKind, c.actorKindLabel, c.actorName, c.channel, c.channelLabel,
    c.revision, c.network, c.url, c.requestId,
    c.deadline, c.turnaroundMinutes, c.onTime, c.findingsError, c.findingsWarning, c.findingsInfo, c.justification, c.comment,
  ];
}

function rowsOf(report: PartnerReport, m: ReportMessages): string[][] {
  const { partner } = report;
  const zone = partner.timeZone;
  const num = (v: number | null) => (v === null ? '' : String(v));
  return report.events.map((e) => [
    csvText(partner.displayName),
    partner.id,
    e.postId,
    csvText(titleOr(e.title, m.untitled)),
    csvText(e.pillar),
    String(e.id),
    localTime(e.at, zone),
    new Date(e.at).toISOString(),
    e.action,
    m.actions[e.action],
    e.fromStatus ?? '',
    e.fromStatus === null ? '' : m.statuses[e.fromStatus],
    e.toStatus ?? '',
    e.toStatus === null ? '' : m.statuses[e.toStatus],
    e.actor.kind,
    m.actorKinds[e.actor.kind],
    csvText(e.actor.name),
    e.channel ?? '',
    e.channel === null ? '' : m.channels[e.channel],
    num(e.revisionNumber),
    e.network ?? '',
    csvText(e.url),
    csvText(e.requestId),
    e.deadlineAt === null ? '' : localTime(e.deadlineAt, zone),
    e.turnaroundMs === null ? '' : String(Math.round(e.turnaroundMs / 60_000)),
    e.onTime === null ? '' : e.onTime ? m.csv.yes : m.csv.no,
    num(e.findings?.error ?? null),
    num(e.findings?.warning ?? null),
    num(e.findings?.info ?? null),
    csvText(e.justification),
    csvText(e.comment),
  ]);
}

export function renderCsv(doc: ReportDocument, delimiter: CsvDelimiter = defaultDelimiter(documentLocale(doc))): string {
  const m = reportMessages[documentLocale(doc)];
  const reports = doc.kind === 'partner' ? [doc.report] : doc.partners;
  const lines = [header(m), ...reports.flatMap((r) => rowsOf(r, m))].map((fields) => fields.map((f) => csvField(f, delimiter)).join(delimiter));
  return BOM + lines.join(CRLF) + CRLF;
}
