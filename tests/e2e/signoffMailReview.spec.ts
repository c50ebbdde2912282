import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { docFromParagraphs } from '../../shared/posts/document';
import { postfixBounce } from '../integration/signoff/clientMessages';
import { WORKSTATION, startMailWorkstation } from './support/mailWorkstation';
import type { MailWorkstation } from './support/mailWorkstation';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * What the community manager sees of the sign-off e-mail loop, in real Chromium against browser
 * mode with a real SMTP server and a real Dovecot: a bounced request blocks the post (not
 * « en attente »), is filed as undelivered (not a reply), and is listed on Envoi with the sent
 * ones; a deadline in one zone is one line; a partner's withdrawal after her approval suspends
 * the post in red; applying her corrections is not « another window ».
 */

const PARTNER = 'claire.dupont@example.org';
const HOUR = 3_600_000;

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

async function requested(request: APIRequestContext, title: string, index: number, paragraphs = ['Trois points essentiels sur la réforme.', 'Le juge peut réviser le contrat.']) {
  const partners = await plume.call(request, 'partners.list', { includeArchived: false });
  const partner =
    partners[0] ?? (await plume.call(request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: PARTNER }));
  const post = await plume.call(request, 'posts.create', {
    partnerId: partner.id,
    title,
    networks: ['linkedin'],
    content: docFromParagraphs(paragraphs),
    scheduledAt: Date.now() + 72 * HOUR,
  });
  await plume.call(request, 'signoff.request', { postId: post.id });
  const captured = await mail.smtp.message(index, 15_000);
  return { post, raw: captured.raw, sent: await simpleParser(captured.raw) };
}

const reply = (sent: Awaited<ReturnType<typeof simpleParser>>, text: string, id: string) =>
  new MailComposer({
    from: PARTNER,
    to: WORKSTATION,
    subject: `Re: ${sent.subject ?? ''}`,
    inReplyTo: sent.messageId,
    references: sent.messageId,
    messageId: `<e2e-${id}-${Date.now()}@client.example>`,
    text,
  })
    .compile()
    .build();

test('a bounced request blocks the post, is filed as undelivered, and shows on Envoi with the sent ones', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'mail.save', mail.settings);
  const delivered = await requested(page.request, 'Arrivée', 0);
  const bounced = await requested(page.request, 'Rebond', 1);
  mail.imap.deliver(postfixBounce(bounced.raw, PARTNER), { receivedAt: Date.now() });

  await page.goto(`${plume.origin}/#/posts/${bounced.post.id}`);
  const panel = page.getByTestId('signoff-panel');
  await expect.soft(panel.getByTestId('signoff-status')).toHaveText('Bloquée\u00a0: demande non remise', { timeout: 20_000 });
  await expect.soft(panel.getByTestId('signoff-email')).toContainText('Non remis\u00a0: adresse refusée par le serveur du partenaire');
  await expect.soft(panel.getByTestId('signoff-email')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect.soft(panel.getByTestId('signoff-request')).toContainText('Version 1 · Non remise au partenaire');
  const blocked = panel.getByTestId('signoff-blocked');
  await expect.soft(blocked).toContainText('Me Claire Dupont n’a pas reçu la demande.');
  await expect.soft(blocked.getByRole('link', { name: 'Corriger l’adresse de Me Claire Dupont' })).toBeVisible();
  await expect.soft(blocked.getByRole('button', { name: 'Renvoyer la demande' })).toBeVisible();
  const fact = panel.getByTestId('signoff-history').locator('li[data-action="replyReceived"]');
  await expect.soft(fact).toContainText('Demande non remise (adresse inconnue)');
  await expect.soft(fact).not.toContainText('Réponse reçue');
  await expect.soft(fact).not.toContainText('par Plume');
  await expect.soft(fact).not.toContainText('sans effet');
  await expect.soft(fact.getByTestId('server-words')).toContainText('User unknown');
  // Both zones give the same time: one line.
  await expect.soft(panel.getByTestId('signoff-deadline')).toHaveText(/^[^\n]+\(heure de Paris, votre heure et celle du partenaire\)$/u);
  await saveScreenshot(page, 'signoff-bounced-fr');
  // Soft above, so a run against an older build names every difference at once.

  await page.goto(`${plume.origin}/#/outbox`);
  const queue = page.getByTestId('signoff-email-queue');
  await expect.soft(queue.getByRole('heading')).toHaveText('E-mails de validation');
  const rows = queue.getByTestId('signoff-email-row');
  await expect.soft(rows.filter({ hasText: 'Rebond' })).toHaveAttribute('data-state', 'bounced');
  await expect.soft(rows.filter({ hasText: 'Rebond' }).getByTestId('signoff-email-state')).toHaveText('Non remis');
  await expect.soft(rows.filter({ hasText: 'Rebond' }).getByTestId('signoff-email-reason')).toContainText('adresse refusée par le serveur du partenaire');
  await expect.soft(rows.filter({ hasText: delivered.post.title })).toHaveAttribute('data-state', 'done');
  await expect.soft(rows.filter({ hasText: delivered.post.title }).getByTestId('signoff-email-state')).toHaveText('Envoyé');
  await saveScreenshot(page, 'outbox-signoff-emails-fr');
});

