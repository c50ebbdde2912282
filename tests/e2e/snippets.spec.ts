import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;

test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const DISCLOSURE = 'Avocate au barreau de Paris';
const SIGNATURE = 'Claire Dupont, avocate associée';

/** A partner whose line requires the firm's bar disclosure, locked in the editor. */
async function seed(page: Page): Promise<{ partnerId: string }> {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  const disclosure = await plume.call(page.request, 'snippets.create', { partnerId: null, fields: { kind: 'signature', name: 'Mention du barreau', text: DISCLOSURE } });
  await plume.call(page.request, 'editorial.savePartnerLine', {
    partnerId: partner.id,
    baseVersion: null,
    line: { rules: [{ kind: 'requiredSnippet', id: 'mention-barreau', snippetId: disclosure.id, text: DISCLOSURE, lockInEditor: true }] },
  });
  return { partnerId: partner.id };
}

const body = (page: Page) => page.getByTestId('post-body');

/** Critical or serious axe violations inside one part of the page. */
async function violations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode().include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('un extrait du partenaire s’insère au raccourci ; la mention obligatoire verrouillée s’insère par la correction et résiste à Retour arrière', async ({ page }) => {
  const { partnerId } = await seed(page);

  // The partner's snippet, created on the partner's page.
  await page.goto(`${plume.origin}/#/partners/${partnerId}`);
  const section = page.getByTestId('partner-snippets');
  await expect(section.getByRole('heading', { name: 'Extraits de ce partenaire' })).toBeVisible();
  await section.getByRole('button', { name: 'Ajouter un extrait' }).click();
  await section.getByLabel('Nom').fill('Signature');
  await section.getByLabel('Texte').fill(SIGNATURE);
  await section.getByLabel('Raccourci').selectOption({ label: 'Ctrl+Maj+2' });
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(section.getByTestId('snippet-card')).toContainText(SIGNATURE);
  expect(await violations(page, '[data-testid="partner-snippets"]')).toEqual([]);

  const post = await plume.call(page.request, 'posts.create', { partnerId, title: 'Réforme des contrats', networks: ['linkedin'] });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(body(page)).toBeVisible();

  // Its own shortcut inserts it at the caret.
  await body(page).click();
  await page.keyboard.type('Bonne lecture. ');
  await page.keyboard.press('ControlOrMeta+Shift+Digit2');
  await expect(body(page)).toContainText(`Bonne lecture. ${SIGNATURE}`);

  // The picker: Ctrl+Space opens it at the caret, the partner's snippet first, typing filters, Escape closes.
  await page.keyboard.press('Control+Space');
  const picker = page.getByRole('dialog', { name: 'Insérer un extrait' });
  const options = picker.getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText('Signature');
  await expect(page.getByRole('combobox', { name: 'Filtrer les extraits' })).toBeFocused();
  expect(await violations(page, '[data-testid="snippet-picker"]')).toEqual([]);
  await page.keyboard.type('barreau');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(body(page)).toBeFocused();
  // Enter inserts the highlighted one where the caret was.
  await page.keyboard.type(' — ');
  await page.getByTestId('snippet-picker-open').click();
  await page.keyboard.type('signa');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(body(page)).toContainText(`Bonne lecture. ${SIGNATURE} — ${SIGNATURE}`);

  // The required disclosure is missing: the finding's quick fix inserts it, locked (once the
  // panel has linted the text as it is now, so the fix is the current text's).
  await expect(page.getByTestId('counter-linkedin')).toHaveText(`LinkedIn ${`Bonne lecture. ${SIGNATURE} — ${SIGNATURE}`.length}/3\u202f000`);
  const finding = page.locator('[data-testid="editorial-finding"][data-rule-id="mention-barreau"]');
  await expect(finding).toContainText(/Extrait obligatoire absent\s*:\s*«\s*Avocate au barreau de Paris\s*»/u);
  await finding.getByRole('button', { name: /Insérer\s*«\s*Avocate au barreau de Paris\s*»/u }).click();
  const locked = body(page).getByTestId('snippet-node');
  await expect(locked).toHaveText(DISCLOSURE);
  await expect(finding).toHaveCount(0);

  // Selected, Backspace does not delete it, and says why; nor with the caret right after it.
  await locked.click();
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('snippet-locked-notice')).toHaveText(/verrouillé par la ligne éditoriale\s*:\s*il ne peut être ni modifié ni supprimé/u);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(locked).toHaveText(DISCLOSURE);
  await expect(body(page).locator('p').first()).toHaveText(`Bonne lecture. ${SIGNATURE} — ${SIGNATURE}`);
  await expect(page.getByTestId('snippet-locked-notice')).toBeVisible();

  // Saved as a snippet node and sent as its text.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
  const stored = await plume.call(page.request, 'posts.get', { id: post.id });
  expect(stored.plainText).toBe(`Bonne lecture. ${SIGNATURE} — ${SIGNATURE}\n${DISCLOSURE}`);
  await page.reload();
  await expect(body(page).getByTestId('snippet-node')).toHaveText(DISCLOSURE);
});

