import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { docFromParagraphs } from '../../shared/posts/document';
import { WORKSTATION, startMailWorkstation } from './support/mailWorkstation';
import type { MailWorkstation } from './support/mailWorkstation';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * The partner corrects the post in their reply (Apple Mail, the quote edited in place) and
 * attaches a scanned PDF. In real Chromium against browser mode, with a real SMTP server and
 * a real Dovecot: the suggestion shows as a word diff, the PDF is listed and downloads byte
 * for byte, and one click makes the correction the new revision and sends the re-request.
 */

const PARTNER = 'claire.dupont@example.org';
const LINE = 'Le juge peut réviser le contrat.';
const CORRECTED_LINE = 'Le juge peut désormais réviser le contrat.';

let plume: RunningPlume;
let mail: MailWorkstation;
test.beforeEach(async () => {
  mail = await startMailWorkstation();
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
  await mail.stop();
});

test('the partner’s corrected text shows as a word diff; one click makes it the new revision and asks again; their PDF downloads', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'mail.save', mail.settings);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: PARTNER });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Réforme du droit des contrats',
    networks: ['linkedin'],
    content: docFromParagraphs(['Trois points essentiels sur la réforme.', LINE]),
    scheduledAt: Date.now() + 72 * 3_600_000,
  });
  await plume.call(page.request, 'signoff.request', { postId: post.id });
  const sent = await simpleParser((await mail.smtp.message(0, 15_000)).raw);

  // Apple Mail: the partner edits the quoted post and attaches the signed scan.
  const quote = (sent.text ?? '')
    .replace(LINE, CORRECTED_LINE)
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(512 * 1024)]);
  const reply = await new MailComposer({
    from: PARTNER,
    to: WORKSTATION,
    subject: `Re: ${sent.subject ?? ''}`,
    inReplyTo: sent.messageId,
    references: sent.messageId,
    messageId: `<e2e-suggestion-${Date.now()}@client.example>`,
    text: `Voici ma correction, et le document signé.\n\nEnvoyé de mon iPhone\n\n> Le 4 déc. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quote}\n`,
    attachments: [{ filename: 'Document signé.pdf', contentType: 'application/pdf', content: pdf, contentDisposition: 'inline' }],
  })
    .compile()
    .build();
  mail.imap.deliver(reply, { receivedAt: Date.now() });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('signoff-panel');
  const suggestion = panel.getByTestId('signoff-suggestion');
  await expect(suggestion).toBeVisible({ timeout: 20_000 });
  await expect(suggestion.getByRole('heading')).toHaveText('Corrections proposées par Me Claire Dupont');
  await expect(suggestion.getByTestId('suggestion-diff').locator('ins')).toHaveText(['désormais ']);
  await expect(suggestion.getByTestId('suggestion-diff').locator('del')).toHaveCount(0);
  await expect(panel.getByTestId('signoff-status')).toHaveText('Modifications demandées');

  // The scanned PDF, listed under the reply in the history, downloads as received.
  const attachment = panel.getByTestId('reply-attachments').locator('li[data-status="kept"]');
  await expect(attachment).toContainText('Document signé.pdf');
  await expect(attachment).toContainText('application/pdf');
  // Its size as French writes it, in the same unit as Backups and Reports (« 512 ko », not « 512 Ko »).
  await expect(attachment).toContainText('512\u00a0ko');
  const [download] = await Promise.all([page.waitForEvent('download'), attachment.getByRole('button', { name: 'Télécharger' }).click()]);
  expect(download.suggestedFilename()).toBe('Document signé.pdf');
  const path = await download.path();
  expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
  await saveScreenshot(page, 'signoff-suggestion-fr');

  await suggestion.getByRole('button', { name: 'Appliquer ses corrections et redemander la validation' }).click();
  await expect(panel.getByTestId('signoff-status')).toHaveText('En attente de validation');
  await expect(suggestion).toHaveCount(0);
  await expect(page.getByTestId('post-body')).toContainText(CORRECTED_LINE);
  await expect(panel.getByTestId('signoff-request')).toContainText('Version 2');

  const again = await simpleParser((await mail.smtp.message(1, 15_000)).raw);
  expect(again.subject).toBe('Vos corrections sont appliquées\u00a0: «\u00a0Réforme du droit des contrats\u00a0»');
  expect(again.text).toContain('Vos corrections sont appliquées\u00a0: est-ce bon pour vous\u202f?');
  expect(again.text).toContain(CORRECTED_LINE);
});
