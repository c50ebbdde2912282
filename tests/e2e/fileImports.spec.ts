import { expect, test } from '@playwright/test';
import { openDatelessDraft } from './support/datelessDraft';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * Files picked in the UI as users really have them: too large for Plume. Each says what
 * happened and what to do.
 */
let plume: RunningPlume | null = null;
test.afterEach(async () => {
  await plume?.stop();
  plume = null;
});

const MB = 1024 * 1024;
/** ICU puts a no-break space or a narrow one before « Mo »: either is right. */
const sizeText = (text: string | null) => (text ?? '').replace(/\u202f/g, '\u00a0');

test('a file too large for Plume is refused at once, with its size and the limit, wherever it is picked', async ({ page }) => {
  plume = await startPlume();
  // An editorial line of 9 MB (3 MB at most).
  await page.goto(plume.url);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Anne Martin', timeZone: 'Europe/Paris' });
  await page.goto(`${plume.origin}/#/editorial`);
  await page.getByTestId('line-import').setInputFiles({ name: 'ligne.json', mimeType: 'application/json', buffer: Buffer.alloc(9 * MB, 0x20) });
  const lineError = page.locator('.import-export [role="alert"]');
  await expect(lineError).toBeVisible();
  expect(sizeText(await lineError.textContent())).toBe(
    '«\u00a0ligne.json\u00a0» n’a pas été importé\u00a0: Fichier trop volumineux (9\u00a0Mo\u00a0; au plus 3\u00a0Mo)\u00a0: rien n’a été envoyé. Choisissez un fichier plus petit.',
  );

  // A phone photo of 9.1 MB in « Ajouter une image » (5 MB at most).
  await openDatelessDraft(page, plume, { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  const panel = page.getByTestId('publication-panel');
  await panel.locator('.publication-media input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.alloc(Math.round(9.1 * MB)) });
  await expect(panel.getByRole('alert')).toBeVisible();
  expect(sizeText(await panel.getByRole('alert').textContent())).toBe('Fichier trop volumineux (9,1\u00a0Mo\u00a0; au plus 5\u00a0Mo)\u00a0: rien n’a été envoyé. Choisissez un fichier plus petit.');

  // LinkedIn's export of 6 MB (5 MB at most), on the partner's page.
  await page.goto(`${plume.origin}/#/partners/${partner.id}`);
  await page.getByTestId('linkedin-import-file').setInputFiles({ name: 'top-posts.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * MB, 0x41) });
  const importError = page.locator('.engagement-import [role="alert"]');
  await expect(importError).toBeVisible();
  expect(sizeText(await importError.textContent())).toBe('Fichier trop volumineux (6\u00a0Mo\u00a0; au plus 5\u00a0Mo)\u00a0: rien n’a été envoyé. Choisissez un fichier plus petit.');
});
