import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { eachCallAlone, proceduresOf } from './support/apiRequests';
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

/**
 * A page whose calls each go on their own request (so one read can be held in the browser), on an
 * empty workspace with one partner in Paris and a post per title, at its instant.
 */
async function postsOnItsOwnRequests<Title extends string>(page: Page, titled: Record<Title, string>): Promise<{ partner: { id: string }; posts: Record<Title, { id: string }> }> {
  await eachCallAlone(page);
  await emptyWorkspace(page);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const posts: Partial<Record<Title, { id: string }>> = {};
  for (const title of Object.keys(titled) as Title[]) posts[title] = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title, scheduledAt: Date.parse(titled[title]) });
  return { partner, posts: posts as Record<Title, { id: string }> };
}

/** A held read's gate: `held` settles when the test calls `release`. */
function gate(): { held: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release: () => release() };
}

/** Scrolls the calendar's region by steps until `target` is drawn, as a user's wheel would. */
async function scrollUntilDrawn(page: Page, target: ReturnType<typeof chip>) {
  const region = page.locator('.calendar-view');
  for (let i = 0; i < 60 && (await target.count()) === 0; i++) {
    await region.evaluate((el) => el.scrollBy(0, 400));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await expect(target).toBeVisible();
}

test('the agenda draws the posts near the scrolled-to place; scrolling reveals the last day’s last post', async ({ page }) => {
  await emptyWorkspace(page);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const ids: string[] = [];
  // 60 posts on the 2nd, 60 on the 20th: far more than a screen.
  for (const day of ['2026-06-02', '2026-06-20']) {
    for (let i = 0; i < 60; i++) {
      const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: `Publication ${day} n° ${i}`, scheduledAt: Date.parse(`${day}T06:00:00Z`) + i * 10 * 60_000 });
      ids.push(post.id);
    }
  }
  await page.goto(`${plume.origin}/#/calendar/agenda/2026-06-01`);
  const first = ids[0] ?? '';
  const last = ids.at(-1) ?? '';
  await expect(chip(page, first)).toBeVisible();
  // Windowed: far fewer chips than posts, and not the last one.
  expect(await page.getByTestId('calendar-entry').count()).toBeLessThan(60);
  await expect(chip(page, last)).toHaveCount(0);
  await scrollUntilDrawn(page, chip(page, last));
  await expect(chip(page, last)).toContainText(`Publication 2026-06-20 n° 59`);
  await expect(chip(page, first)).toHaveCount(0);
});

test('partner lanes draw the lanes near the scrolled-to place; scrolling reveals the last partner’s posts', async ({ page }) => {
  await emptyWorkspace(page);
  const posts: { partner: string; post: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const partner = await plume.call(page.request, 'partners.create', { displayName: `Me Associé ${String(i).padStart(2, '0')}`, timeZone: 'Europe/Paris' });
    const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: `Note ${i}`, scheduledAt: Date.parse('2026-06-09T08:00:00Z') });
    posts.push({ partner: partner.id, post: post.id });
  }
  await page.goto(`${plume.origin}/#/calendar/lanes/2026-06-08`);
  const first = posts[0];
  const last = posts.at(-1);
  if (!first || !last) throw new Error('no partners');
  await expect(chip(page, first.post)).toBeVisible();
  expect(await page.getByTestId('lane').count()).toBeLessThan(30);
  await expect(page.locator(`[data-testid="lane"][data-partner="${last.partner}"]`)).toHaveCount(0);
  await scrollUntilDrawn(page, chip(page, last.post));
  await expect(page.locator(`[data-testid="lane"][data-partner="${last.partner}"]`).locator(chip(page, last.post))).toBeVisible();
});

/** The page printed to PDF as Chromium prints it (print media, its `beforeprint`), as text without its spaces: words cut across lines still read. */
async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'plume-e2e-print-')), 'calendar.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', landscape: true }));
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
}

