import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { eachCallAlone } from './support/apiRequests';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import '../support/nodeZoneData';

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume(undefined, { PLUME_CLOCK_START: '2026-06-01T08:00:00Z' });
});
test.afterEach(async () => {
  await plume.stop();
});

const chip = (page: Page, id: string) => page.locator(`[data-testid="calendar-entry"][data-entry-id="${id}"]`);

async function emptyWorkspace(page: Page) {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
}

/** A partner in Paris with posts at the given instants, titled by `title(i)`. */
async function postsAt(page: Page, instants: string[], title: (i: number) => string = (i) => `Publication n° ${i}`) {
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const ids: string[] = [];
  for (const [i, at] of instants.entries()) ids.push((await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: title(i), scheduledAt: Date.parse(at) })).id);
  return { partner, ids };
}

/** Seven posts on Wednesday 10 June 2026 (Paris), one an hour from 08:00: three more than a month cell draws. */
const busyDay = Array.from({ length: 7 }, (_, i) => `2026-06-10T${String(6 + i).padStart(2, '0')}:00:00Z`);

test('a busy day’s « +3 autres » in the month is a button that shows the day’s other posts', async ({ page }) => {
  await emptyWorkspace(page);
  const { ids } = await postsAt(page, busyDay);
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  const more = page.getByRole('button', { name: 'Afficher 3 autres publications, mercredi 10 juin 2026' });
  await expect(more).toHaveText('+3 autres');
  await expect(chip(page, ids[6] ?? '')).toHaveCount(0);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/calendar\/agenda\/2026-06-10$/);
  await expect(chip(page, ids[6] ?? '')).toBeVisible();
});

test('a search hit hidden behind « +N » in the month is shown, highlighted and focused', async ({ page }) => {
  await emptyWorkspace(page);
  const { ids } = await postsAt(page, busyDay, (i) => (i === 6 ? 'Réforme du droit des contrats' : `Publication n° ${i}`));
  const found = ids[6] ?? '';
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('contrats');
  await page.getByTestId('search-hit').first().click();
  await expect(chip(page, found)).toHaveClass(/highlighted/);
  await expect(chip(page, found)).toBeInViewport();
  await expect(chip(page, found).locator('.entry-handle')).toBeFocused();
});

