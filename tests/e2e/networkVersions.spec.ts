import { expect, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import twitterText from 'twitter-text';
import { todayIn } from '../../shared/calendar/zonedTime';
import { docFromParagraphs } from '../../shared/posts/document';
import { startMailWorkstation } from './support/mailWorkstation';
import type { MailWorkstation } from './support/mailWorkstation';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * Per-network versions end to end, in French, in real Chromium against the browser-mode server:
 * an X version is written in the editor, counted and previewed as X, sent to the partner beside
 * the common LinkedIn text, and editing it after approval voids the approval.
 */
const PARTNER = 'claire.dupont@example.org';

const COMMON =
  'La réforme du droit des contrats change la manière de rédiger vos conventions : imprévision, clauses abusives, devoir d’information. Voici les trois points que chaque dirigeant doit vérifier avant la fin du trimestre, avec des exemples tirés de la jurisprudence récente et nos recommandations.';
const SHORT = 'Réforme des contrats : 3 points à vérifier avant la fin du trimestre.';

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

test('une version X : compteur et aperçu X, e-mail de validation avec les deux textes, modification après approbation qui l’annule', async ({ page }) => {
  await page.goto(plume.url);
  // Onboarding done first: the partner is then created through the API, not the welcome screen.
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await plume.call(page.request, 'mail.save', mail.settings);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr', signoffEmail: PARTNER });
  const postAt = Date.now() + 72 * 3_600_000;
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Réforme du droit des contrats',
    networks: ['linkedin', 'x'],
    content: docFromParagraphs([COMMON]),
    scheduledAt: postAt,
  });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  // The common text is over X's limit.
  await expect(page.locator('.editor-footer').getByTestId('counter-x')).toHaveAttribute('data-over', 'true');

  // The X tab: X receives the common text until a version is created from it.
  await page.getByTestId('version-tab-x').click();
  await expect(page.getByText('X reçoit le texte commun.')).toBeVisible();
  await expect(page.getByTestId('post-body')).toBeHidden();
  await page.getByRole('button', { name: 'Créer une version pour X' }).click();
  const body = page.getByTestId('version-body-x');
  await expect(body).toContainText(COMMON);
  await body.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(SHORT);
  await expect(page.getByTestId('version-tab-x')).toHaveText('X (version propre)');

  // Counted as X counts, for X alone.
  const counter = page.getByTestId('version-editor-x').getByTestId('counter-x');
  await expect(counter).toHaveText(`X ${String(twitterText.parseTweet(SHORT).weightedLength)}/280`);
  await expect(counter).toHaveAttribute('data-over', 'false');
  await expect(page.getByTestId('version-editor-x').getByTestId('counter-linkedin')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 10_000 });

  // The previews: X shows its version, LinkedIn the common text.
  const previews = page.getByTestId('previews-panel');
  await previews.getByRole('tab', { name: /^X$/ }).click();
  await expect(previews.getByTestId('preview-x')).toContainText(SHORT);
  await previews.getByRole('tab', { name: /^LinkedIn$/ }).click();
  await expect(previews.getByTestId('preview-linkedin')).toContainText('La réforme du droit des contrats change');
  await expect(previews.getByTestId('preview-linkedin')).not.toContainText(SHORT);
  await saveScreenshot(page, 'network-version-x-fr');

  // The sign-off request: the email shows each network its own text.
  const panel = page.getByTestId('signoff-panel');
  await panel.getByRole('button', { name: 'Demander la validation' }).click();
  await panel.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(panel.getByTestId('signoff-status')).toHaveText('En attente de validation');
  const sent = await simpleParser((await mail.smtp.message(0, 15_000)).raw);
  const text = sent.text ?? '';
  const x = text.indexOf('Aperçu X');
  expect(text.indexOf('Aperçu LinkedIn')).toBeGreaterThanOrEqual(0);
  expect(x).toBeGreaterThan(text.indexOf('Aperçu LinkedIn'));
  expect(text.slice(text.indexOf('Aperçu LinkedIn'), x)).toContain('La réforme du droit des contrats change');
  expect(text.slice(x)).toContain(SHORT);

  // Approved by phone; the calendar marks X's own version.
  await plume.call(page.request, 'signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: Date.now() });
  await expect(panel.getByTestId('signoff-status')).toContainText('Validée', { timeout: 10_000 });
  await page.goto(`${plume.origin}/#/calendar/month/${todayIn('Europe/Paris', postAt)}`);
  const entry = page.locator(`[data-testid="calendar-entry"][data-entry-id="${post.id}"]`);
  await expect(entry.getByRole('img', { name: 'X (version propre)' })).toBeVisible();
  await expect(entry.getByRole('img', { name: 'LinkedIn', exact: true })).toBeVisible();

  // Editing the X version voids the approval, as editing the body does.
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(panel.getByTestId('signoff-status')).toContainText('Validée');
  await page.getByTestId('version-tab-x').click();
  await page.getByTestId('version-body-x').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Lien en bio.');
  await expect(panel.getByTestId('approval-voided')).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  // The re-request's word diff names X, whose version changed, and X alone.
  const changed = panel.getByTestId('signoff-diff').locator('.signoff-diff');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('strong')).toHaveText('X');
  await expect(changed.locator('ins')).toHaveText('Lien en bio.');
  await saveScreenshot(page, 'network-version-voided-fr');
});

test('« Revenir au texte commun » retire la version X ; restaurer une révision la rétablit', async ({ page }) => {
  await page.goto(plume.url);
  // Onboarding done first: the partner is then created through the API, not the welcome screen.
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  const created = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme', networks: ['linkedin', 'x'], content: docFromParagraphs([COMMON]) });
  const withX = await plume.call(page.request, 'posts.save', { id: created.id, baseVersion: created.version, versions: { x: docFromParagraphs([SHORT]) } });
  const kept = await plume.call(page.request, 'posts.keepRevision', { id: withX.id });

  await page.goto(`${plume.origin}/#/posts/${created.id}`);
  await expect(page.getByTestId('version-tab-x')).toHaveText('X (version propre)');
  await page.getByTestId('version-tab-x').click();
  await expect(page.getByTestId('version-body-x')).toHaveText(SHORT);
  await page.getByRole('button', { name: 'Revenir au texte commun' }).click();
  await expect(page.getByText('X reçoit le texte commun.')).toBeVisible();
  await expect(page.getByTestId('version-tab-x')).toHaveText('X');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 10_000 });
  const previews = page.getByTestId('previews-panel');
  await previews.getByRole('tab', { name: /^X$/ }).click();
  await expect(previews.getByTestId('preview-x')).toContainText('La réforme du droit des contrats change');

  // The revision kept with the version brings it back.
  const target = page.locator(`[data-testid="revision"][data-number="${String(kept.revisionCount)}"]`);
  await target.getByRole('button').first().click();
  await target.getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByTestId('version-tab-x')).toHaveText('X (version propre)');
  await page.getByTestId('version-tab-x').click();
  await expect(page.getByTestId('version-body-x')).toHaveText(SHORT);
  await expect(previews.getByTestId('preview-x')).toContainText(SHORT);

  // And it is what is stored.
  await page.reload();
  await expect(page.getByTestId('version-tab-x')).toHaveText('X (version propre)');
});