test('printing the agenda or the partner lanes prints the whole period, not the screenful drawn', async ({ page }) => {
  await emptyWorkspace(page);
  const partners: { id: string }[] = [];
  for (let i = 0; i < 30; i++) partners.push(await plume.call(page.request, 'partners.create', { displayName: `Me Associé ${String(i).padStart(2, '0')}`, timeZone: 'Europe/Paris' }));
  // 60 posts on the 9th (one lane each, then the first partner's), far more than a screen of the agenda.
  for (let i = 0; i < 60; i++) {
    const partner = partners[i % 30] ?? { id: '' };
    await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: `Dossier${i}`, scheduledAt: Date.parse('2026-06-09T06:00:00Z') + i * 10 * 60_000 });
  }
  for (const view of ['agenda', 'lanes'] as const) {
    await page.goto(`${plume.origin}/#/calendar/${view}/2026-06-08`);
    await expect(page.getByTestId('calendar-entry').first()).toBeVisible();
    expect(await page.getByTestId('calendar-entry').count()).toBeLessThan(60);
    const text = await printedText(page);
    for (let i = 0; i < 60; i++) expect(text, `${view}: Dossier${i}`).toMatch(new RegExp(`Dossier${i}(?!\\d)`, 'u'));
  }
});

test('a drag and drop in the week updates the moved post without reading the range again', async ({ page }) => {
  await emptyWorkspace(page);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const moved = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme des contrats', scheduledAt: Date.parse('2026-06-09T08:00:00Z') });
  const other = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Médiation', scheduledAt: Date.parse('2026-06-10T08:00:00Z') });
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-08`);
  await expect(chip(page, moved.id)).toBeVisible();
  await expect(chip(page, other.id)).toBeVisible();

  const calls: string[] = [];
  page.on('request', (request) => calls.push(...proceduresOf(request)));
  const handle = chip(page, moved.id).getByTestId('entry-handle');
  const target = page.locator('[data-testid="week-cell"][data-date="2026-06-11"][data-hour="10"]');
  await target.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('no boxes');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();

  await expect(target.locator(chip(page, moved.id))).toBeVisible();
  await expect.poll(async () => (await plume.call(page.request, 'posts.get', { id: moved.id })).scheduledAt).toBe(Date.parse('2026-06-11T08:00:00Z'));
  await expect.poll(() => calls.includes('calendar.warnings')).toBe(true);
  // One schedule call, this partner's warnings and the near-duplicate pairs (a move changes whose
  // window a post is in), and never the week's range or the unscheduled list.
  expect(calls.filter((name) => name !== 'calendar.warnings' && name !== 'similarity.pairs')).toEqual(['calendar.schedule']);
  await expect(chip(page, other.id)).toBeVisible();
});

test('a post moved out of a full day of the month leaves its place to the day’s next post, that day alone read again', async ({ page }) => {
  const { posts } = await postsOnItsOwnRequests(page, {
    'Chronique de 9 h': '2026-06-09T07:00:00Z',
    'Chronique de 10 h': '2026-06-09T08:00:00Z',
    'Chronique de 11 h': '2026-06-09T09:00:00Z',
    'Chronique de 12 h': '2026-06-09T10:00:00Z',
    'Chronique de 13 h': '2026-06-09T11:00:00Z',
    'Chronique de 14 h': '2026-06-09T12:00:00Z',
  });
  const day = page.locator('[data-testid="month-cell"][data-date="2026-06-09"]');
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await expect(day.getByTestId('calendar-entry')).toHaveCount(4);
  await expect(day.getByTestId('month-more')).toHaveText('+2\u00a0autres');
  const fifth = posts['Chronique de 13 h'];
  await expect(chip(page, fifth.id)).toHaveCount(0);

  const reads: { from: number; to: number }[] = [];
  page.on('request', (request) => {
    if (proceduresOf(request).includes('calendar.days')) reads.push(request.postDataJSON() as { from: number; to: number });
  });
  // Space picks up the 09:00 post, two days to the right, Space drops it on the 11th.
  const first = chip(page, posts['Chronique de 9 h'].id);
  await first.getByTestId('entry-handle').focus();
  await page.keyboard.press('Space');
  await expect(first).toHaveClass(/dragging/);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-testid="month-cell"][data-date="2026-06-11"]')).toHaveClass(/drop-over/);
  await page.keyboard.press('Space');

  await expect(page.locator('[data-testid="month-cell"][data-date="2026-06-11"]').locator(first)).toBeVisible();
  // The 13:00 post takes the place left: four drawn again, one more counted.
  await expect(day.locator(chip(page, fifth.id))).toBeVisible();
  await expect(day.getByTestId('calendar-entry')).toHaveCount(4);
  await expect(day.getByTestId('month-more')).toHaveText('+1\u00a0autre');
  // Read again: that day, not the month.
  expect(reads).toHaveLength(1);
  expect((reads[0]?.to ?? 0) - (reads[0]?.from ?? 0)).toBe(24 * 3_600_000);
});

/** A post at 09:00, one at 22:00 and one at 02:00 (Paris, summer time) on each day of the week of 8 June 2026. */
async function busyWeek(page: Page) {
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  const byHour = new Map<number, string[]>([[9, []], [22, []], [2, []]]);
  for (let day = 8; day <= 14; day++) {
    for (const [hour, ids] of byHour) {
      const utc = Date.parse(`2026-06-${String(day).padStart(2, '0')}T00:00:00Z`) + (hour - 2) * 3_600_000;
      const post = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: `Chronique de ${hour} h, le ${day} juin`, scheduledAt: utc });
      ids.push(post.id);
    }
  }
  return byHour;
}

test('a busy week paints the hours on screen first, then every hour without a scroll', async ({ page }) => {
  await emptyWorkspace(page);
  const byHour = await busyWeek(page);
  await page.goto(`${plume.origin}/#/calendar/week/2026-01-05`);
  await expect(page.getByTestId('week-cell').first()).toBeVisible();
  // What the first change of the grid that holds posts looks like, before the browser paints it.
  await page.evaluate(() => {
    const seen: { hours: number[]; inView: number[] }[] = [];
    (window as unknown as { __firstChips: typeof seen }).__firstChips = seen;
    const observer = new MutationObserver(() => {
      const chips = Array.from(document.querySelectorAll('[data-testid="calendar-entry"]'));
      if (chips.length === 0 || seen.length > 0) return;
      const scroller = document.querySelector('.week-view');
      const band = scroller?.getBoundingClientRect();
      const hours = chips.map((chip) => Number(chip.closest<HTMLElement>('[data-week-hour]')?.dataset.weekHour));
      const inView = Array.from(document.querySelectorAll<HTMLElement>('[data-week-hour]'))
        .filter((row) => {
          const box = row.getBoundingClientRect();
          return band !== undefined && box.bottom > band.top && box.top < band.bottom;
        })
        .map((row) => Number(row.dataset.weekHour));
      seen.push({ hours: [...new Set(hours)], inView });
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.location.hash = '#/calendar/week/2026-06-08';
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __firstChips: unknown[] }).__firstChips.length)).toBe(1);
  const [first] = await page.evaluate(() => (window as unknown as { __firstChips: { hours: number[]; inView: number[] }[] }).__firstChips);
  // Working hours in view on open: 09:00 is drawn at once; 02:00 and 22:00 are not on screen, and not drawn yet.
  expect(first?.hours).toEqual([9]);
  expect(first?.inView).toContain(9);
  expect(first?.inView).not.toContain(22);
  expect(first?.inView).not.toContain(2);
  // Then the whole week, without scrolling: every post of every hour is in the grid.
  for (const ids of byHour.values()) for (const id of ids) await expect(chip(page, id)).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Semaine' })).toHaveAttribute('aria-busy', 'false');
});

