import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { partnerInput } from '../support/partnerInput';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const body = (page: Page) => page.getByTestId('post-body');
const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean', { timeout: 5000 });

async function createPartner(page: Page, name = 'Me Claire Dupont', zone = 'Europe/Paris') {
  await page.getByLabel('Nom affiché').fill(name);
  await page.getByLabel('Fuseau horaire (ville)').fill(zone);
  await page.getByLabel('Adresse e-mail de validation').fill('claire.dupont@example.org');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('partner-card').filter({ hasText: name })).toBeVisible();
}

test('a first launch offers onboarding; invalid partner input is refused in French and nothing is half-saved', async ({ page }) => {
  await page.goto(plume.url);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Plume' })).toBeVisible();
  await saveScreenshot(page, 'onboarding-fr');
  await page.getByRole('button', { name: 'Créer mon premier partenaire' }).click();

  await page.getByLabel('Fuseau horaire (ville)').fill('Europe/Atlantis');
  await page.getByLabel('Adresse e-mail de validation').fill('claire@');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('error-displayName')).toHaveText('Ce champ est obligatoire.');
  await expect(page.getByTestId('error-timeZone')).toHaveText('Fuseau horaire inconnu : tapez une ville (Paris, Montréal, Londres) ou un fuseau (Europe/Paris).');
  await expect(page.getByTestId('error-signoffEmail')).toHaveText('Adresse e-mail invalide.');
  const stored = await page.request.post(`${plume.origin}/api/call/partners.list`, { data: { includeArchived: true }, headers: { Origin: plume.origin } });
  expect(((await stored.json()) as { value: unknown[] }).value).toEqual([]);

  await page.getByLabel('Nom affiché').fill('Me Yasmine Benali');
  await page.getByLabel('Fuseau horaire (ville)').fill('Africa/Casablanca');
  await page.getByLabel('Adresse e-mail de validation').fill('yasmine@example.org');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('partner-card')).toContainText('Casablanca — Heure locale');

  // Archiving says first what it holds back: here one approved post with a date, set to go out.
  const [partner] = await plume.call(page.request, 'partners.list', {});
  const post = await plume.call(page.request, 'posts.create', {
    partnerId: partner?.id ?? '',
    title: 'Réforme',
    networks: ['linkedin'],
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trois points sur la réforme.' }] }] },
    scheduledAt: Date.now() + 86_400_000,
  });
  await plume.call(page.request, 'signoff.recordDecision', { postId: post.id, decision: 'approve', channel: 'phone', decidedAt: Date.now() });
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Archiver' }).click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain('Archiver Me Yasmine Benali\u202f? Sa publication programmée ne partira pas\u00a0: elle redevient «\u00a0Validée\u00a0»');
  await expect(page.getByTestId('partner-card')).toHaveCount(1);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Archiver' }).click();
  await expect(page.getByTestId('partner-card')).toHaveCount(0);
  await page.getByLabel('Afficher les partenaires archivés').check();
  await expect(page.getByTestId('partner-card')).toContainText('Archivé');
});

test('a draft with bold text and a list survives a reload exactly; an older revision can be restored', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Créer mon premier partenaire' }).click();
  await createPartner(page);
  await saveScreenshot(page, 'partners-fr');

  await page.getByRole('link', { name: 'Publications' }).click();
  await page.getByTestId('new-post').click();
  await page.getByLabel('Titre de travail').fill('Réforme du droit des contrats');
  await body(page).click();
  await page.keyboard.type('Première version.');
  await saved(page);
  // Autosaves keep the post current; a version is kept when asked (the button, or Ctrl+S), a pause or leaving.
  await page.getByRole('button', { name: 'Enregistrer une version' }).click();
  await expect(page.getByTestId('revision').first()).toContainText('Première version.');
  const firstDraft = await page.getByTestId('revision').count();

  // Back to the end of the text (the button took the focus).
  await body(page).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Trois points ');
  const boldButton = page.getByRole('toolbar', { name: 'Format' }).getByRole('button', { name: 'Gras' });
  await expect(boldButton).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('essentiels');
  // The toolbar follows the caret's formats while typing (read after each keystroke's frame).
  await expect(boldButton).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ControlOrMeta+b');
  await expect(boldButton).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- imprévision');
  await page.keyboard.press('Enter');
  await page.keyboard.type('clauses abusives');
  await saved(page);
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('revision').first()).toContainText('Trois points essentiels');

  const html = await body(page).innerHTML();
  expect(html).toContain('<strong>essentiels</strong>');
  expect(html).toMatch(/<ul><li><p>imprévision<\/p><\/li><li><p>clauses abusives<\/p><\/li><\/ul>/);
  await saveScreenshot(page, 'editor-fr');

  await page.reload();
  await expect(body(page)).toBeVisible();
  expect(await body(page).innerHTML()).toBe(html);
  await expect(page.getByLabel('Titre de travail')).toHaveValue('Réforme du droit des contrats');

  // Restore the revision that held "Première version." alone.
  const revisions = page.getByTestId('revision');
  expect(await revisions.count()).toBeGreaterThan(firstDraft);
  const target = page.locator(`[data-testid="revision"][data-number="${firstDraft}"]`);
  await target.getByRole('button').first().click();
  await target.getByRole('button', { name: 'Restaurer' }).click();
  await expect(body(page)).toHaveText('Première version.');
  await expect(page.getByTestId('revision').first()).toContainText(`restaurée depuis la version ${firstDraft}`);
  await page.reload();
  await expect(body(page)).toHaveText('Première version.');
});

