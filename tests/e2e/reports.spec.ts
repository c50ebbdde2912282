import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { seedScenario } from '../integration/reports/seed';
import { createTestCore } from '../support/testCore';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';

/**
 * The monthly report from the UI, against the real browser-mode server: the workspace is the
 * October 2026 of tests/support/reportScenario.ts (two partners, Paris and London, figures
 * worked out by hand in the unit and integration tests), written before the server starts.
 */
let plume: RunningPlume;
let parisId = '';
test.beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-reports-'));
  const t = createTestCore(dataDir);
  const seeded = await seedScenario(t);
  parisId = seeded.paris.id;
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

async function downloadOf(page: Page, testId: string): Promise<{ download: Download; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return { download, path };
}

test('previews a partner’s month and downloads it as CSV and PDF', async ({ page }) => {
  await openReports(page);
  await page.getByTestId('report-partner').selectOption({ label: 'Me Claire Dupont' });

  // The preview is the report itself, in its sandboxed frame.
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.getByRole('heading', { level: 1, name: 'Me Claire Dupont' })).toBeVisible();
  await expect(preview.locator('tr', { hasText: 'Brouillons créés' }).first()).toContainText(/5\s*2\s*\+3/);
  await expect(preview.getByText('3 sur 5 échéances')).toBeVisible();

  const csv = await downloadOf(page, 'report-export-csv');
  expect(csv.download.suggestedFilename()).toBe(`plume-rapport-2026-10-me-claire-dupont-${parisId.slice(0, 8)}.csv`);
  const raw = readFileSync(csv.path, 'utf8');
  expect(raw.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<Record<string, string>>(raw.slice(1), { header: true, delimiter: ';', skipEmptyLines: true });
  expect(rows.errors).toEqual([]);
  expect(rows.data).toHaveLength(29);
  await expect(page.getByTestId('report-message')).toContainText(csv.download.suggestedFilename());

  const pdf = await downloadOf(page, 'report-export-pdf');
  expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(text).toMatch(/Brouillons créés 5 2 \+3/);

  await saveScreenshot(page, 'reports-preview-fr');
});

test('exports every partner with a progress bar that reaches 100 %', async ({ page }) => {
  await openReports(page);
  await expect(page.frameLocator('[data-testid="report-preview"]').getByText('Synthèse — 3 partenaires')).toBeVisible();
  await page.getByTestId('report-all-format').selectOption('pdf');
  await page.getByTestId('report-export-all').click();

  const progress = page.getByTestId('report-progress');
  await expect(progress).toBeVisible();
  // Three partners and the summary: four files.
  await expect(progress.locator('progress')).toHaveAttribute('value', '4', { timeout: 30_000 });
  await expect(progress.locator('progress')).toHaveAttribute('max', '4');
  await expect(progress).toContainText('4 sur 4 (100 %)');
  await expect(progress).toHaveAttribute('data-state', 'done');
  const folder = join(plume.dataDir, 'exports', 'plume-rapports-2026-10');
  await expect(page.getByTestId('report-message')).toHaveText(`4 fichiers enregistrés dans ${folder}`);
  const files = readdirSync(folder);
  expect(files).toHaveLength(4);
  for (const file of files) {
    expect(readFileSync(join(folder, file)).subarray(0, 5).toString()).toBe('%PDF-');
  }
  await saveScreenshot(page, 'reports-export-all-fr');
});

test('cancels an export of all partners between two files, keeping those written', async ({ page }) => {
  await openReports(page);
  // Twelve more partners, so the export lasts long enough to be cancelled half-way.
  for (let i = 1; i <= 12; i++) {
    const response = await page.request.post(`${plume.origin}/api/call/partners.create`, {
      data: { displayName: `Me Associé ${String(i)}`, timeZone: 'Europe/Paris' },
      headers: { Origin: plume.origin },
    });
    expect(response.ok()).toBe(true);
  }
  await page.reload();
  await page.getByTestId('report-month').fill('2026-10');
  await expect(page.getByTestId('report-partner').locator('option')).toHaveCount(1 + 15);
  await page.getByTestId('report-all-format').selectOption('pdf');
  await page.getByTestId('report-export-all').click();

  const progress = page.getByTestId('report-progress');
  await expect(progress).toContainText(/^[1-9]\d* sur 16/);
  await page.getByTestId('report-cancel').click();
  await expect(progress).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
  await expect(page.getByTestId('report-cancel')).toHaveCount(0);
  const message = page.getByTestId('report-message');
  await expect(message).toContainText('Export annulé');
  const written = Number(/(\d+) fichiers? déjà/.exec((await message.textContent()) ?? '')?.[1]);
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(16);
  expect(readdirSync(join(plume.dataDir, 'exports', 'plume-rapports-2026-10'))).toHaveLength(written);
  await expect(progress.locator('progress')).toHaveAttribute('value', String(written));
});
