import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
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

async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${plume.origin}/api/call/${name}`, { data: input, headers: { Origin: plume.origin } });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

interface HistoryEntry {
  action: string;
  toStatus: string | null;
  details: { override?: { justification: string; findingIds: string[] } | null; findings?: { error: number } };
}

const MENTION = 'Avocat au barreau de Paris';
const JUSTIFICATION = 'Publication institutionnelle du cabinet, la mention figure sur la page liée.';

test('a post missing the required bar mention goes to sign-off only with a justification, recorded in the audit', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await call<{ id: string }>(page, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris', locale: 'fr' });
  await call(page, 'editorial.savePartnerLine', {
    partnerId: partner.id,
    baseVersion: null,
    line: { rules: [{ kind: 'requiredMention', id: 'mention-barreau', text: MENTION, source: 'RIN art. 10.2' }] },
  });
  const post = await call<{ id: string }>(page, 'posts.create', {
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
  const before = await call<HistoryEntry[]>(page, 'signoff.history', { postId: post.id });
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

  const history = await call<HistoryEntry[]>(page, 'signoff.history', { postId: post.id });
  const requests = history.filter((entry) => entry.action === 'requestSignoff');
  expect(requests).toHaveLength(1);
  expect(requests[0]?.toStatus).toBe('in_review');
  expect(requests[0]?.details.findings?.error).toBe(1);
  expect(requests[0]?.details.override?.justification).toBe(JUSTIFICATION);
  expect(requests[0]?.details.override?.findingIds).toHaveLength(1);
});
