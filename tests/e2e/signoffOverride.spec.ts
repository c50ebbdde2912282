import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { docFromParagraphs } from '../../shared/posts/document';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * Issue 3: a post that breaks the partner's editorial line goes to sign-off only with a
 * justification, and the audit keeps it. The partner has no sign-off address, so the request
 * is recorded without an email (no mail account needed).
 */

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});


/** What this test reads of a request's audit details (the contract keeps them open-ended). */
const RequestDetails = z.object({
  override: z.object({ justification: z.string(), findingIds: z.array(z.string()) }).nullable().optional(),
  findings: z.object({ error: z.number() }).optional(),
});

const MENTION = 'Avocat au barreau de Paris';
const JUSTIFICATION = 'Publication institutionnelle du cabinet, la mention figure sur la page liée.';

test('a post missing the required bar mention goes to sign-off only with a justification, recorded in the audit', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  await plume.call(page.request, 'editorial.savePartnerLine', {
    partnerId: partner.id,
    baseVersion: null,
    line: { rules: [{ kind: 'requiredMention', id: 'mention-barreau', text: MENTION, source: 'RIN art. 10.2' }] },
  });
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner.id,
    title: 'Réforme du droit des contrats',
    networks: ['linkedin'],
    content: docFromParagraphs(['Trois points essentiels sur la réforme du droit des contrats.']),
  });

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(page.getByTestId('post-body')).toBeVisible();
  // The editor already shows the error the request will run into.
  await expect(page.getByTestId('editorial-panel').locator('[data-testid="editorial-counts"] [data-severity="error"]')).toHaveAttribute('data-count', '1');

  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  await panel.getByRole('button', { name: 'Demander la validation' }).click();
  const form = panel.getByTestId('signoff-request-form');
  await expect(form).toContainText(/Ce partenaire n’a pas d’adresse de validation\s*: la demande est enregistrée sans e-mail\./u);

  // First try: core refuses, the form says how many rules are broken and asks for a justification.
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  const override = form.getByTestId('signoff-override');
  await expect(override.getByRole('alert')).toHaveText('Ce texte enfreint 1 règle de la ligne éditoriale.');
  const justification = override.getByLabel('Justification de l’écart (obligatoire, transmise au partenaire)');
  await expect(justification).toBeVisible();
  await expect(justification).toHaveAttribute('required', '');
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');

  // Without a justification: refused again, nothing recorded.
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(override).toContainText('Ce champ est obligatoire.');
  await expect(justification).toHaveAttribute('aria-invalid', 'true');
  await saveScreenshot(page, 'signoff-override-required-fr');
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  const before = await plume.call(page.request, 'signoff.history', { postId: post.id });
  expect(before.filter((entry) => entry.action === 'requestSignoff')).toEqual([]);

  // Only blanks is no justification either.
  await justification.fill('   ');
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(override).toContainText('Ce champ est obligatoire.');

  // With one: the request is made and the audit keeps the justification and the overridden finding.
  await justification.fill(JUSTIFICATION);
  await form.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(panel.getByTestId('signoff-status')).toHaveText('En attente de validation');
  await expect(panel.getByTestId('signoff-status')).toHaveAttribute('data-status', 'in_review');
  await expect(form).toBeHidden();
  await expect(panel.getByTestId('signoff-history').locator('li[data-action="requestSignoff"]')).toContainText(`Écart justifié\u00a0: «\u00a0${JUSTIFICATION}\u00a0»`);
  await saveScreenshot(page, 'signoff-override-recorded-fr');

  const history = await plume.call(page.request, 'signoff.history', { postId: post.id });
  const requests = history.filter((entry) => entry.action === 'requestSignoff');
  expect(requests).toHaveLength(1);
  expect(requests[0]?.toStatus).toBe('in_review');
  const details = RequestDetails.parse(requests[0]?.details);
  expect(details.findings?.error).toBe(1);
  expect(details.override?.justification).toBe(JUSTIFICATION);
  expect(details.override?.findingIds).toHaveLength(1);
});

