import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import { newPostInExampleWorkspace } from './support/exampleWorkspace';

function overwritePages(file: string, pages: number[]): void {
  const fd = openSync(file, 'r+');
  const junk = Buffer.alloc(4096, 0x5a);
  for (const page of pages) writeSync(fd, junk, 0, junk.length, page * 4096);
  closeSync(fd);
}

test('a damaged workspace file stops Plume with a screen naming it; restoring the latest backup brings the work back', async ({ page }) => {
  let plume = await startPlume();
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Charger l’espace d’exemple' }).click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(page.getByText(/^Sauvegarde écrite en (moins d’une seconde|\d+\u00a0s)\.$/)).toBeVisible();
  await plume.stop();

  const file = join(plume.dataDir, 'plume.sqlite');
  const pages = statSync(file).size / 4096;
  overwritePages(file, [pages - 2, pages - 4, pages - 6]);

  plume = await startPlume(plume.dataDir);
  try {
    await page.goto(plume.url);
    const screen = page.getByTestId('workspace-health');
    await expect(screen).toContainText('Le fichier de l’espace de travail est endommagé');
    await expect(screen).toContainText(file);
    // The restore's answer is held on the wire: core has swapped the file in and says so, but
    // until the answer (and the pages' fresh reads) the screen stays, saying what is going on.
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/call/backups.restore', async (route) => {
      const response = await route.fetch();
      await answered;
      await route.fulfill({ response });
    });
    await screen.getByRole('button', { name: /Restaurer la sauvegarde du/ }).click();
    await expect.poll(async () => (await plume.call(page.request, 'workspace.health', {})).status, { timeout: 15_000 }).toBe('ok');
    await page.waitForTimeout(1_000);
    await expect(screen).toBeVisible();
    await expect(screen.getByTestId('restoring')).toHaveText('Restauration de la sauvegarde en cours… Plume la vérifie et rouvre l’espace de travail.');
    await expect(screen.getByRole('button', { name: /Restaurer la sauvegarde du/ })).toBeDisabled();
    answer();
    await expect(screen).toBeHidden();
    await page.getByRole('link', { name: 'Partenaires' }).click();
    await expect(page.getByText('Me Claire Dupont').first()).toBeVisible();
    // The restore is itself reversible: the damaged file is listed as kept before the restore.
    await page.getByRole('link', { name: 'Réglages' }).click();
    await expect(page.locator('[data-testid="backup-row"][data-kind="beforeRestore"]')).toHaveCount(1);
  } finally {
    await plume.stop();
  }
});

// A real full disk: a small tmpfs (root only; CI runs as root), filled up by the test. Not 2 MB:
// a new workspace's WAL and its first automatic backup take 1.5 MB before the example is loaded,
// and under load that backup could come late enough to fill the disk before the test did.
const mountPoint = mkdtempSync(join(tmpdir(), 'plume-e2e-full-'));
let mountProblem: string | null = null;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  execFileSync('umount', [mountPoint]);
} catch (error) {
  mountProblem = `cannot mount an 8 MB tmpfs here (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)})`;
}

test('on a full disk the editor says so, keeps the text, and saves it once there is room', async ({ page }) => {
  test.skip(mountProblem !== null, mountProblem ?? '');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
  const dataDir = join(mountPoint, 'workspace');
  mkdirSync(dataDir);
  const plume = await startPlume(dataDir);
  const filler = join(mountPoint, 'filler');
  try {
    await page.goto(plume.url);
    const body = await newPostInExampleWorkspace(page);
    await body.click();
    await page.keyboard.type('Avant le disque plein. ');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');

    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(16 * 1024, 1));
    } catch {
      // ENOSPC: the disk is full.
    } finally {
      closeSync(fd);
    }
    const paragraph = 'Texte long pendant que le disque est plein. '.repeat(60);
    // A save that fits in the space the WAL file already holds still succeeds (a checkpoint lets
    // the next writes reuse it): text goes on coming until a save needs more room than is left.
    await expect(async () => {
      await page.keyboard.insertText(paragraph.repeat(4));
      await expect(page.getByTestId('save-status')).toContainText('Le disque est plein', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(body).toContainText('Texte long pendant que le disque est plein.');
    // The whole sentence is on screen (it was cut at « réessaiera tout seu… »).
    const status = page.getByTestId('save-status');
    expect(await status.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= (element.parentElement?.getBoundingClientRect().right ?? 0) + 1)).toBe(true);

    // Room comes back: the filler goes and the disk grows, as a user frees more than the bare need.
    // The filler alone may not be enough: the checkpoint that lets the WAL start over first copies
    // its pages into the file, which grows by as much (seen: 400 KB freed, 400 KB taken, full again).
    rmSync(filler);
    execFileSync('mount', ['-o', 'remount,size=32m', mountPoint]);
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'clean');
    await page.reload();
    await expect(page.getByTestId('post-body')).toContainText('Texte long pendant que le disque est plein.');
  } finally {
    rmSync(filler, { force: true });
    await plume.stop();
    execFileSync('umount', [mountPoint]);
  }
});