test('a post found by the search at 22:00 opens its week with its hour in view', async ({ page }) => {
  await emptyWorkspace(page);
  const byHour = await busyWeek(page);
  const late = byHour.get(22)?.[3] ?? '';
  await page.goto(`${plume.origin}/#/calendar/week/2026-01-05`);
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('Chronique de 22 h, le 11 juin');
  await page.getByTestId('search-hit').first().click();
  await expect(page).toHaveURL(/#\/calendar\/week\/2026-06-11$/);
  await expect(chip(page, late)).toHaveClass(/highlighted/);
  await expect(chip(page, late)).toBeInViewport();
});

test('the agenda draws its first week, then reads its next three weeks, and says those days are loading, not empty', async ({ page }) => {
  // The read of the weeks after the first is held below, on its own request (with other reads, it
  // would share one, and the first week's answer with it).
  const { posts } = await postsOnItsOwnRequests(page, { 'Audience du 2 juin': '2026-06-02T08:00:00Z', 'Colloque du 20 juin': '2026-06-20T08:00:00Z' });
  const soon = posts['Audience du 2 juin'];
  const later = posts['Colloque du 20 juin'];
  // The read of the weeks after the first is held until the test lets it go.
  const restFrom = Date.parse('2026-06-08T00:00:00+02:00');
  const { held, release } = gate();
  const ranges: { from: number; to: number }[] = [];
  const steps: string[] = [];
  await page.route('**/api/call/calendar.range', async (route) => {
    const input = route.request().postDataJSON() as { from: number; to: number };
    ranges.push({ from: input.from, to: input.to });
    if (input.from === restFrom) {
      steps.push('rest asked');
      await held;
      await route.continue();
      return;
    }
    const response = await route.fetch();
    steps.push('first week answered');
    await route.fulfill({ response });
  });
  await page.goto(`${plume.origin}/#/calendar/agenda/2026-06-01`);
  await expect(chip(page, soon.id)).toBeVisible();
  // The first week's read and the rest's, split at the 8th (midnight in Paris); the rest asked
  // only once the first week is in (asked beside it, its answer was read before the first was drawn).
  expect(ranges).toContainEqual({ from: Date.parse('2026-06-01T00:00:00+02:00'), to: restFrom });
  await expect.poll(() => ranges.some((r) => r.from === restFrom)).toBe(true);
  // Nothing is asked for the rest before a first week's answer is in (the page may read the first week again meanwhile).
  expect(steps[0]).toBe('first week answered');
  expect(steps).toContain('rest asked');
  await expect(page.getByTestId('agenda-day-loading').first()).toHaveText('Publications en cours de chargement…');
  await expect(page.getByText('Rien de prévu sur cette période.')).toHaveCount(0);
  release();
  await expect(page.getByTestId('agenda-day-loading')).toHaveCount(0);
  await scrollUntilDrawn(page, chip(page, later.id));
  await expect(chip(page, later.id)).toContainText('Colloque du 20 juin');
});

test('a new week is read as soon as the address changes, before its grid is drawn', async ({ page }) => {
  await emptyWorkspace(page);
  const partner = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris' });
  await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Réforme des contrats', scheduledAt: Date.parse('2026-06-09T08:00:00Z') });
  await page.goto(`${plume.origin}/#/calendar/week/2026-01-05`);
  await expect(page.getByTestId('week-cell').first()).toBeVisible();
  const headingWhenAsked = await page.evaluate(async () => {
    const heading = () => document.querySelector('[data-testid="calendar-heading"]')?.textContent ?? '';
    // What the page shows at the moment it asks for the new week's posts.
    let seen: string | null = null;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (seen === null && String(input instanceof Request ? input.url : input).endsWith('/api/call/calendar.range')) seen = heading();
      return original(input, init);
    };
    window.location.hash = '#/calendar/week/2026-06-08';
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('[data-testid="calendar-entry"]') ? resolve() : requestAnimationFrame(check));
      check();
    });
    window.fetch = original;
    return { seen, after: heading() };
  });
  // Asked while the old week was still on screen: before React drew the new one's frame.
  expect(headingWhenAsked.seen).toContain('5 janvier 2026');
  expect(headingWhenAsked.after).toContain('8 juin 2026');
});