test('an approval recorded from outside Plume over the line’s errors lists them and asks for the justification, which the month’s report counts as an override', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  await plume.call(page.request, 'editorial.savePartnerLine', {
    partnerId: partner.id,
    baseVersion: null,
    line: { rules: [{ kind: 'forbiddenTopic', id: 'pas-de-politique', severity: 'error', topic: 'politique', terms: ['gouvernement'] }] },
  });
  // Over X's 280 characters (a locked rule), and naming the forbidden topic.
  const text = `Le gouvernement présente la réforme du droit des contrats. ${'Trois points essentiels pour les entreprises. '.repeat(5)}`.trim();
  expect(text.length).toBeGreaterThan(280);
  const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme du droit des contrats', networks: ['linkedin', 'x'], content: docFromParagraphs([text]) });

  // Core refuses the approval without a justification, as it refuses the request.
  await expect(plume.call(page.request, 'signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: Date.now() })).rejects.toThrow(
    /justifiez l’écart pour enregistrer l’approbation|approvalEditorialErrors|editorial rule/u,
  );

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(page.getByTestId('post-body')).toBeVisible();
  const panel = page.getByTestId('signoff-panel');
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  await panel.getByRole('button', { name: 'Enregistrer une décision' }).click();
  const form = panel.getByTestId('signoff-decision-form');

  // The errors, listed before anything is saved: the forbidden topic and X's length.
  const findings = form.getByTestId('signoff-decision-findings');
  await expect(findings).toContainText('Ce texte enfreint 2\u00a0règles de la ligne éditoriale.');
  await expect(findings.locator('li[data-severity="error"]')).toHaveCount(2);
  await expect(findings.locator('li[data-severity="error"][data-rule-id="pas-de-politique"]')).toContainText('gouvernement');
  await expect(findings.locator('li[data-severity="error"]').filter({ hasNotText: 'gouvernement' })).toContainText('X');
  const justification = form.getByLabel('Justification de l’écart (obligatoire)');
  await expect(justification).toBeVisible();

  // Only an approval needs it.
  await form.getByLabel('Modifications demandées').check();
  await expect(justification).toBeHidden();
  await expect(findings.locator('li[data-severity="error"]')).toHaveCount(2);
  await form.getByLabel('Approuvée').check();

  // Without one: nothing recorded.
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(form.getByTestId('signoff-override')).toContainText('Ce champ est obligatoire.');
  await expect(justification).toHaveAttribute('aria-invalid', 'true');
  await expect(justification).toBeFocused();
  await saveScreenshot(page, 'signoff-record-override-required-fr');
  await expect(panel.getByTestId('signoff-status')).toHaveText('Brouillon');
  expect((await plume.call(page.request, 'signoff.history', { postId: post.id })).filter((e) => e.action === 'requestSignoff' || e.action === 'approve')).toEqual([]);

  await justification.fill(JUSTIFICATION);
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(form).toBeHidden();
  await expect(panel.getByTestId('signoff-status')).toHaveAttribute('data-status', 'approved');
  await expect(panel.getByTestId('signoff-history').locator('li[data-action="requestSignoff"]')).toContainText(`Écart justifié\u00a0: «\u00a0${JUSTIFICATION}\u00a0»`);
  const requests = (await plume.call(page.request, 'signoff.history', { postId: post.id })).filter((entry) => entry.action === 'requestSignoff');
  expect(requests).toHaveLength(1);
  const details = RequestDetails.parse(requests[0]?.details);
  expect(details.findings?.error).toBe(2);
  expect(details.override?.justification).toBe(JUSTIFICATION);
  expect(details.override?.findingIds).toHaveLength(2);

  // The month's report lists it among the overrides.
  await page.getByRole('link', { name: 'Rapports' }).click();
  await expect(page.getByRole('heading', { name: 'Rapports mensuels' })).toBeVisible();
  const now = new Date();
  await page.getByTestId('report-month').fill(`${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}`);
  await page.getByTestId('report-partner').selectOption({ label: 'Me Claire Dupont' });
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.getByRole('heading', { level: 1, name: 'Me Claire Dupont' })).toBeVisible();
  await expect(preview.getByText('Aucun passage outre ce mois-ci.')).toHaveCount(0);
  await expect(preview.locator('tr', { hasText: 'Réforme du droit des contrats' }).filter({ hasText: JUSTIFICATION })).toContainText('2');
});
