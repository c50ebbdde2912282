import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlume, startPlumeAtHome } from './support/plumeServer';

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

test('a wrong PLUME_PORT stops the start with a sentence saying what it should be, and leaves the workspace unlocked', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-'));
  try {
    await expect(startPlume(dataDir, { PLUME_PORT: 'huit mille' })).rejects.toThrow('PLUME_PORT="huit mille" is not a port number from 1 to 65535, or unset for a free port.');
    expect(existsSync(join(dataDir, 'plume.lock'))).toBe(false);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a PLUME_PORT another program holds is named as taken, with the way out, and the workspace is left unlocked', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-'));
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const { port } = other.address() as AddressInfo;
  try {
    await expect(startPlume(dataDir, { PLUME_PORT: String(port) })).rejects.toThrow(
      `Port ${String(port)} (PLUME_PORT) is already in use on 127.0.0.1: another Plume or another program holds it. Choose another port, or unset PLUME_PORT to let Plume pick a free one.`,
    );
    expect(existsSync(join(dataDir, 'plume.lock'))).toBe(false);
    // The next try, on a free port, opens the same workspace.
    const plume = await startPlume(dataDir);
    await plume.stop();
  } finally {
    await new Promise((resolve) => other.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a user who started with an empty workspace can still load the example from Settings, and remove it there', async ({ page }) => {
  const plume = await startPlume();
  try {
    await page.goto(plume.url);
    await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
    await page.getByRole('link', { name: 'Réglages' }).click();
    const section = page.getByTestId('example-section');
    await section.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
    await expect(section.getByTestId('example-message')).toHaveText('Espace d’exemple chargé\u00a0: ses partenaires et ses brouillons sont dans Partenaires et Publications.');
    await expect(page.getByTestId('example-banner')).toBeVisible();
    await page.getByRole('link', { name: 'Partenaires' }).click();
    await expect(page.getByText('Me Claire Dupont').first()).toBeVisible();

    await page.getByRole('link', { name: 'Réglages' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await section.getByRole('button', { name: 'Supprimer les données d’exemple' }).click();
    await expect(section.getByRole('button', { name: 'Charger l’espace d’exemple' })).toBeVisible();
    await expect(section.getByTestId('example-message')).toHaveText('Données d’exemple supprimées. Vos propres publications sont gardées.');
    await expect(page.getByTestId('example-banner')).toBeHidden();
  } finally {
    await plume.stop();
  }
});
