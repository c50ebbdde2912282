import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
// @ts-expect-error -- a plain ES module shared with `npm start`, without type declarations
import { ensureNativeForElectron, ensureNativeForNode } from '../../scripts/native.mjs';
import { newPostInExampleWorkspace } from './support/exampleWorkspace';

/**
 * The desktop shell itself, where Electron's binary exists (it cannot be downloaded on our build
 * machines: there this file reports itself skipped). Runs last (its own Playwright project):
 * better-sqlite3 is rebuilt for Electron's ABI first and for Node's again afterwards.
 */
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binaryPresent = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));

test.skip(!binaryPresent, 'Electron’s binary is not installed on this machine (browser mode is tested instead)');

test.beforeAll(() => {
  const version = (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
  (ensureNativeForElectron as (version: string) => void)(version);
});
test.afterAll(() => {
  (ensureNativeForNode as () => void)();
});

const launch = (dataDir: string): Promise<ElectronApplication> =>
  electron.launch({ args: ['--no-sandbox', '.'], env: { ...process.env, PLUME_DATA_DIR: dataDir, LANG: 'fr_FR.UTF-8' } });

test('the window is hardened, drafts through IPC, and flushes a pending edit when it closes', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-desktop-'));
  let app = await launch(dataDir);
  let page = await app.firstWindow();

  // No Node in the page; only our bridge.
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { plumeBridge?: unknown }).plumeBridge)).toBe('object');
  // Navigation away is refused.
  const url = page.url();
  await page.evaluate(() => {
    globalThis.location.href = 'https://example.org/';
  });
  await expect.poll(() => page.url()).toBe(url);

  await (await newPostInExampleWorkspace(page)).click();
  await page.keyboard.type('Écrit dans la fenêtre de bureau.');
  // Closed at once, before the autosave delay: the shell asks the UI to flush first.
  await app.close();

  app = await launch(dataDir);
  page = await app.firstWindow();
  const texts = await page.evaluate(async () => {
    const bridge = (globalThis as unknown as { plumeBridge: { call(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> } }).plumeBridge;
    const found = await bridge.call('posts.list', { query: 'fenêtre de bureau' });
    const ids = found.ok && Array.isArray(found.value) ? (found.value as { id: string }[]).map((post) => post.id) : [];
    const posts = await Promise.all(ids.map((id) => bridge.call('posts.get', { id })));
    return posts.map((post) => (post.ok ? (post.value as { plainText: string }).plainText : ''));
  });
  expect(texts).toEqual(['Écrit dans la fenêtre de bureau.']);
  await app.close();
});
