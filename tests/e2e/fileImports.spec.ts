import { expect, test } from '@playwright/test';
import { openDatelessDraft } from './support/datelessDraft';
import { approvedManualLinkedinPost } from './support/manualLinkedinPost';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * Files picked in the UI as users really have them: too large for Plume, saved by an older
 * Windows program, re-saved by French Excel. Each says what happened and what to do.
 */
let plume: RunningPlume | null = null;
test.afterEach(async () => {
  await plume?.stop();
  plume = null;
});

const MB = 1024 * 1024;
/** ICU puts a no-break space or a narrow one before « Mo »: either is right. */
const sizeText = (text: string | null) => (text ?? '').replace(/\u202f/g, '\u00a0');

/** Text as Windows-1252 bytes (what Notepad saves): Latin-1, and the few characters it puts at 80–9F. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '—': 0x97, '’': 0x92, '…': 0x85, '€': 0x80 };
  return Buffer.from(Array.from(text, (char) => special[char] ?? (char.charCodeAt(0) <= 0xff ? char.charCodeAt(0) : 0x3f)));
}

test('an editorial line saved in Windows-1252 is imported with its accents, and says it was read that way', async ({ page }) => {
  plume = await startPlume();
  await page.goto(plume.url);
  await plume.call(page.request, 'partners.create', { displayName: 'Me Claire Dupont', timeZone: 'Europe/Paris' });
  const exported = await plume.call(page.request, 'editorial.export', { partnerId: null });
  const file = JSON.parse(exported.json) as { line: { name: string } };
  file.line.name = 'Ligne éditoriale modifiée — été';
  await page.goto(`${plume.origin}/#/editorial`);
  await page.getByTestId('line-import').setInputFiles({ name: 'ligne.json', mimeType: 'application/json', buffer: windows1252(JSON.stringify(file, null, 2)) });
  const section = page.locator('.import-export');
  await expect(section.getByRole('status')).toHaveText('«\u00a0ligne.json\u00a0» importé.');
  await expect(page.getByTestId('line-import-notice')).toHaveText(/^Ce fichier n’était pas en UTF-8\u00a0: Plume l’a lu en Windows-1252/);
  const stored = await plume.call(page.request, 'editorial.firmLine', {});
  expect(stored.name).toBe('Ligne éditoriale modifiée — été');
});

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

test('LinkedIn’s export re-saved by French Excel, dates reading both ways: Plume asks how to read them, then lists the post each row went to', async ({ page }) => {
  // Core's clock: Thursday 5 November 2026, 09:00 in Paris.
  const start = Date.parse('2026-11-05T08:00:00Z');
  plume = await startPlume(undefined, { PLUME_CLOCK_START: new Date(start).toISOString() });
  const { partnerId, postId } = await approvedManualLinkedinPost(page, plume, 1_000, start);
  await expect
    .poll(async () => (await plume?.call(page.request, 'publishing.status', { postId }))?.publications[0]?.state, { timeout: 20_000 })
    .toBe('awaiting_manual');
  // Published by hand with a share link, which the export never names: matched by its day only.
  await plume.call(page.request, 'publishing.manualDone', { postId, network: 'linkedin', url: 'https://www.linkedin.com/feed/update/urn:li:share:7390000000000000005/' });

  const url = 'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001';
  const csv = ['Maximum of 50 posts available to include in this list', '', 'Post URL;Post publish date;Engagements;;Post URL;Post publish date;Impressions', `${url};05/11/2026;42;;${url};05/11/2026;1358`].join('\r\n');
  await page.goto(`${plume.origin}/#/partners/${partnerId}`);
  const panel = page.getByTestId('partner-engagement');
  await panel.getByTestId('linkedin-import-file').setInputFiles({ name: 'TOP POSTS.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') });

  const result = panel.getByTestId('linkedin-import-result');
  await expect(result.getByRole('status')).toHaveText('0 ligne rapprochée d’une publication.');
  await expect(result.getByTestId('linkedin-import-unmatched').locator('tbody tr td').last()).toHaveText(
    '«\u00a005/11/2026\u00a0» peut être le 11 mai 2026 ou le 5 nov. 2026\u00a0: choisissez ci-dessus comment lire les dates.',
  );
  const ask = result.getByTestId('linkedin-import-ask');
  await expect(ask).toContainText('rien n’a été enregistré pour elle');
  await ask.getByRole('button', { name: 'Jour/mois/année («\u00a005/11/2026\u00a0» = 5 nov. 2026)' }).click();

  await expect(result.getByRole('status')).toHaveText('1 ligne rapprochée d’une publication. Dates lues jour/mois/année.');
  const matched = result.getByTestId('linkedin-import-matched');
  await expect(matched.locator('tbody tr td')).toHaveText([url, '5 nov. 2026', '1358', '42', /^Contrats · 5 nov\. 2026/, 'son jour']);
  await expect(matched.getByRole('link', { name: 'Contrats' })).toHaveAttribute('data-route', `#/posts/${postId}`);
  await expect(result.getByTestId('linkedin-import-unmatched')).toHaveCount(0);
});
