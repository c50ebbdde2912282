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
