import { expect, test } from '@playwright/test';
import { offsetInTable } from '../../shared/time/zoneTable';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

/**
 * Partner times come from core's tz data, not the browser's. The browser here is made to
 * disagree on purpose, the way Debian's Chromium does: its Intl puts Africa/Casablanca at
 * UTC+0 all year, while Node's tz data (core's) has UTC+1 outside Ramadan. On 2027-01-20 an
 * 11:00 Paris post is 11:00 in Casablanca; the browser alone would say 10:00.
 * The community manager sits in Toronto, so the partner's time is shown beside their own.
 * (The page's clock is not faked: Playwright's fake Date breaks @date-fns/tz's TZDate.)
 */
test.use({ timezoneId: 'America/Toronto' });

let plume: RunningPlume;
test.beforeEach(async () => {
  plume = await startPlume(undefined, { PLUME_CLOCK_START: '2027-01-19T09:00:00Z' });
});
test.afterEach(async () => {
  await plume.stop();
});

/** Runs in the page before Plume: every Intl.DateTimeFormat asked for Casablanca answers for UTC instead. */
function casablancaAtUtcAllYear(): void {
  const Original = Intl.DateTimeFormat;
  const patched = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    const fixed = options?.timeZone === 'Africa/Casablanca' ? { ...options, timeZone: 'UTC' } : options;
    return new Original(locales, fixed);
  } as unknown as typeof Intl.DateTimeFormat;
  Object.defineProperty(patched, 'prototype', { value: Original.prototype });
  Object.defineProperty(patched, 'supportedLocalesOf', { value: Original.supportedLocalesOf.bind(Original) });
  Intl.DateTimeFormat = patched;
}

const POST_AT = Date.parse('2027-01-20T10:00:00Z'); // 11:00 in Paris, 11:00 in Casablanca, 05:00 in Toronto

test('shows a Casablanca partner’s times from core’s tz data when the browser’s own data disagrees', async ({ page }) => {
  await page.addInitScript(casablancaAtUtcAllYear);
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const youssef = await plume.call(page.request, 'partners.create', { displayName: 'Youssef Alaoui', timeZone: 'Africa/Casablanca', locale: 'fr' });
  const post = await plume.call(page.request, 'posts.create', { partnerId: youssef.id, title: 'Arbitrage OHADA', networks: ['linkedin'] });
  await plume.call(page.request, 'calendar.schedule', { id: post.id, scheduledAt: POST_AT, zone: 'Africa/Casablanca' });

  // The browser's own data does disagree.
  const browserSays = await page.evaluate(
    (at) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Africa/Casablanca', hour: '2-digit', minute: '2-digit' }).format(at),
    POST_AT,
  );
  expect(browserSays).toBe('10:00');

  // The partner's card: their local time now, as core's table has it, their city named in French.
  const [casablanca] = await plume.call(page.request, 'time.zoneTables', { zones: ['Africa/Casablanca'] });
  if (!casablanca) throw new Error('core served no table for Africa/Casablanca');
  const wallTime = (at: number) => new Date(at + offsetInTable(casablanca, at) * 60_000).toISOString().slice(11, 16);
  await page.goto(`${plume.origin}/#/partners`);
  const card = page.getByTestId('partner-card').filter({ hasText: 'Youssef Alaoui' });
  await expect(async () => {
    const before = wallTime(Date.now());
    const text = (await card.textContent()) ?? '';
    const after = wallTime(Date.now());
    expect([before, after].some((time) => new RegExp(`Casablanca — Heure locale\\s:\\s${time}`).test(text))).toBe(true);
  }).toPass();

  // The post's publication panel: in the zone it was scheduled in.
  await page.goto(`${plume.origin}/#/posts/${post.id}`);
  await expect(page.getByTestId('publication-panel')).toContainText('20 janv. 2027, 11:00 (heure de Casablanca)');

  // The calendar: 05:00 for the community manager, 11:00 for the partner.
  await page.goto(`${plume.origin}/#/calendar/week/2027-01-20`);
  const chip = page.locator(`[data-testid="calendar-entry"][data-entry-id="${post.id}"]`);
  await expect(chip.getByTestId('entry-time')).toHaveText('05:00');
  await expect(chip.getByTestId('partner-local-time')).toHaveText('11:00 heure de Casablanca');
  // French dates in lower case; the heading starts with a capital, only its first letter.
  await expect(page.getByTestId('calendar-heading')).toHaveText('Lundi 18 janvier 2027 → dimanche 24 janvier 2027', { useInnerText: true });
});
