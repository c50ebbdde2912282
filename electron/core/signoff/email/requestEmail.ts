import type { Partner } from '../../../../shared/partners/schema';
import { networkLabels, networks } from '../../../../shared/posts/networks';
import type { Network } from '../../../../shared/posts/networks';
import type { EditorialOverride, PostComment } from '../../../../shared/signoff/schema';
import type { DiffPart, NetworkDiff } from '../../../../shared/signoff/wordDiff';
import { formatInstant } from './formatInstant';
import { escapeHtml, htmlLines } from './html';
import { mailtoUri } from './mailto';
import { subjectTitle } from './requestSubjects';
import { emailStrings } from './strings';
import type { EmailPreviews } from '../emailPreviews';
import { renderPreviewSection } from './previewSection';
import type { InlineImage } from './previewSection';

export interface RequestEmailInput {
  purpose: 'request' | 'reminder';
  /** Reminder level (1-based); 0 for the request itself. */
  level: number;
  lastReminder: boolean;
  /** The partner saw an earlier version: say it is a new one and show what changed. */
  diff: NetworkDiff[] | null;
  /** The new revision is the partner's own corrections, applied: the email asks whether it is right now. */
  corrections: boolean;
  partner: Partner;
  title: string;
  /** The frozen text of each network, exactly what the hash covers. */
  texts: Partial<Record<Network, string>>;
  scheduledAt: number | null;
  deadlineAt: number | null;
  override: EditorialOverride | null;
  comments: readonly PostComment[];
  revisionNumber: number;
  revisionHash: string;
  workstationAddress: string;
  approveToken: string;
  changesToken: string;
  /** Each network's preview (fold, facets, images, card) of exactly `texts`; null: the texts alone. */
  previews?: EmailPreviews | null;
}

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  /** The previews' images, inline (multipart/related, `cid:`): the email loads nothing remote. */
  attachments: InlineImage[];
}

const diffAsText = (parts: readonly DiffPart[]): string =>
  parts.map((p) => (p.op === 'insert' ? `{+${p.text}+}` : p.op === 'delete' ? `[-${p.text}-]` : p.text)).join('');

const diffAsHtml = (parts: readonly DiffPart[]): string =>
  parts
    .map((p) =>
      p.op === 'insert'
        ? `<ins style="background:#dcfce7;text-decoration:none">${htmlLines(p.text)}</ins>`
        : p.op === 'delete'
          ? `<del style="background:#fee2e2">${htmlLines(p.text)}</del>`
          : htmlLines(p.text),
    )
    .join('');

const button = (href: string, label: string, colour: string): string =>
  `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;margin:0 8px 8px 0;border-radius:6px;` +
  `background:${colour};color:#ffffff;text-decoration:none;font-weight:bold">${escapeHtml(label)}</a>`;

/**
 * The request (or reminder) email: a preview per network, the publication time and deadline
 * in the partner's zone and language, any editorial-line override with its justification,
 * the partner-visible comments, what changed since the partner's last version, and two
 * buttons — mailto: links opening a pre-filled reply that carries a signed token.
 */
