import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * The sign-off panel's forms: a decision is recorded on the text its form was opened on, never
 * on one another tab wrote since; the forms open and close from the keyboard with the focus
 * where it belongs; the « no mail account » notice lays its buttons out readably.
 */
let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });

async function postOf(page: Page, signoffEmail: string): Promise<string> {
  await page.goto(plume.url);
  const claire = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', signoffEmail });
  const post = await plume.call(page.request, 'posts.create', { partnerId: claire.id, title: 'Réforme', networks: ['linkedin'], content: doc('Le juge peut réviser le contrat.') });
  return post.id;
}

async function openPost(page: Page, postId: string): Promise<Locator> {
  await page.goto(`${plume.origin}/#/posts/${postId}`);
  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByTestId('signoff-status')).toBeVisible();
  return panel;
}

test('a decision form opened on version 1 records nothing once another tab changed the text, says so, and keeps what was typed', async ({ context }) => {
  const a = await context.newPage();
  const postId = await postOf(a, '');
  await plume.call(a.request, 'signoff.request', { postId });
  const panel = await openPost(a, postId);
  await expect(panel.getByTestId('signoff-request')).toHaveAttribute('data-state', 'open');
  await panel.getByRole('button', { name: 'Enregistrer une décision' }).click();
  const form = a.getByTestId('signoff-decision-form');
  await form.getByLabel('Approuvée').check();
  await form.getByLabel('Par téléphone').check();
  await form.getByLabel('Commentaire').fill('Validé au téléphone.');

  // Tab B edits the text: the request is void, and A's form is still open on version 1.
  const b = await context.newPage();
  await b.goto(`${plume.origin}/#/posts/${postId}`);
  await b.getByTestId('post-body').click();
  await b.keyboard.press('ControlOrMeta+End');
  await b.keyboard.type(' Ajout de B.');
  await saved(b);
  await expect(panel.getByTestId('signoff-request')).toContainText('Annulée par une modification');

  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(form.getByRole('alert')).toContainText(/Le texte a changé depuis l’ouverture de ce formulaire \(version \d+ → \d+\)\u00a0: rien n’a été enregistré\./);
  await expect(form.getByLabel('Commentaire')).toHaveValue('Validé au téléphone.');
  await expect(form.getByLabel('Approuvée')).toBeChecked();
  for (const page of [a, b]) {
    await expect(page.getByTestId('signoff-status')).toHaveAttribute('data-status', 'draft');
    await expect(page.getByText('Le texte actuel est exactement celui qui a été approuvé.')).toHaveCount(0);
  }
  const status = await plume.call(a.request, 'signoff.status', { postId });
  expect(status.approvedHash).toBeNull();
  expect(status.request?.state).toBe('voided');
});

test('the forms open and close from the keyboard: focus on the first field, Escape closes, the focus goes back to the button', async ({ page }) => {
  const postId = await postOf(page, '');
  const panel = await openPost(page, postId);

  const record = panel.getByRole('button', { name: 'Enregistrer une décision' });
  await record.focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('signoff-decision-form');
  await expect(form.getByLabel('Approuvée')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(record).toBeFocused();

  // « Annuler » from the keyboard: back to the button as well.
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Approuvée')).toBeFocused();
  await form.getByRole('button', { name: 'Annuler' }).focus();
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(record).toBeFocused();

  const ask = panel.getByRole('button', { name: 'Demander la validation' });
  await ask.focus();
  await page.keyboard.press('Enter');
  const request = page.getByTestId('signoff-request-form');
  await expect(request.getByLabel('Échéance (facultatif)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(request).toHaveCount(0);
  await expect(ask).toBeFocused();

  // Nothing was recorded by closing: a decision saved from the keyboard still goes through.
  await record.focus();
  await page.keyboard.press('Enter');
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(panel.getByTestId('signoff-status')).toHaveAttribute('data-status', 'approved');
  await expect(page.locator('body')).not.toBeFocused();
});

/** How many lines a button's words take. */
const lines = (button: Locator): Promise<number> =>
  button.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });

for (const [locale, words] of [
  ['fr-FR', { ask: 'Demander la validation', record: 'Enregistrer une décision prise autrement', settings: 'Ouvrir les Réglages', cancel: 'Annuler', decision: 'Approuvée' }],
  ['en-GB', { ask: 'Request sign-off', record: 'Record a decision taken another way', settings: 'Open Settings', cancel: 'Cancel', decision: 'Approved' }],
] as const) {
  test.describe(locale, () => {
    test.use({ locale, viewport: { width: 1600, height: 1000 } });

    test(`the « no mail account » notice keeps each button on one line, takes the focus, and gives it back (${locale})`, async ({ page }) => {
      const postId = await postOf(page, 'claire.dupont@example.org');
      const panel = await openPost(page, postId);
      const ask = panel.getByRole('button', { name: words.ask });
      await ask.focus();
      await page.keyboard.press('Enter');
      const notice = page.getByTestId('signoff-no-mail-account');
      await expect(notice).toBeVisible();
      // At 1600×1000 the buttons were squeezed into a one-word-wide column.
      for (const control of [notice.getByRole('link', { name: words.settings }), notice.getByRole('button', { name: words.record }), notice.getByRole('button', { name: words.cancel })]) {
        expect(await lines(control)).toBe(1);
      }
      await expect(notice.getByRole('link', { name: words.settings })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(notice).toHaveCount(0);
      await expect(ask).toBeFocused();

      // Through the notice to the decision form, and back to the button that opened the notice.
      await page.keyboard.press('Enter');
      await notice.getByRole('button', { name: words.record }).click();
      const form = page.getByTestId('signoff-decision-form');
      await expect(form.getByLabel(words.decision)).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(form).toHaveCount(0);
      await expect(ask).toBeFocused();
    });
  });
}
