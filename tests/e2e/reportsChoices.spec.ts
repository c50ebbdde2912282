import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import { seedScenario } from '../integration/reports/seed';
import { createTestCore } from '../support/testCore';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * What the Rapports page lets the user pick: an archived partner's own month (the export of
 * every partner already wrote his file and the summary counted him, yet the picker left him
 * out), the report's language (it used to come only in the partner's), and what an export that
 * cannot write says. October 2026 of tests/support/reportScenario.ts; James Whitfield (London,
 * English) archived in November.
 */
let plume: RunningPlume;
let parisId = '';
let londonId = '';
test.beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-report-choices-'));
  const t = createTestCore(dataDir);
  const seeded = await seedScenario(t);
  parisId = seeded.paris.id;
  londonId = seeded.london.id;
  await t.call('partners.setArchived', { id: seeded.london.id, archived: true });
  seeded.db.close();
  t.close();
  plume = await startPlume(dataDir);
});
test.afterEach(async () => {
  await plume.stop();
});

async function openReports(page: Page): Promise<void> {
  await page.goto(plume.url);
  await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
  await page.getByRole('link', { name: 'Rapports' }).click();
  await expect(page.getByRole('heading', { name: 'Rapports mensuels' })).toBeVisible();
  await page.getByTestId('report-month').fill('2026-10');
}

async function downloadOf(page: Page, testId: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return download;
}

test('offers a partner archived after the month, marked archived, with his own report', async ({ page }) => {
  await openReports(page);
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.getByText('Synthèse — 3 partenaires')).toBeVisible();
  // As many partners to pick as the summary counts.
  await expect(page.getByTestId('report-partner').locator('option')).toHaveCount(1 + 3);
  await page.getByTestId('report-partner').selectOption({ label: 'James Whitfield KC (archivé)' });
  await expect(preview.getByRole('heading', { level: 1, name: 'James Whitfield KC' })).toBeVisible();
  const csv = await downloadOf(page, 'report-export-csv');
  expect(csv.suggestedFilename()).toBe(`plume-report-2026-10-james-whitfield-kc-${londonId.slice(0, 8)}.csv`);
  // A month he was archived before is not his: he is not offered there.
  await page.getByTestId('report-month').fill('2027-01');
  await expect(page.getByTestId('report-partner').locator('option')).toHaveCount(1 + 2);
  await expect(page.getByTestId('report-partner')).toHaveValue('all');
});

test('says which language a partner’s report will be in, and writes it in the one chosen', async ({ page }) => {
  await openReports(page);
  await page.getByTestId('report-partner').selectOption({ label: 'Me Claire Dupont' });
  const said = page.getByTestId('report-language-said');
  await expect(said).toHaveText('Le rapport sera en français, la langue du partenaire.');
  await expect(page.getByTestId('report-language')).toHaveValue('fr');

  await page.getByTestId('report-language').selectOption('en');
  await expect(said).toHaveText('Le rapport sera en anglais (le partenaire écrit en français).');
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.locator('tr', { hasText: 'Drafts created' }).first()).toBeVisible();
  const csv = await downloadOf(page, 'report-export-csv');
  expect(csv.suggestedFilename()).toBe(`plume-report-2026-10-me-claire-dupont-${parisId.slice(0, 8)}.csv`);
  const path = test.info().outputPath(csv.suggestedFilename());
  await csv.saveAs(path);
  expect(readFileSync(path, 'utf8').split('\r\n')[0]).toContain('action_label');

  // Another partner comes in his own language until told otherwise.
  await page.getByTestId('report-partner').selectOption({ label: 'James Whitfield KC (archivé)' });
  await expect(page.getByTestId('report-language')).toHaveValue('en');
  await expect(said).toHaveText('Le rapport sera en anglais, la langue du partenaire.');
  await page.getByTestId('report-language').selectOption('fr');
  await expect(preview.locator('tr', { hasText: 'Brouillons créés' }).first()).toBeVisible();
  const html = await downloadOf(page, 'report-export-html');
  expect(html.suggestedFilename()).toBe(`plume-rapport-2026-10-james-whitfield-kc-${londonId.slice(0, 8)}.html`);
});

test('an export of every partner that cannot write says where and why, and how many files were written', async ({ page }) => {
  // A file where the exports folder should be: no retry can work, so the message must say so.
  const exports = join(plume.dataDir, 'exports');
  writeFileSync(exports, 'not a folder');
  await openReports(page);
  await page.getByTestId('report-all-format').selectOption('html');
  await page.getByTestId('report-export-all').click();
  await expect(page.getByTestId('report-progress')).toHaveAttribute('data-state', 'failed', { timeout: 10_000 });
  await expect(page.getByTestId('report-message')).toHaveText(
    `L’export s’est interrompu après 0 fichier. ${exports} n’est pas un dossier (c’est un fichier)\u00a0: rien n’a été écrit. Choisissez un dossier, ou déplacez ce fichier.`,
  );
});