test('a long history lists its newest page, loads older versions on demand and restores one of them', async ({ page }) => {
  await page.goto(plume.url);
  const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  const partner = await plume.call(page.request, 'partners.create', partnerInput());
  let post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Historique long', content: paragraph('Texte 1') });
  // 60 revisions: more than the panel's first page of 50.
  for (let n = 2; n <= 60; n++) {
    post = await plume.call(page.request, 'posts.save', { id: post.id, baseVersion: post.version, content: paragraph(`Texte ${n}`) });
    await plume.call(page.request, 'posts.keepRevision', { id: post.id });
  }

  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(body(page)).toHaveText('Texte 60');
  const revisions = page.getByTestId('revision');
  await expect(revisions).toHaveCount(50);
  await expect(revisions.first()).toHaveAttribute('data-number', '60');
  await page.getByRole('button', { name: 'Versions plus anciennes' }).click();
  await expect(revisions).toHaveCount(60);
  await expect(page.getByRole('button', { name: 'Versions plus anciennes' })).toHaveCount(0);

  const target = page.locator('[data-testid="revision"][data-number="3"]');
  await target.getByRole('button').first().click();
  await expect(target.locator('pre')).toHaveText('Texte 3');
  await target.getByRole('button', { name: 'Restaurer' }).click();
  await expect(body(page)).toHaveText('Texte 3');
  await expect(revisions.first()).toHaveAttribute('data-number', '61');
  await expect(revisions.first()).toContainText('restaurée depuis la version 3');
  // The older versions loaded stay listed after the refresh of the first page.
  await expect(revisions).toHaveCount(61);
});

test('pasting hostile HTML keeps bold, italic, lists and links, and nothing else', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Créer mon premier partenaire' }).click();
  await createPartner(page);
  await page.getByRole('link', { name: 'Publications' }).click();
  await page.getByTestId('new-post').click();
  await body(page).click();

  const hostile = `
    <html><head><style>p { color: red }</style><script>window.__pwned = 1</script></head><body>
    <b style="font-weight:normal;" id="docs-internal-guid-1234">
      <p><span style="font-weight:700">Gras Google Docs</span> et <span style="font-style:italic">italique</span></p>
    </b>
    <p class="MsoNormal" style="mso-margin-top-alt:auto">Texte <b>Word</b> <i>ici</i><o:p></o:p></p>
    <p class="MsoListParagraphCxSpFirst"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>premier point</p>
    <p class="MsoListParagraphCxSpLast"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>second point</p>
    <p><img src="x" onerror="window.__pwned = 2"><img src="data:image/png;base64,iVBORw0KGgo="></p>
    <p onclick="window.__pwned = 3" style="background:url(javascript:alert(1))">Un <a href="javascript:alert(1)">faux lien</a> et un
      <a href="https://www.cnb.avocat.fr/" onmouseover="window.__pwned = 4" style="color:red">vrai lien</a></p>
    <table class="MsoTableGrid"><tr><td><p class="MsoNormal"><b>Délai</b><o:p></o:p></p></td><td><p class="MsoNormal">30 jours</p></td></tr>
      <tr><td><p class="MsoNormal">Recours</p></td><td><p class="MsoNormal">médiation</p><p class="MsoNormal">puis arbitrage</p></td></tr></table>
    <table><thead><tr><th>Taux</th><th>Année</th></tr></thead><tbody><tr><td>3,5 %</td><td>2026</td></tr><tr><td></td><td></td></tr></tbody></table>
    <iframe src="https://evil.example"></iframe><svg onload="window.__pwned = 5"><circle r="1"/></svg>
    </body></html>`;
  await body(page).evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, hostile);

  const html = await body(page).innerHTML();
  expect(html).toContain('<strong>Gras Google Docs</strong>');
  expect(html).toContain('<em>italique</em>');
  expect(html).toContain('<strong>Word</strong>');
  expect(html).toMatch(/<ul><li><p>premier point<\/p><\/li><li><p>second point<\/p><\/li><\/ul>/);
  expect(html).toMatch(/<a [^>]*href="https:\/\/www\.cnb\.avocat\.fr\/"[^>]*>vrai lien<\/a>/);
  expect(html).toContain('faux lien');
  // Tables: a line per row, cells apart (they ran together: « Délai30 jours »), empty rows dropped.
  expect(html).toContain('<p><strong>Délai</strong> – 30 jours</p>');
  expect(html).toMatch(/<p>Recours – *médiation +puis arbitrage<\/p>/);
  expect(html).toContain('<p>Taux – Année</p><p>3,5 % – 2026</p>');
  for (const forbidden of ['<script', 'onerror', 'onclick', 'onmouseover', 'onload', 'javascript:', 'style=', '<img', 'data:image', '<iframe', '<svg', 'Gras Google Docs</strong> et <strong']) {
    expect(html).not.toContain(forbidden);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  await saved(page);
  const postId = new URL(page.url()).hash.split('/')[2] ?? '';
  const stored = await page.request.post(`${plume.origin}/api/call/posts.get`, { data: { id: postId }, headers: { Origin: plume.origin } });
  const text = await stored.text();
  for (const forbidden of ['script', 'onerror', 'javascript:', 'data:image', 'mso-']) expect(text).not.toContain(forbidden);
});

