import { expect, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { docFromParagraphs } from '../../shared/posts/document';
import { todayIn } from '../../shared/calendar/zonedTime';
import { WORKSTATION, startMailWorkstation } from './support/mailWorkstation';
import type { MailWorkstation } from './support/mailWorkstation';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * Sign-off end to end, in real Chromium against the real browser-mode server: the mail
 * account is a real SMTP server and a real Dovecot on 127.0.0.1, the password goes to the
 * keychain (run inside scripts/keyring-session.sh), and the app's own background loop sends
 * the request and reads the reply (IMAP IDLE).
 */

const PARTNER = 'claire.dupont@example.org';

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


/** The Approve button's mailto: link in the request email, as the partner's mail client opens it. */
async function approveDraft(raw: string): Promise<{ subject: string; body: string }> {
  const parsed = await simpleParser(raw);
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const href = [...html.matchAll(/href="(mailto:[^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&')).find((h) => h.includes('plume1.a.'));
  if (href === undefined) throw new Error('no Approve button in the request email');
  const url = new URL(href);
  return { subject: url.searchParams.get('subject') ?? '', body: (url.searchParams.get('body') ?? '').replace(/\r\n/g, '\n') };
}

test('request sign-off from the editor, the partner approves by email, the post turns approved; an edit voids the approval', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'mail.save', mail.settings);
  const partner = await plume.call(page.request, 'partners.create', {
    displayName: 'Me Claire Dupont',
    timeZone: 'America/Toronto',
    locale: 'fr',
    signoffEmail: PARTNER,
  });
  const postAt = Date.now() + 72 * 3_600_000;
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Réforme du droit des contrats',
    networks: ['linkedin'],
    content: docFromParagraphs(['Trois points essentiels sur la réforme.']),
    scheduledAt: postAt,
  });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  await panel.getByRole('button', { name: 'Demander la validation' }).click();
  await panel.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(panel.getByTestId('signoff-status')).toHaveText('En attente de validation');
  // The deadline in both zones: the community manager's (Paris, the browser's) and the partner's.
  await expect(panel.getByTestId('signoff-deadline')).toContainText('(votre heure)');
  await expect(panel.getByTestId('signoff-deadline')).toContainText('(heure de Toronto)');

  // The app's background loop sends the email through the SMTP server.
  const sent = await mail.smtp.message(0, 15_000);
  expect(sent.envelopeTo).toEqual([PARTNER]);
  await expect(panel.getByTestId('signoff-email')).toHaveAttribute('data-state', 'done', { timeout: 10_000 });
  await expect(panel.getByTestId('signoff-email')).toHaveText('E-mail envoyé');

  // The partner clicks Approve and sends the pre-filled reply; it lands in the workstation's INBOX.
  const draft = await approveDraft(sent.raw);
  const reply = await new MailComposer({ from: PARTNER, to: WORKSTATION, subject: draft.subject, text: draft.body, messageId: `<e2e-${Date.now()}@client.example>` })
    .compile()
    .build();
  const landed = Date.now();
  mail.imap.deliver(reply.toString('utf8'), { receivedAt: landed });
  // Publishing moves an approved post with a time on to "Validée, programmée".
  await expect(panel.getByTestId('signoff-status')).toContainText('Validée', { timeout: 15_000 });
  console.log(`sign-off e2e: reply landed in the inbox → "Validée" shown in ${Date.now() - landed} ms`);
  await expect(panel.getByTestId('signoff-history').locator('li[data-action="approve"]')).toContainText('par e-mail');
  await saveScreenshot(page, 'signoff-approved-fr');

  // The calendar shows it approved (and, having a time, scheduled) on its day.
  // The day in the partner's zone from the app's own tz code, not the browser's ICU data.
  const day = todayIn('Europe/Paris', postAt);
  await page.goto(`${plume.origin}/#/calendar/month/${day}`);
  const entry = page.locator(`[data-testid="calendar-entry"][data-entry-id="${post.id}"]`);
  await expect(entry).toHaveClass(/status-(approved|scheduled)/);
  await expect(entry.locator('.status-badge')).toHaveText(/Validé|Programmé/);
  await saveScreenshot(page, 'signoff-approved-calendar-fr');

  // Editing the approved text voids the approval, and says so.
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(panel.getByTestId('signoff-status')).toContainText('Validée');
  await page.getByTestId('post-body').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Et une quatrième.');
  await expect(panel.getByTestId('approval-voided')).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  await expect(page.getByTestId('alert').filter({ hasText: 'le texte a changé après l’approbation' })).toBeVisible();
  await saveScreenshot(page, 'signoff-voided-fr');
});