test('un extrait du cabinet créé dans les réglages devient une mention exigée et verrouillée par la ligne éditoriale', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  await page.goto(`${plume.origin}/#/settings`);
  const section = page.getByTestId('firm-snippets');
  await section.getByRole('button', { name: 'Ajouter un extrait' }).click();
  await section.getByLabel('Nom').fill('Mention du barreau');
  await section.getByLabel('Texte').fill('');
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  // The empty text is named in French and nothing is saved.
  await expect(section.getByText('Ce champ est obligatoire.')).toBeVisible();
  await section.getByLabel('Texte').fill(DISCLOSURE);
  await section.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(section.getByTestId('snippet-card')).toContainText(DISCLOSURE);
  const [snippet] = await plume.call(page.request, 'snippets.list', { partnerId: null });

  await page.goto(`${plume.origin}/#/editorial`);
  await page.getByLabel('Nouvelle règle').selectOption({ label: 'Extrait obligatoire' });
  await page.getByRole('button', { name: 'Ajouter la règle' }).click();
  await page.getByTestId('required-snippet-choice').selectOption({ label: `Mention du barreau — ${DISCLOSURE}` });
  await expect(page.getByTestId('required-snippet-lock')).toBeChecked();
  await page.getByTestId('save-line').click();
  await expect(page.getByTestId('line-message')).toHaveText(/Version 2 enregistrée\./u);
  const line = await plume.call(page.request, 'editorial.firmLine', {});
  expect(line.rules.find((rule) => rule.kind === 'requiredSnippet')).toMatchObject({ snippetId: snippet?.id, text: DISCLOSURE, lockInEditor: true, networks: [] });

  // The snippet edited afterwards: the rule says it still asks for the old text, and takes the new one on request.
  await plume.call(page.request, 'snippets.update', { id: snippet?.id ?? '', fields: { kind: 'signature', name: 'Mention du barreau', text: 'Avocate au barreau de Lyon' } });
  await page.reload();
  await expect(page.getByTestId('required-snippet-stale')).toContainText(/la ligne exige encore\s*«\s*Avocate au barreau de Paris\s*»/u);
  await page.getByRole('button', { name: 'Reprendre le texte actuel' }).click();
  await page.getByTestId('save-line').click();
  await expect(page.getByTestId('line-message')).toHaveText(/Version 3 enregistrée\./u);
  const updated = await plume.call(page.request, 'editorial.firmLine', {});
  expect(updated.rules.find((rule) => rule.kind === 'requiredSnippet')).toMatchObject({ text: 'Avocate au barreau de Lyon' });
});

test('la mention verrouillée copiée dans la version X y reste verrouillée, et Ctrl+Espace dans la version n’insère rien dans le texte commun', async ({ page }) => {
  const { partnerId } = await seed(page);
  const snippets = await plume.call(page.request, 'snippets.list', { partnerId, includeFirm: true });
  const disclosure = snippets.find((s) => s.text === DISCLOSURE);
  if (!disclosure) throw new Error('disclosure not seeded');
  const post = await plume.call(page.request, 'posts.create', {
    partnerId,
    title: 'Réforme des contrats',
    networks: ['linkedin', 'x'],
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Bonne lecture.' }] },
        { type: 'paragraph', content: [{ type: 'snippet', attrs: { snippetId: disclosure.id, text: DISCLOSURE, locked: true } }] },
      ],
    },
  });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(body(page).getByTestId('snippet-node')).toHaveText(DISCLOSURE);

  // The X version starts as a copy of the common text, the locked disclosure with it.
  await page.getByTestId('version-tab-x').click();
  await page.getByRole('button', { name: 'Créer une version pour X' }).click();
  const version = page.getByTestId('version-body-x');
  const locked = version.getByTestId('snippet-node');
  await expect(locked).toHaveText(DISCLOSURE);

  await locked.click();
  await page.keyboard.press('Backspace');
  const editor = page.getByTestId('version-editor-x');
  await expect(editor.getByTestId('snippet-locked-notice')).toHaveText(/verrouillé par la ligne éditoriale\s*:\s*il ne peut être ni modifié ni supprimé/u);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(locked).toHaveText(DISCLOSURE);

  // Ctrl+Space here opens no picker, and the common text is untouched.
  await page.keyboard.press('Control+Space');
  await expect(page.getByRole('dialog', { name: 'Insérer un extrait' })).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
  const stored = await plume.call(page.request, 'posts.get', { id: post.id });
  expect(stored.plainText).toBe(`Bonne lecture.\n${DISCLOSURE}`);
  expect(stored.versions.x?.plainText).toBe(`Bonne lecture.\n${DISCLOSURE}`);
});