test('a withdrawal after the approval suspends the post in red', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'mail.save', mail.settings);

  // « OK pour moi », then « Finalement non… » in the same thread.
  const approved = await requested(page.request, 'Retrait', 0);
  mail.imap.deliver(await reply(approved.sent, 'OK pour moi', 'ok'), { receivedAt: Date.now() });
  await expect.poll(async () => (await plume.call(page.request, 'signoff.status', { postId: approved.post.id })).approvalValid, { timeout: 20_000 }).toBe(true);
  mail.imap.deliver(await reply(approved.sent, 'Finalement non\u00a0: ne publiez pas, j’ai un doute sur le dernier paragraphe.', 'no'), { receivedAt: Date.now() });
  await page.goto(`${plume.origin}/#/posts/${approved.post.id}`);
  const panel = page.getByTestId('signoff-panel');
  const suspended = panel.getByTestId('signoff-after-approval');
  await expect(suspended).toContainText(
    'Me Claire Dupont a écrit après son approbation\u00a0: «\u00a0Finalement non\u00a0: ne publiez pas, j’ai un doute sur le dernier paragraphe.\u00a0». La publication est suspendue\u00a0: relisez sa réponse.',
    { timeout: 20_000 },
  );
  await expect(panel.getByTestId('signoff-status')).toHaveText('Retenue, non publiée');
  await expect(panel.getByTestId('signoff-history').locator('li[data-action="replyReceived"]').first()).toContainText('publication suspendue');
  await expect(suspended.getByRole('button', { name: 'Redemander la validation' })).toBeVisible();
  await saveScreenshot(page, 'signoff-withdrawn-after-approval-fr');
});

test('applying the partner’s corrections from this window says so, not « Mise à jour depuis une autre fenêtre »', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'mail.save', mail.settings);
  const corrected = await requested(page.request, 'Corrections', 0);
  const quote = (corrected.sent.text ?? '')
    .replace('Le juge peut réviser le contrat.', 'Le juge peut désormais réviser le contrat.')
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
  mail.imap.deliver(await reply(corrected.sent, `Voici ma correction.\n\n> Le 4 déc. 2026 à 10:00, Plume <${WORKSTATION}> a écrit :\n>\n${quote}\n`, 'fix'), { receivedAt: Date.now() });
  await page.goto(`${plume.origin}/#/posts/${corrected.post.id}`);
  const suggestion = page.getByTestId('signoff-panel').getByTestId('signoff-suggestion');
  await expect(suggestion).toBeVisible({ timeout: 20_000 });
  await suggestion.getByRole('button', { name: 'Appliquer ses corrections et redemander la validation' }).click();
  await expect(page.getByTestId('post-body')).toContainText('Le juge peut désormais réviser le contrat.');
  await expect(page.getByTestId('editor-notice')).toHaveText('Corrections de Me Claire Dupont appliquées\u00a0; la validation lui est redemandée.');
});
