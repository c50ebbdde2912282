import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';

/** chattr +i (root writes through chmod 444); these tests need it, as CI has it (root). */
const root = process.getuid?.() === 0;
const refuse = (path: string) => execFileSync('chattr', ['+i', path]);
const allow = (path: string) => execFileSync('chattr', ['-i', path]);

function overwrite(file: string, from: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  for (let at = from; at < statSync(file).size; at += bytes.length) writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

/** A workspace with the example loaded and the backups taken by hand, then closed. */
async function exampleWorkspace(page: Page, backups: number): Promise<string> {
  const plume = await startPlume();
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  for (let i = 0; i < backups; i++) {
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await expect(page.getByText(/^Sauvegarde écrite en (moins d’une seconde|\d+\u00a0s)\.$/)).toBeVisible();
    // Backups are named to the second.
    await page.waitForTimeout(1_100);
  }
  await plume.stop();
  return plume.dataDir;
}

test('a workspace file that refuses writing: a new post says « lecture seule » with the file, the status bar says so, and saving works again once it is writable', async ({ page }) => {
  test.skip(!root, 'needs root for chattr +i');
  const dataDir = await exampleWorkspace(page, 0);
  const file = join(dataDir, 'plume.sqlite');
  refuse(file);
  let allowed = false;
  const plume = await startPlume(dataDir);
  try {
    await page.goto(plume.url);
    await expect(page.getByTestId('workspace-read-only')).toHaveText('Lecture seule\u00a0: rien n’est enregistré');
    await page.getByRole('link', { name: 'Publications' }).click();
    await page.getByTestId('new-post').click();
    await page.getByTestId('new-post-chooser').getByRole('button').first().click();
    await expect(page.locator('.form-error[role=alert]')).toHaveText(
      `Le fichier de l’espace de travail est en lecture seule (${file})\u00a0: rien n’a été enregistré. Rendez-le modifiable (droits du fichier, disque verrouillé)\u00a0; Plume réessaiera tout seul.`,
    );
    await expect(page.getByText('Erreur interne')).toHaveCount(0);

    allow(file);
    allowed = true;
    await expect(page.getByTestId('workspace-read-only')).toHaveCount(0, { timeout: 15_000 });
    await page.getByTestId('new-post').click();
    await page.getByTestId('new-post-chooser').getByRole('button').first().click();
    await expect(page.getByTestId('post-body')).toBeVisible();
  } finally {
    if (!allowed) allow(file);
    await plume.stop();
  }
});

test('a damaged workspace whose newest backup is damaged too offers the newest sound backup, and restoring it brings the work back', async ({ page }) => {
  const dataDir = await exampleWorkspace(page, 2);
  const backups = readdirSync(join(dataDir, 'backups'))
    .filter((name) => name.startsWith('plume-manual-'))
    .sort();
  expect(backups).toHaveLength(2);
  const [older, newest] = backups;
  overwrite(join(dataDir, 'backups', newest ?? ''), 4096, Buffer.alloc(4096, 0x5a));
  overwrite(join(dataDir, 'plume.sqlite'), 0, Buffer.from('garbage garbage!'));
  const plume = await startPlume(dataDir);
  try {
    await page.goto(plume.url);
    const screen = page.getByTestId('workspace-health');
    await expect(screen).toContainText('La sauvegarde la plus récente est endommagée elle aussi\u00a0: la plus récente qui soit saine est proposée.');
    // Unreadable: restoring is the one way offered, and the text says nothing else.
    await expect(screen.getByTestId('health-advice')).toHaveText('Restaurez la sauvegarde proposée\u00a0: c’est la seule façon de retrouver le travail.');
    await expect(screen).not.toContainText('lecture seule');
    await expect(screen.getByRole('button')).toHaveCount(1);
    await screen.getByRole('button', { name: /Restaurer la sauvegarde du/ }).click();
    await expect(screen).toBeHidden();
    await page.getByRole('link', { name: 'Partenaires' }).click();
    await expect(page.getByText('Me Claire Dupont').first()).toBeVisible();
    expect(older).toBeDefined();
  } finally {
    await plume.stop();
  }
});

test('a damaged workspace with no sound backup and an unreadable file offers no button and says so', async ({ page }) => {
  const dataDir = await exampleWorkspace(page, 0);
  overwrite(join(dataDir, 'plume.sqlite'), 0, Buffer.from('garbage garbage!'));
  const plume = await startPlume(dataDir);
  try {
    await page.goto(plume.url);
    const screen = page.getByTestId('workspace-health');
    await expect(screen).toContainText('ne peut pas être ouvert du tout');
    await expect(screen.getByTestId('health-advice')).toContainText('Aucune sauvegarde saine n’est disponible et le fichier ne peut pas être lu');
    await expect(screen).not.toContainText('continuez en lecture seule');
    await expect(screen.getByRole('button')).toHaveCount(0);
  } finally {
    await plume.stop();
  }
});

test('a folder named plume.sqlite: Plume stays up and its page names the path and what to do', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-'));
  const file = join(dataDir, 'plume.sqlite');
  mkdirSync(file);
  const plume = await startPlume(dataDir);
  try {
    await page.goto(plume.url);
    const screen = page.getByTestId('workspace-health');
    await expect(screen).toContainText('Plume ne peut pas ouvrir le fichier de l’espace de travail');
    await expect(screen).toContainText(`${file} est un dossier, pas le fichier de l’espace de travail. Déplacez ou renommez ce dossier`);
    expect(plume.process.exitCode).toBeNull();
  } finally {
    await plume.stop();
  }
});

test('an automatic backup that fails raises an alert, the status bar says so, and Settings › Backups gives the reason', async ({ page }) => {
  test.skip(!root, 'needs root for chattr +i');
  const dataDir = await exampleWorkspace(page, 0);
  const backups = join(dataDir, 'backups');
  mkdirSync(backups, { recursive: true });
  refuse(backups);
  const plume = await startPlume(dataDir);
  try {
    await page.goto(plume.url);
    await expect(page.getByTestId('backup-failed-pill')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('alert-center')).toContainText(`La sauvegarde automatique n’a pas pu être écrite\u00a0: le dossier ${backups} est en lecture seule.`);
    await page.getByTestId('backup-failed-pill').click();
    await expect(page.getByTestId('backup-failure')).toContainText('La dernière sauvegarde automatique');
    await expect(page.getByTestId('backup-failure')).toContainText('le dossier des sauvegardes est en lecture seule');
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await expect(page.getByTestId('backups').getByRole('alert')).toContainText('appuyez de nouveau sur «\u00a0Sauvegarder maintenant\u00a0»');
  } finally {
    allow(backups);
    await plume.stop();
  }
});