test('the next week replaces the shown one with its posts; a read that is slow shows the new week, loading, then its posts', async ({ page }) => {
  // The new week's read is held below, on its own request.
  const { partner, posts } = await postsOnItsOwnRequests(page, { 'Audience du 2 juin': '2026-06-02T08:00:00Z', 'Colloque du 9 juin': '2026-06-09T08:00:00Z' });
  const shownWeek = posts['Audience du 2 juin'];
  const nextWeek = posts['Colloque du 9 juin'];
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-01`);
  await expect(chip(page, shownWeek.id)).toBeVisible();
  const nextFrom = Date.parse('2026-06-08T00:00:00+02:00');
  const { held, release } = gate();
  await page.route('**/api/call/calendar.range', async (route) => {
    const input = route.request().postDataJSON() as { from: number };
    if (input.from === nextFrom) await held;
    await route.continue();
  });
  // Every frame from the click on: the heading, which week's post is drawn, whether the view says it is busy.
  await page.evaluate(() => {
    const frames: { heading: string; chips: string[]; busy: string | null }[] = [];
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    const record = () => {
      const view = document.querySelector('[data-testid="view-week"]');
      frames.push({
        heading: document.querySelector('[data-testid="calendar-heading"]')?.textContent ?? '',
        chips: Array.from(document.querySelectorAll<HTMLElement>('[data-testid="calendar-entry"]')).map((el) => el.dataset.entryId ?? ''),
        busy: view?.getAttribute('aria-busy') ?? null,
      });
      requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  await page.getByRole('button', { name: 'Suivant' }).click();
  const frames = () => page.evaluate(() => (window as unknown as { __frames: { heading: string; chips: string[]; busy: string | null }[] }).__frames);
  // Held: the new week is drawn, saying it is loading, once the page has waited long enough for it.
  await expect(page.getByTestId('calendar-heading')).toContainText('8 juin 2026');
  await expect(page.getByTestId('view-week')).toHaveAttribute('aria-busy', 'true');
  await expect(chip(page, shownWeek.id)).toHaveCount(0);
  const whileHeld = await frames();
  const firstNew = whileHeld.findIndex((f) => f.heading.includes('8 juin'));
  // Until then the shown week stayed, with its post, and the view said it was busy: no empty week in between.
  expect(firstNew).toBeGreaterThan(0);
  const before = whileHeld.slice(0, firstNew);
  expect(before.every((f) => f.heading.includes('1er juin') && f.chips.includes(shownWeek.id))).toBe(true);
  expect(before.some((f) => f.busy === 'true')).toBe(true);
  release();
  await expect(chip(page, nextWeek.id)).toBeVisible();
  await expect(page.getByTestId('view-week')).toHaveAttribute('aria-busy', 'false');

  // The week after, not read before and answered at once: the grid goes in one step from one week with its post to the next with its own.
  const third = await plume.call(page.request, 'posts.create', { partnerId: partner.id, title: 'Permanence du 16 juin', scheduledAt: Date.parse('2026-06-16T08:00:00Z') });
  await page.evaluate(() => (window as unknown as { __frames: unknown[] }).__frames.splice(0));
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(chip(page, third.id)).toBeVisible();
  const stepped = await frames();
  expect(stepped.every((f) => (f.heading.includes('8 juin') && f.chips.includes(nextWeek.id)) || (f.heading.includes('15 juin') && f.chips.includes(third.id)))).toBe(true);
});

test('leaving a week stops its warnings read at once, while the next week is still being read', async ({ page }) => {
  const { posts } = await postsOnItsOwnRequests(page, { 'Audience du 2 juin': '2026-06-02T08:00:00Z', 'Colloque du 9 juin': '2026-06-09T08:00:00Z' });
  const shownWeek = posts['Audience du 2 juin'];
  // The shown week's warnings and the next week's posts are held, as a slow core would hold them.
  const warnings = gate();
  const nextWeek = gate();
  let warningsAsked: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => {
    warningsAsked = resolve;
  });
  await page.route('**/api/call/calendar.warnings', async (route) => {
    warningsAsked();
    await warnings.held;
    await route.continue().catch(() => undefined);
  });
  await page.route('**/api/call/calendar.range', async (route) => {
    const input = route.request().postDataJSON() as { from: number };
    if (input.from === Date.parse('2026-06-08T00:00:00+02:00')) await nextWeek.held;
    await route.continue().catch(() => undefined);
  });
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-01`);
  await expect(chip(page, shownWeek.id)).toBeVisible();
  await asked;
  const stopped = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/api/call/calendar.warnings'));
  await page.getByRole('button', { name: 'Suivant' }).click();
  await stopped;
  // Stopped while the page still showed the first week, waiting for the next one's posts.
  await expect(page.getByTestId('calendar-heading')).toContainText('1er juin 2026');
  nextWeek.release();
  warnings.release();
  await expect(chip(page, posts['Colloque du 9 juin'].id)).toBeVisible();
});
