import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { eachCallAlone } from './support/apiRequests';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume();
});
test.afterEach(async () => {
  await plume.stop();
});

const postId = (page: Page) => new URL(page.url()).hash.replace('#/posts/', '');

test('Ctrl+Alt+N makes a post from any page, for the partner in context, with the caret in its title', async ({ page }) => {
  await page.goto(plume.url);
  // Dana sorts first: a new post must not land on her unless she is the one in context.
  const dana = await plume.call(page.request, 'partners.create', { displayName: 'Dana Whitaker', timeZone: 'America/Toronto', locale: 'en' });
  const claire = await plume.call(page.request, 'partners.create', {
    displayName: 'Me Claire Dupont',
    timeZone: 'Europe/Paris',
    defaultNetworks: ['linkedin', 'bluesky'],
  });
  const youssef = await plume.call(page.request, 'partners.create', { displayName: 'Youssef Benali', timeZone: 'Africa/Casablanca' });
  await page.reload();
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');

  // From the calendar, nobody in context yet: Plume asks for whom, then opens the post there.
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await page.keyboard.press('Control+Alt+N');
  const chooser = page.getByTestId('new-post-chooser');
  await expect(chooser.getByRole('heading', { name: 'Pour quel partenaire\u00a0?' })).toBeVisible();
  // Each partner's colour sits beside their name, on its line, as in the lists.
  const choice = chooser.getByRole('button', { name: 'Me Claire Dupont' });
  const swatch = await choice.locator('.swatch').boundingBox();
  const button = await choice.boundingBox();
  expect(swatch && button ? Math.abs(swatch.y + swatch.height / 2 - (button.y + button.height / 2)) : Infinity).toBeLessThan(3);
  await choice.click();
  await expect(page).toHaveURL(/#\/posts\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Titre de travail')).toBeFocused();
  await expect(page.getByTestId('post-partner')).toHaveValue(claire.id);
  const first = await plume.call(page.request, 'posts.get', { id: postId(page) });
  expect(first).toMatchObject({ partnerId: claire.id, networks: ['linkedin', 'bluesky'] });

  // From the partners page: made at once, on Claire (the last one used), title focused.
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await page.keyboard.press('Control+Alt+N');
  await expect(page).not.toHaveURL(new RegExp(`${first.id}$`));
  await expect(page).toHaveURL(/#\/posts\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Titre de travail')).toBeFocused();
  await page.keyboard.type('Bail commercial');
  const second = await plume.call(page.request, 'posts.get', { id: postId(page) });
  expect(second.partnerId).toBe(claire.id);

  // The partner filter of the list is the context: a new post there is Youssef's.
  await page.getByRole('combobox', { name: 'Partenaire' }).first().selectOption(youssef.id);
  await page.getByTestId('new-post').click();
  await expect(page).not.toHaveURL(new RegExp(`${second.id}$`));
  await expect(page.getByLabel('Titre de travail')).toBeFocused();
  expect((await plume.call(page.request, 'posts.get', { id: postId(page) })).partnerId).toBe(youssef.id);
  const posts = await plume.call(page.request, 'posts.list', {});
  expect(posts.filter((p) => p.partnerId === dana.id)).toEqual([]);
});

test('the partner form offers a colour nobody has, and the pack proposes “Avocate” for Madame, saving nothing before “Enregistrer”', async ({ page }) => {
  await page.goto(plume.url);
  await plume.call(page.request, 'partners.create', { displayName: 'Dana Whitaker', timeZone: 'America/Toronto', locale: 'en' });
  await page.reload();
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await page.getByRole('button', { name: /Nouveau partenaire/ }).click();
  await expect(page.getByLabel('Couleur')).not.toHaveValue('#4f46e5');
  await page.getByLabel('Nom affiché').fill('Me Claire Dupont');
  await page.getByLabel('Fuseau horaire (ville)').fill('Europe/Paris');
  await page.getByLabel('Forme d’adresse').selectOption('madame');
  await page.getByTestId('partner-default-networks').locator('label', { hasText: 'LinkedIn' }).click();
  await expect(page.getByTestId('partner-default-networks').getByLabel('LinkedIn')).toBeChecked();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const card = page.getByTestId('partner-card').filter({ hasText: 'Me Claire Dupont' });
  await expect(card).toBeVisible();
  const claire = (await plume.call(page.request, 'partners.list', {})).find(
    (p) => p.displayName === 'Me Claire Dupont',
  );
  expect(claire).toMatchObject({ color: '#c2410c', formOfAddress: 'madame', defaultNetworks: ['linkedin'] });
  if (claire === undefined) throw new Error('Me Claire Dupont was not saved');

  await card.getByRole('link', { name: 'Ligne éditoriale' }).click();
  await expect(page.getByLabel('Mention du barreau')).toHaveValue('Avocate au barreau de Paris');
  await page.getByRole('button', { name: 'Appliquer le pack Avocats (France)' }).click();
  await expect(page.locator('[data-testid="rule-card"][data-rule-id="avocats-fr.bar-mention"]')).toBeVisible();
  expect(await plume.call(page.request, 'editorial.versions', { partnerId: claire.id })).toEqual([]);
  await page.getByTestId('save-line').click();
  await expect(page.getByTestId('line-message')).toHaveText('Version 1 enregistrée.');
  expect(await plume.call(page.request, 'editorial.versions', { partnerId: claire.id })).toHaveLength(1);
});

test('a new post asked for while the partner list is still being read after loading the example waits for it, and asks for whom', async ({ page }) => {
  await eachCallAlone(page);
  await page.goto(plume.url);
  await expect(page.getByRole('button', { name: 'Charger l’espace d’exemple' })).toBeVisible();
  // From now on the partner list is slow to come: the cached one is the empty list of the welcome screen.
  let open: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (open = resolve));
  await page.route('**/api/call/partners.list', async (route) => {
    await released;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Publications' }).click();
  await page.getByTestId('new-post').click();
  await page.waitForTimeout(300);
  // Before: « Créez d’abord un partenaire », three partners on the way.
  await expect(page.getByText('Créez d’abord un partenaire pour rédiger en son nom.')).toHaveCount(0);
  open();
  const chooser = page.getByTestId('new-post-chooser');
  await expect(chooser.getByRole('button', { name: /Me Claire Dupont/ })).toBeVisible();
  await expect(page.getByText('Créez d’abord un partenaire pour rédiger en son nom.')).toHaveCount(0);
});
