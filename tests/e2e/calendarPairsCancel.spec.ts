import { expect, test } from '@playwright/test';
import type { Request } from '@playwright/test';
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

const ticketOf = (request: Request): unknown => (request.postDataJSON() as { ticket?: unknown } | null)?.ticket;

test('leaving a range before its near-duplicate pairs arrive cancels their search in core', async ({ page }) => {
  // The pair search is held below on its own request: inside a batch of reads, it could not be held alone.
  await eachCallAlone(page);
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Bail commercial', scheduledAt: Date.parse('2026-06-02T07:00:00Z') });

  // The week's pair search is held in the browser: as a long search would be, still running when the view is left.
  // Only the week's (a week's range, not the month the calendar opened on): a month search still
  // running when the week opens is cancelled too, rightly, and must not be taken for the week's.
  const held: Request[] = [];
  const isWeek = (request: Request) => {
    const range = request.postDataJSON() as { from?: number; to?: number } | null;
    return range?.from !== undefined && range.to !== undefined && range.to - range.from <= 8 * 86_400_000;
  };
  await page.route('**/api/call/similarity.pairs', (route) => {
    if (held.length === 0 && isWeek(route.request())) held.push(route.request());
    else void route.continue();
  });
  const cancelled = page.waitForRequest((request) => request.url().endsWith('/api/call/similarity.cancelPairs') && held.length > 0 && ticketOf(request) === ticketOf(held[0] as Request));
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-01`);
  await expect(page.getByTestId('calendar-entry')).toHaveCount(1);
  await expect.poll(() => held.length).toBe(1);

  await page.evaluate(() => {
    window.location.hash = '#/calendar/week/2026-06-15';
  });
  const cancel = await cancelled;
  expect(typeof ticketOf(cancel)).toBe('string');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