export function renderRequestEmail(input: RequestEmailInput): RenderedEmail {
  const locale = input.partner.locale;
  const s = emailStrings[locale];
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
  const title = subjectTitle(input.title, input.texts, s);
  const when = (instant: number | null, none: string) =>
    instant === null ? none : formatInstant(instant, input.partner.timeZone, locale);
  const scheduled = when(input.scheduledAt, s.notScheduled);
  const deadline = when(input.deadlineAt, s.noDeadline);
  const deadlineShort = input.deadlineAt === null ? s.noDeadline : deadline.replace(/ \(.*\)$/, '');

  const subject =
    input.purpose === 'reminder'
      ? input.lastReminder
        ? s.subjectLastReminder(title, deadlineShort)
        : s.subjectReminder(title, deadlineShort)
      : input.corrections
        ? s.subjectCorrections(title)
        : input.diff !== null
          ? s.subjectRerequest(title)
          : s.subjectRequest(title);
  const intro =
    input.purpose === 'reminder' ? s.introReminder : input.corrections ? s.introCorrections : input.diff !== null ? s.introRerequest : s.introRequest;

  const approveHref = mailtoUri(
    input.workstationAddress,
    `${s.mailtoApproveSubject(title)} [${input.approveToken}]`,
    `${s.mailtoApproveBody}\n\n${s.reference(input.approveToken)}\n`,
  );
  const changesHref = mailtoUri(
    input.workstationAddress,
    `${s.mailtoChangesSubject(title)} [${input.changesToken}]`,
    `${s.mailtoChangesBody}\n\n\n\n${s.reference(input.changesToken)}\n`,
  );
  const shown = networks.filter((n) => input.texts[n] !== undefined);
  const fingerprint = input.revisionHash.slice(0, 12);
  const changedDiffs = (input.diff ?? []).filter((d) => d.changed);

  const text: string[] = [s.greeting(input.partner.displayName), '', intro, '', `${s.scheduledLabel}${colon}${scheduled}`, `${s.deadlineLabel}${colon}${deadline}`];
  const rich = input.previews ? renderPreviewSection(input.previews, locale, (network) => s.previewHeading(network)) : null;
  if (rich) text.push(...rich.text);
  else for (const network of shown) text.push('', `── ${s.previewHeading(networkLabels[network])} ──`, input.texts[network] ?? '');
  if (changedDiffs.length > 0) {
    text.push('', `── ${s.changesHeading} ──`);
    for (const d of changedDiffs) text.push(`${networkLabels[d.network]}${colon}${diffAsText(d.parts)}`);
  }
  if (input.override) text.push('', `── ${s.overrideHeading} ──`, s.overrideIntro, input.override.justification);
  if (input.comments.length > 0) {
    text.push('', `── ${s.commentsHeading} ──`);
    for (const c of input.comments) text.push(`• ${c.body}`);
  }
  text.push('', s.textApproveLink, `<${approveHref}>`, '', s.textChangesLink, `<${changesHref}>`, '', s.plainReplyHint, '', '—', s.footer(input.revisionNumber, fingerprint));

  const section = (heading: string, body: string) =>
    `<h3 style="font-size:15px;margin:20px 0 6px">${escapeHtml(heading)}</h3>${body}`;
  const box = (body: string) =>
    `<div style="border:1px solid #d4d4d8;border-radius:6px;padding:12px;white-space:normal;font-size:15px">${body}</div>`;
  const html: string[] = [
    `<!doctype html><html lang="${locale}"><body style="font-family:Arial,Helvetica,sans-serif;color:#18181b;max-width:640px">`,
    `<p>${escapeHtml(s.greeting(input.partner.displayName))}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p><strong>${escapeHtml(s.scheduledLabel)}</strong>${escapeHtml(colon)}${escapeHtml(scheduled)}<br>`,
    `<strong>${escapeHtml(s.deadlineLabel)}</strong>${escapeHtml(colon)}${escapeHtml(deadline)}</p>`,
    ...(rich ? rich.html : shown.map((network) => section(s.previewHeading(networkLabels[network]), box(htmlLines(input.texts[network] ?? ''))))),
  ];
  if (changedDiffs.length > 0) {
    html.push(section(s.changesHeading, changedDiffs.map((d) => `<p><strong>${escapeHtml(networkLabels[d.network])}</strong><br>${diffAsHtml(d.parts)}</p>`).join('')));
  }
  if (input.override) html.push(section(s.overrideHeading, `<p>${escapeHtml(s.overrideIntro)}<br>${htmlLines(input.override.justification)}</p>`));
  if (input.comments.length > 0) html.push(section(s.commentsHeading, `<ul>${input.comments.map((c) => `<li>${htmlLines(c.body)}</li>`).join('')}</ul>`));
  html.push(
    `<p style="margin-top:24px">${button(approveHref, s.approveButton, '#15803d')}${button(changesHref, s.changesButton, '#b45309')}</p>`,
    `<p style="color:#52525b">${escapeHtml(s.plainReplyHint)}</p>`,
    `<p style="color:#71717a;font-size:12px">${escapeHtml(s.footer(input.revisionNumber, fingerprint))}</p>`,
    '</body></html>',
  );

  return { to: input.partner.signoffEmail, subject, text: text.join('\n'), html: html.join('\n'), language: locale, attachments: rich?.attachments ?? [] };
}