test('the example workspace loads and goes in one click; the UI speaks English when asked', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Publications' }).click();
  await expect(page.getByTestId('example-banner')).toBeVisible();
  await expect(page.getByTestId('post-item')).toHaveCount(4);

  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByTestId('ui-language').selectOption('en');
  await page.getByRole('link', { name: 'Partners' }).click();
  await expect(page.getByRole('heading', { name: 'Partners' })).toBeVisible();
  await expect(page.getByTestId('partner-card')).toHaveCount(3);
  await expect(page.getByTestId('partner-card').filter({ hasText: 'Casablanca' })).toContainText('Local time');
  await saveScreenshot(page, 'partners-en');

  await page.getByRole('link', { name: 'Posts' }).click();
  await page.getByTestId('post-item').first().click();
  await expect(page.getByTestId('post-body')).toBeVisible();
  await expect(page.getByText('Internal note')).toBeVisible();
  await saveScreenshot(page, 'editor-en');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove example data' }).click();
  await expect(page.getByTestId('example-banner')).toHaveCount(0);
  await expect(page.getByTestId('post-item')).toHaveCount(0);
});

test('keyboard shortcuts: new post, save, search', async ({ page }) => {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Publications' }).click();
  await expect(page.getByTestId('post-item')).toHaveCount(4);
  await page.keyboard.press('ControlOrMeta+Alt+n');
  // Three partners and none in context yet: Plume asks for whom before making the post.
  await page.getByTestId('new-post-chooser').getByRole('button').first().click();
  await expect(page.getByTestId('post-item')).toHaveCount(5);
  await expect(page.getByLabel('Titre de travail')).toBeFocused();
  await body(page).click();
  await page.keyboard.type('Texte enregistré par raccourci');
  await page.keyboard.press('ControlOrMeta+s');
  await saved(page);
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByRole('dialog').getByRole('searchbox').fill('OHADA');
  await page.getByRole('dialog').getByRole('button', { name: /Arbitrage OHADA/ }).click();
  await expect(page.getByLabel('Titre de travail')).toHaveValue('Arbitrage OHADA\u202f: calendrier 2027');
});

test('a title pasted longer than 200 characters keeps its first 200, and the editor says the end was left out', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Créer mon premier partenaire' }).click();
  await createPartner(page);
  await page.getByRole('link', { name: 'Publications' }).click();
  await page.getByTestId('new-post').click();
  const title = page.getByLabel('Titre de travail');
  const long = `Réforme du droit des contrats ${'et ses suites '.repeat(40)}`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), long);
  await title.click();
  await page.keyboard.press('Control+V');
  await expect(title).toHaveValue(long.slice(0, 200));
  await expect(page.getByRole('status').filter({ hasText: 'Le titre est limité à 200\u00a0caractères' })).toBeVisible();
  await saved(page);
});
