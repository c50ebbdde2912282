import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlumeAtHome } from './support/plumeServer';

test('a first start on a machine that never ran Plume creates its workspace folder and opens', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'plume-home-'));
  const plume = await startPlumeAtHome(home);
  try {
    expect(plume.dataDir).toBe(join(home, '.config', 'Plume'));
    await page.goto(plume.url);
    await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
    await page.getByRole('link', { name: 'Partenaires' }).click();
    await expect(page.getByText('Me Claire Dupont').first()).toBeVisible();
    expect(existsSync(join(plume.dataDir, 'plume.sqlite'))).toBe(true);
  } finally {
    await plume.stop();
    rmSync(home, { recursive: true, force: true });
  }
});