test('a search hit hidden behind « +N autres » in a week’s hour is shown, highlighted and focused', async ({ page }) => {
  await emptyWorkspace(page);
  // Four posts at 16:00 (Paris) on the 10th: the hour cell draws two.
  const at = ['2026-06-10T14:00:00Z', '2026-06-10T14:10:00Z', '2026-06-10T14:20:00Z', '2026-06-10T14:30:00Z'];
  const { ids } = await postsAt(page, at, (i) => (i === 3 ? 'Réforme du droit des contrats' : `Publication n° ${i}`));
  const found = ids[3] ?? '';
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-01`);
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('contrats');
  await page.getByTestId('search-hit').first().click();
  await expect(page).toHaveURL(/#\/calendar\/week\/2026-06-10$/);
  await expect(chip(page, found)).toHaveClass(/highlighted/);
  await expect(chip(page, found)).toBeInViewport();
  await expect(chip(page, found).locator('.entry-handle')).toBeFocused();
});

test('while a month is read, it says it is loading and claims no « aucune alerte »', async ({ page }) => {
  await eachCallAlone(page);
  await emptyWorkspace(page);
  await postsAt(page, busyDay);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/call/calendar.days', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await page.reload();
  const loading = page.getByTestId('period-loading');
  await expect(loading).toHaveText('Chargement de la période…');
  await expect(page.getByTestId('view-month')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByText('Aucune alerte sur cette période.')).toHaveCount(0);
  release();
  await expect(page.getByTestId('calendar-entry').first()).toBeVisible();
  await expect(loading).toHaveCount(0);
  await expect(page.getByTestId('warnings-panel')).toBeVisible();
});

/** The top of `locator` relative to the calendar's scrolling region's top. */
async function topInRegion(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const region = document.querySelector('.calendar-view');
    const el = document.querySelector(sel);
    if (!region || !el) return Number.NaN;
    return el.getBoundingClientRect().top - region.getBoundingClientRect().top;
  }, selector);
}

/** A small window, 24 posts on Wednesday 10 June and nine partners: every view scrolls. */
async function tallViews(page: Page) {
  await page.setViewportSize({ width: 900, height: 520 });
  await emptyWorkspace(page);
  await postsAt(page, Array.from({ length: 24 }, (_, i) => `2026-06-10T${String(4 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00Z`));
  for (let i = 0; i < 8; i++) await plume.call(page.request, 'partners.create', { displayName: `Me Associé ${i}`, timeZone: 'Europe/Paris' });
  return page.locator('.calendar-view');
}

test('the month’s weekday row stays in view as the month scrolls', async ({ page }) => {
  const region = await tallViews(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await expect(page.getByTestId('calendar-entry').first()).toBeVisible();
  await region.evaluate((el) => el.scrollBy(0, 300));
  expect(Math.abs(await topInRegion(page, '.month-weekdays'))).toBeLessThan(2);
});

test('the lanes’ day row stays in view as they scroll down, the partners’ names as they scroll across', async ({ page }) => {
  const region = await tallViews(page);
  await page.goto(`${plume.origin}/#/calendar/lanes/2026-06-08`);
  await expect(page.getByTestId('lane').first()).toBeVisible();
  await region.evaluate((el) => el.scrollBy(200, 400));
  expect(Math.abs(await topInRegion(page, '.lane.header'))).toBeLessThan(2);
  const nameLeft = await page.evaluate(() => {
    const box = document.querySelector('.calendar-view')?.getBoundingClientRect();
    const name = document.querySelector('[data-testid="lane"] .lane-name')?.getBoundingClientRect();
    return box && name ? name.left - box.left : Number.NaN;
  });
  expect(Math.abs(nameLeft)).toBeLessThan(2);
});

test('the agenda keeps the day it is scrolled into at its top', async ({ page }) => {
  const region = await tallViews(page);
  await page.goto(`${plume.origin}/#/calendar/agenda/2026-06-10`);
  await expect(page.getByTestId('calendar-entry').first()).toBeVisible();
  await region.evaluate((el) => el.scrollBy(0, 700));
  const current = page.getByTestId('agenda-current-day');
  await expect(current).toHaveText(/mercredi 10 juin 2026/);
  await expect(current).toBeInViewport();
  expect(Math.abs(await topInRegion(page, '[data-testid="agenda-current-day"]'))).toBeLessThan(2);
});

test('the week says how many posts come before the hour it opens at, and shows them on a click', async ({ page }) => {
  await emptyWorkspace(page);
  // 02:30, 03:00 and 04:00 in Paris, and one at 10:00.
  const { ids } = await postsAt(page, ['2026-06-10T00:30:00Z', '2026-06-11T01:00:00Z', '2026-06-12T02:00:00Z', '2026-06-10T08:00:00Z']);
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-08`);
  await expect(chip(page, ids[3] ?? '')).toBeInViewport();
  await expect(chip(page, ids[0] ?? '')).not.toBeInViewport();
  const early = page.getByRole('button', { name: /^3\spublications avant 0\d:00/ });
  await early.click();
  await expect(chip(page, ids[0] ?? '')).toBeInViewport();
  await expect(early).toHaveCount(0);
});

test('printing the month prints its whole grid and none of the app around it', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 500 });
  await emptyWorkspace(page);
  await postsAt(page, busyDay);
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await expect(page.getByTestId('calendar-entry').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.locator('footer.status-bar')).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' })).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(page.locator('aside.unscheduled')).toBeHidden();
  await expect(page.getByTestId('calendar-heading')).toBeVisible();
  const weeks = page.locator('.month-week');
  expect(await weeks.count()).toBeGreaterThanOrEqual(5);
  for (const week of await weeks.all()) await expect(week).toBeVisible();
  // Nothing of the grid is clipped by a scroll box: every box around it is as tall as what it holds.
  const clipped = await page.evaluate(() => {
    const out: string[] = [];
    for (let el = document.querySelector('.month-view')?.parentElement ?? null; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible') out.push(el.className || el.tagName);
    }
    return out;
  });
  expect(clipped).toEqual([]);
});

test('a search hit in a partner’s lane far down the lanes is scrolled to, highlighted and focused', async ({ page }) => {
  await tallViews(page);
  const last = await plume.call(page.request, 'partners.create', { displayName: 'Me Zuber', timeZone: 'Europe/Paris' });
  const found = await plume.call(page.request, 'posts.create', { partnerId: last.id, title: 'Réforme du droit des contrats', scheduledAt: Date.parse('2026-06-10T10:00:00Z') });
  await page.goto(`${plume.origin}/#/calendar/lanes/2026-06-08`);
  await expect(page.getByTestId('lane').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('contrats');
  await page.getByTestId('search-hit').first().click();
  await expect(chip(page, found.id)).toHaveClass(/highlighted/);
  await expect(chip(page, found.id)).toBeInViewport();
  await expect(chip(page, found.id).locator('.entry-handle')).toBeFocused();
});

test('a search hit at the end of a busy day in the agenda is scrolled to, highlighted and focused', async ({ page }) => {
  await tallViews(page);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Zuber', timeZone: 'Europe/Paris' });
  for (let i = 0; i < 16; i++) await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: `Chronique n° ${i}`, scheduledAt: Date.parse('2026-06-10T16:00:00Z') + i * 60_000 });
  const found = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme du droit des contrats', scheduledAt: Date.parse('2026-06-10T20:00:00Z') });
  await page.goto(`${plume.origin}/#/calendar/agenda/2026-06-01`);
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('contrats');
  await page.getByTestId('search-hit').first().click();
  await expect(page).toHaveURL(/#\/calendar\/agenda\/2026-06-10$/);
  await expect(chip(page, found.id)).toHaveClass(/highlighted/);
  await expect(chip(page, found.id)).toBeInViewport();
  await expect(chip(page, found.id).locator('.entry-handle')).toBeFocused();
});
