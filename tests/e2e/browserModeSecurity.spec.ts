import { expect, test } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
test.beforeAll(async () => {
  plume = await startPlume();
});
test.afterAll(async () => {
  await plume.stop();
});

test('without the launch token the browser gets 401 and no UI', async ({ page }) => {
  const response = await page.goto(plume.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.locator('#root')).toHaveCount(0);
  const api = await page.request.post(`${plume.origin}/api/call/partners.list`, { data: {} });
  expect(api.status()).toBe(401);
});

test('with the token, a request from a foreign Origin is refused with 403', async ({ page }) => {
  await page.goto(plume.url);
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Plume' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  const own = await page.request.post(`${plume.origin}/api/call/partners.list`, { data: {}, headers: { Origin: plume.origin } });
  expect(own.status()).toBe(200);
  const foreign = await page.request.post(`${plume.origin}/api/call/partners.list`, { data: {}, headers: { Origin: 'http://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['access-control-allow-origin']).toBeUndefined();
});

test('the link opens the app in one document load, at the route it names, and its spent token leaves the address bar', async ({ page }) => {
  const documents: number[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') documents.push(response.status());
  });
  const settingsLink = page.getByRole('navigation', { name: 'Plume' }).getByRole('link', { name: 'Réglages' });
  await page.goto(`${plume.url}#/settings`);
  await expect(settingsLink).toHaveAttribute('aria-current', 'page');
  expect(documents).toEqual([200]);
  expect(page.url()).toBe(`${plume.origin}/#/settings`);
  // Reloaded: the session cookie answers, no link needed.
  await page.reload();
  await expect(settingsLink).toHaveAttribute('aria-current', 'page');
  expect(documents).toEqual([200, 200]);
});

test('a page on another origin cannot read the API (no CORS), even from the same machine', async ({ page }) => {
  await page.goto(plume.url);
  // about:blank has an opaque origin: the fetch must fail, not leak data.
  const blank = await page.context().newPage();
  const outcome = await blank.evaluate(async (origin) => {
    try {
      const r = await fetch(`${origin}/api/call/partners.list`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' }, credentials: 'include' });
      return `read ${r.status}`;
    } catch {
      return 'blocked';
    }
  }, plume.origin);
  expect(outcome).toBe('blocked');
});
