import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';

let plume: RunningPlume;
// The example workspace schedules its drafts from core's clock: a fixed start gives fixed dates.
const CLOCK_START = '2026-06-01T08:00:00Z';
test.beforeEach(async () => {
  plume = await startPlume(undefined, { PLUME_CLOCK_START: CLOCK_START });
});
test.afterEach(async () => {
  await plume.stop();
});

/** What axe must not find: every critical or serious violation, and headings that skip a level. */
async function violations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself, not in an extra blank page per run (much faster here).
  const results = await new AxeBuilder({ page }).setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || v.id === 'heading-order')
    .map((v) => `${v.id} (${v.impact ?? '?'}, ×${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

interface Screen {
  name: string;
  hash: string;
  ready: (page: Page) => Locator;
}

const firstPostId = async (page: Page) => {
  await page.goto(`${plume.origin}/#/posts`);
  const route = await page.getByTestId('post-item').first().getAttribute('data-route');
  return route?.split('/')[2] ?? '';
};

const firstPartnerId = async (page: Page) => {
  const response = await page.request.post(`${plume.origin}/api/call/partners.list`, { data: { includeArchived: false }, headers: { Origin: plume.origin } });
  const body = (await response.json()) as { value: { id: string }[] };
  return body.value[0]?.id ?? '';
};

const screens = (postId: string, partnerId: string): Screen[] => [
  { name: 'calendar month', hash: '#/calendar/month/2026-06-01', ready: (p) => p.getByTestId('calendar-entry').first() },
  { name: 'calendar week', hash: '#/calendar/week/2026-06-01', ready: (p) => p.getByTestId('week-cell').first() },
  { name: 'calendar lanes', hash: '#/calendar/lanes/2026-06-01', ready: (p) => p.getByTestId('lane').first() },
  { name: 'calendar agenda', hash: '#/calendar/agenda/2026-06-01', ready: (p) => p.getByTestId('calendar-entry').first() },
  { name: 'posts list', hash: '#/posts', ready: (p) => p.getByTestId('post-item').first() },
  { name: 'editor with a post open', hash: `#/posts/${postId}`, ready: (p) => p.getByTestId('post-body') },
  { name: 'partners', hash: '#/partners', ready: (p) => p.getByTestId('partner-card').first() },
  { name: 'editorial line (firm)', hash: '#/editorial', ready: (p) => p.getByTestId('rule-card').first() },
  { name: 'editorial line (partner)', hash: `#/editorial/${partnerId}`, ready: (p) => p.locator('.line-section').first() },
  { name: 'calendar week, empty', hash: '#/calendar/week/2026-09-07', ready: (p) => p.getByTestId('week-cell').first() },
  { name: 'reports', hash: '#/reports', ready: (p) => p.getByTestId('report-month') },
  { name: 'settings', hash: '#/settings', ready: (p) => p.getByTestId('ui-language') },
  { name: 'outbox', hash: '#/outbox', ready: (p) => p.getByTestId('outbox-online') },
];

for (const locale of ['fr-FR', 'en-GB']) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`axe finds no critical or serious violation and no skipped heading level on any screen (${locale})`, async ({ page }) => {
      test.setTimeout(600_000);
      const found: Record<string, string[]> = {};
      await page.goto(plume.url);
      await expect(page.locator('#onboarding-title')).toBeVisible();
      found.onboarding = await violations(page);
      await page.getByRole('button', { name: /Charger l’espace d’exemple|Load the example workspace/ }).click();
      await expect(page.getByTestId('workspace-ready')).toHaveText('ready');
      // The tests' marker is no live region: a French screen reader read « ready » out in English.
      await expect(page.locator('[aria-live]').filter({ hasText: /^ready$/ })).toHaveCount(0);
      const postId = await firstPostId(page);
      const partnerId = await firstPartnerId(page);
      expect(postId).not.toBe('');
      expect(partnerId).not.toBe('');
      for (const screen of screens(postId, partnerId)) {
        await page.goto(`${plume.origin}/${screen.hash}`);
        await expect(screen.ready(page)).toBeVisible();
        found[screen.name] = await violations(page);
      }
      const failing = Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0));
      expect(failing).toEqual({});
    });
  });
}
