import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createCore } from '../../electron/core/app';
import { createLogger } from '../../electron/core/log';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.afterEach(async () => {
  await plume.stop();
});

const callFromTab = (page: Page, name: string, input: unknown = {}) =>
  page.evaluate(
    async ([procedure, body]) => {
      const response = await fetch(`/api/call/${procedure}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      return response.status;
    },
    [name, JSON.stringify(input)] as const,
  );

const valueFromTab = (page: Page, name: string, input: unknown) =>
  page.evaluate(
    async ([procedure, body]) => {
      const response = await fetch(`/api/call/${procedure}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      return ((await response.json()) as { value: { id: string; version: number } }).value;
    },
    [name, JSON.stringify(input)] as const,
  );

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('after a restart on the same workspace, an open tab goes on: same address, same session', async ({ page }) => {
  plume = await startPlume();
  await page.goto(plume.url);
  await expect(page.getByTestId('online-status')).toBeVisible();
  const origin = plume.origin;
  await plume.stop();
  plume = await startPlume(plume.dataDir);
  expect(plume.origin).toBe(origin);
  expect(await callFromTab(page, 'partners.list')).toBe(200);
  await expect(page.getByTestId('signed-out')).toHaveCount(0);
  // Browser mode logs to plume.log in the workspace, as the README says.
  expect(existsSync(join(plume.dataDir, 'plume.log'))).toBe(true);
});

test('a tab whose session the restarted server no longer knows says so and how to reconnect, never "online"', async ({ page }) => {
  plume = await startPlume();
  await page.goto(plume.url);
  await expect(page.getByTestId('online-status')).toHaveText('En ligne');
  await plume.stop();
  // The secret gone (deleted by hand, say): every session of the earlier launch is refused.
  rmSync(join(plume.dataDir, 'browser-mode-secret'));
  plume = await startPlume(plume.dataDir);
  expect(await callFromTab(page, 'partners.list')).toBe(401);
  await page.getByRole('link', { name: /Partenaires/ }).first().click().catch(() => undefined);
  await expect(page.getByTestId('signed-out')).toContainText('ouvrez le dernier lien affiché dans le terminal');
  await expect(page.getByTestId('online-status')).toHaveCount(0);
  // Reconnecting with a new link brings the tab back, with what is stored.
  await page.goto(plume.url);
  await expect(page.getByTestId('online-status')).toHaveText('En ligne');
});

test('after a restart, an open editor shows what is stored, not the text it had before the outage', async ({ page }) => {
  plume = await startPlume();
  await page.goto(plume.url);
  // The tab's event stream is open (the status bar says so) before data changes behind its back.
  await expect(page.getByTestId('online-status')).toHaveText('En ligne');
  const partner = await valueFromTab(page, 'partners.create', { displayName: 'Me Reprise', timeZone: 'Europe/Paris' });
  const post = await valueFromTab(page, 'posts.create', { partnerId: partner.id, title: 'Reprise', content: doc('Version A') });
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  const body = page.getByTestId('post-body');
  await expect(body).toHaveText('Version A');

  // While Plume is down, the post changes elsewhere (another Plume on the workspace): no event reaches this tab.
  await plume.stop();
  const elsewhere = createCore({ dataDir: plume.dataDir, logger: createLogger({}) });
  const saved = await elsewhere.router.call('posts.save', { id: post.id, baseVersion: post.version, content: doc('Version B') });
  elsewhere.close();
  expect(saved.ok).toBe(true);

  plume = await startPlume(plume.dataDir);
  await expect(body).toHaveText('Version B');
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
});
