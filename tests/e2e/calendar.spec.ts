import { expect, test } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { startPlume } from './support/plumeServer';
import type { RunningPlume } from './support/plumeServer';
import { saveScreenshot } from './support/screenshots';
import { eachCallAlone } from './support/apiRequests';
import { CadencePolicy } from '../../shared/calendar/cadencePolicy';
import type { CadencePolicyInput } from '../../shared/calendar/cadencePolicy';
import { nextFreeSlotForPolicy } from '../../shared/calendar/placement';

let plume: RunningPlume;
// The fixtures are dated June 2026 (Paris UTC+2, Casablanca UTC+1): the core starts on 1 June so
// they are still ahead, as a user would plan them (past unapproved posts are held at their time).
const CLOCK_START = '2026-06-01T08:00:00Z';
test.beforeEach(async () => {
  plume = await startPlume(undefined, { PLUME_CLOCK_START: CLOCK_START });
});
test.afterEach(async () => {
  await plume.stop();
});


interface Seed {
  paris: { id: string };
  casablanca: { id: string };
  parisPost: { id: string };
  casablancaPost: { id: string };
}

/** Two partners, summer 2026 (Paris UTC+2, Casablanca UTC+1), one post each. The browser runs in Europe/Paris. */
async function seed(page: Page): Promise<Seed> {
  await page.goto(plume.url);
  await page.getByRole('button', { name: 'Commencer avec un espace vide' }).click();
  const paris = await plume.call(page.request, 'partners.create', { displayName: 'Me Dupont', timeZone: 'Europe/Paris', color: '#1d4ed8' });
  const casablanca = await plume.call(page.request, 'partners.create', { displayName: 'Me Benali', timeZone: 'Africa/Casablanca', color: '#b45309' });
  const parisPost = await plume.call(page.request, 'posts.create', { partnerId: paris.id, title: 'Réforme des contrats', networks: ['linkedin'], scheduledAt: Date.parse('2026-06-08T07:00:00Z') });
  const casablancaPost = await plume.call(page.request, 'posts.create', { partnerId: casablanca.id, title: 'Arbitrage OHADA', networks: ['linkedin', 'x'], scheduledAt: Date.parse('2026-06-09T08:00:00Z') });
  return { paris, casablanca, parisPost, casablancaPost };
}

const scheduledAt = async (request: APIRequestContext, id: string) => (await plume.call(request, 'posts.get', { id })).scheduledAt;
const cell = (page: Page, testId: string, date: string) => page.locator(`[data-testid="${testId}"][data-date="${date}"]`);
const chip = (page: Page, id: string) => page.locator(`[data-testid="calendar-entry"][data-entry-id="${id}"]`);

/** A box once the layout has settled (panels and slot markers load after the entries). */
async function stableBox(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  let previous = await locator.boundingBox();
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const box = await locator.boundingBox();
    if (box && previous && box.x === previous.x && box.y === previous.y && box.width === previous.width && box.height === previous.height) return box;
    previous = box;
  }
  throw new Error('the layout did not settle');
}

/** Grabs a post by its handle (the chip's "next slot" button beside it is not a handle). */
async function dragWithMouse(page: Page, from: Locator, to: Locator) {
  const start = await stableBox(page, from.getByTestId('entry-handle'));
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2, { steps: 3 });
  // Measured once the drag has started, where the target is now.
  const end = await stableBox(page, to);
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
}

/**
 * Space picks up, arrows move by a day, Space drops — waiting, as a user's eyes would, for the
 * target cell to be highlighted before dropping.
 */
async function moveWithKeyboard(page: Page, entry: Locator, keys: string[], target: Locator) {
  const handle = entry.getByTestId('entry-handle');
  await handle.focus();
  await expect(handle).toBeFocused();
  await page.keyboard.press('Space');
  // The keyboard sensor starts listening for arrows in a timer once the drag has started; a timer
  // queued after it in the page runs after it.
  await expect(entry).toHaveClass(/dragging/);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  for (const key of keys) await page.keyboard.press(key);
  await expect(target).toHaveClass(/drop-over/);
  await page.keyboard.press('Space');
  await expect(entry).not.toHaveClass(/dragging/);
}

test('drag a post to another day and back, with the mouse then the keyboard, and undo', async ({ page }) => {
  const { parisPost } = await seed(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await expect(cell(page, 'month-cell', '2026-06-08').locator(chip(page, parisPost.id))).toBeVisible();
  await expect(chip(page, parisPost.id).getByTestId('entry-time')).toHaveText('09:00');

  await dragWithMouse(page, chip(page, parisPost.id), cell(page, 'month-cell', '2026-06-10'));
  await expect(cell(page, 'month-cell', '2026-06-10').locator(chip(page, parisPost.id))).toBeVisible();
  await expect.poll(() => scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-10T07:00:00Z'));

  await dragWithMouse(page, chip(page, parisPost.id), cell(page, 'month-cell', '2026-06-08'));
  await expect.poll(() => scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-08T07:00:00Z'));

  // Keyboard: Space picks up, arrows move by a day, Space drops.
  await expect(cell(page, 'month-cell', '2026-06-08').locator(chip(page, parisPost.id))).toBeVisible();
  await moveWithKeyboard(page, chip(page, parisPost.id), ['ArrowRight', 'ArrowRight'], cell(page, 'month-cell', '2026-06-10'));
  await expect.poll(() => scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-10T07:00:00Z'));
  await expect(cell(page, 'month-cell', '2026-06-10').locator(chip(page, parisPost.id))).toBeVisible();

  await moveWithKeyboard(page, chip(page, parisPost.id), ['ArrowLeft', 'ArrowLeft'], cell(page, 'month-cell', '2026-06-08'));
  await expect.poll(() => scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-08T07:00:00Z'));

  // Undo the last move.
  await dragWithMouse(page, chip(page, parisPost.id), cell(page, 'month-cell', '2026-06-16'));
  await expect.poll(() => scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-16T07:00:00Z'));
  await page.getByTestId('undo-move').click();
  await expect.poll(() => scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-08T07:00:00Z'));
});

test('a partner in Casablanca and one in Paris show their own local times; every view renders', async ({ page }) => {
  const { casablancaPost, parisPost } = await seed(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  // 08:00Z is 10:00 in Paris (the viewer) and 09:00 in Casablanca (the partner).
  await expect(chip(page, casablancaPost.id).getByTestId('entry-time')).toHaveText('10:00');
  await expect(chip(page, casablancaPost.id).getByTestId('partner-local-time')).toHaveText('09:00 heure de Casablanca');
  await expect(chip(page, parisPost.id).getByTestId('partner-local-time')).toHaveCount(0);
  await expect(page.getByRole('columnheader').first()).toHaveText('Lun.', { useInnerText: true });
  // The next month's days are greyed alike, its weekend too (it looked like this month's weekend).
  const background = (date: string) => cell(page, 'month-cell', date).evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('2026-07-04')).toBe(await background('2026-07-02'));
  expect(await background('2026-06-27')).not.toBe(await background('2026-07-04'));
  await saveScreenshot(page, 'calendar-month');

  for (const view of ['week', 'lanes', 'agenda'] as const) {
    await page.goto(`${plume.origin}/#/calendar/${view}/2026-06-08`);
    await expect(page.getByTestId(`view-${view}`)).toBeVisible();
    await expect(chip(page, casablancaPost.id)).toBeVisible();
    await expect(chip(page, casablancaPost.id).getByTestId('partner-local-time')).toHaveText('09:00 heure de Casablanca');
    // Day heads start with a capital, as the month's weekday names and the period's heading do.
    if (view !== 'agenda') await expect(page.getByRole('columnheader').filter({ hasText: /^lun\. 8$/i })).toHaveText('Lun. 8', { useInnerText: true });
    await saveScreenshot(page, `calendar-${view}`);
  }

  // In the week view the post sits in the viewer's 10:00 row.
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-08`);
  await expect(page.locator('[data-testid="week-cell"][data-date="2026-06-09"][data-hour="10"]').locator(chip(page, casablancaPost.id))).toBeVisible();

  // The agenda names public holidays, as the month and the week do.
  await page.goto(`${plume.origin}/#/calendar/agenda/2026-07-13`);
  await expect(page.getByTestId('agenda-day').filter({ hasText: 'Mardi 14 juillet 2026' }).getByTestId('holiday')).toHaveText('Fête nationale');
});

test('dragging in the week view sets the hour; in partner lanes a post stays with its partner', async ({ page }) => {
  const { parisPost, casablanca } = await seed(page);
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-08`);
  await dragWithMouse(page, chip(page, parisPost.id), page.locator('[data-testid="week-cell"][data-date="2026-06-11"][data-hour="14"]'));
  await expect.poll(() => scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-11T12:00:00Z'));

  await page.goto(`${plume.origin}/#/calendar/lanes/2026-06-08`);
  const otherLane = page.locator(`[data-testid="lane-cell"][data-partner="${casablanca.id}"][data-date="2026-06-09"]`);
  await dragWithMouse(page, chip(page, parisPost.id), otherLane);
  await expect(page.getByTestId('calendar-notice')).toContainText('ne change pas de partenaire');
  expect(await scheduledAt(page.request, parisPost.id)).toBe(Date.parse('2026-06-11T12:00:00Z'));
});

test('clicking an empty day creates a draft there, at 09:00 in the chosen partner’s zone', async ({ page }) => {
  await seed(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await cell(page, 'month-cell', '2026-06-15').click({ position: { x: 60, y: 70 } });
  await page.getByTestId('partner-picker').getByRole('button', { name: /Me Benali/ }).click();
  await expect(page).toHaveURL(/#\/posts\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).hash.split('/')[2] ?? '';
  // 09:00 in Casablanca (UTC+1 in June 2026) = 08:00Z
  expect(await scheduledAt(page.request, id)).toBe(Date.parse('2026-06-15T08:00:00Z'));
  await expect(page.getByTestId('post-body')).toBeVisible();
});

test('search finds a post and jumps to its date', async ({ page }) => {
  const { casablancaPost } = await seed(page);
  await page.goto(`${plume.origin}/#/calendar/month/2026-01-01`);
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('OHADA');
  await page.getByTestId('search-hit').first().click();
  // From the month, a hit opens in its week: a month cell draws a day’s first posts only.
  await expect(page).toHaveURL(/#\/calendar\/week\/2026-06-09$/);
  await expect(chip(page, casablancaPost.id)).toHaveClass(/highlighted/);
});

/** A partner's cadence lives in their editorial line: saved through the editorial procedures. */
async function saveCadence(request: APIRequestContext, partnerId: string, cadence: CadencePolicyInput) {
  await plume.call(request, 'editorial.savePartnerLine', { partnerId, baseVersion: null, line: { cadence } });
}

test('put an unscheduled draft in its partner’s next free slot; slots show in the week view', async ({ page }) => {
  const { paris } = await seed(page);
  const cadence = { slots: [{ network: 'linkedin', weekday: 2, time: '08:30' }, { network: 'linkedin', weekday: 4, time: '08:30' }] } as const;
  await saveCadence(page.request, paris.id, { slots: [...cadence.slots] });
  const draft = await plume.call(page.request, 'posts.create', { partnerId: paris.id, title: 'Billet sans date', networks: ['linkedin'] });
  await page.goto(`${plume.origin}/#/calendar/month`);
  const inTray = page.locator('aside.unscheduled').locator(chip(page, draft.id));
  await expect(inTray).toBeVisible();

  // Core places it from its own clock (started on CLOCK_START a few seconds ago): Tuesday 2 June, 08:30 in Paris.
  const expected = nextFreeSlotForPolicy({ policy: CadencePolicy.parse({ slots: [...cadence.slots] }), zone: 'Europe/Paris', after: Date.parse(CLOCK_START), posts: [], networks: ['linkedin'] });
  if (!expected) throw new Error('no slot within the horizon');
  await inTray.getByTestId('next-slot').click();
  await expect.poll(() => scheduledAt(page.request, draft.id)).toBe(expected.instant);
  await expect(page.getByTestId('calendar-notice')).toContainText('placé dans le créneau LinkedIn');
  await expect(page.locator('aside.unscheduled').locator(chip(page, draft.id))).toHaveCount(0);

  await page.goto(`${plume.origin}/#/calendar/week/${expected.date}`);
  await expect(page.locator(`[data-testid="week-cell"][data-date="${expected.date}"][data-hour="8"]`).locator(chip(page, draft.id))).toBeVisible();
  // Both of the week's slots are drawn, in the partner's colour, at 08:30.
  await expect(page.getByTestId('slot-marker')).toHaveCount(2);
  await expect(page.getByTestId('slot-marker').first()).toContainText('08:30');
  await page.getByTestId('slot-marker').first().scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'calendar-week-slots');
});

test('full-text search: an accent-less query finds an accented title and jumps to its date', async ({ page }) => {
  const { paris } = await seed(page);
  const post = await plume.call(page.request, 'posts.create', { partnerId: paris.id, title: 'Médiation familiale et décret', networks: ['linkedin'], scheduledAt: Date.parse('2026-06-12T08:00:00Z') });
  await page.goto(`${plume.origin}/#/calendar/month/2026-01-01`);
  await page.getByRole('searchbox', { name: 'Rechercher dans les titres, textes et notes' }).fill('MEDIATION famil');
  const hit = page.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark').first()).toHaveText('Médiation');
  await saveScreenshot(page, 'calendar-search');
  await hit.click();
  await expect(page).toHaveURL(/#\/calendar\/week\/2026-06-12$/);
  await expect(chip(page, post.id)).toHaveClass(/highlighted/);
});

test('the warnings panel shows a cadence gap from the partner’s editorial line, with badges on the lanes', async ({ page }) => {
  const { paris } = await seed(page);
  await saveCadence(page.request, paris.id, { postsPerWeek: [{ network: 'linkedin', min: 2 }] });
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  const panel = page.getByTestId('warnings-panel');
  await panel.locator('summary').click();
  // Me Dupont's one LinkedIn post of that week is on Monday 8 June.
  await expect(panel.getByTestId('warning-item').filter({ hasText: 'Me Dupont\u00a0: 1 sur 2 publications LinkedIn prévues la semaine du lundi 8 juin 2026' })).toHaveCount(1);
  await expect(panel.getByTestId('warning-item').filter({ hasText: 'Me Dupont\u00a0: 0 sur 2 publications LinkedIn prévues la semaine du lundi 15 juin 2026' })).toHaveCount(1);
  await saveScreenshot(page, 'calendar-warnings');

  await page.goto(`${plume.origin}/#/calendar/lanes/2026-06-08`);
  await expect(page.locator(`[data-testid="lane"][data-partner="${paris.id}"]`).getByTestId('lane-warnings')).toHaveText(/1/);
});

test('a period whose posts cannot be read says so, in French, and reads them again on « Réessayer »', async ({ page }) => {
  const { parisPost, casablancaPost } = await seed(page);
  await page.goto(`${plume.origin}/#/calendar/week/2026-06-01`);
  await expect(page.getByTestId('calendar-heading')).toContainText('1er juin 2026');
  // Core cannot read the workspace file for the next week's posts.
  const unreadable = { ok: false, error: { code: 'internal', messageKey: 'errors.workspaceUnreadable', message: 'SQLITE_IOERR_READ' } };
  await page.route(/\/api\/(call\/calendar\.range|batch)$/, async (route) => {
    const request = route.request();
    const asksRange = request.url().endsWith('/calendar.range') || ((request.postDataJSON() as { calls?: { name?: string }[] }).calls ?? []).some((call) => call.name === 'calendar.range');
    if (asksRange) await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(unreadable) });
    else await route.continue();
  });
  await page.getByRole('button', { name: 'Suivant' }).click();
  const banner = page.getByTestId('calendar-unread');
  await expect(banner).toContainText('Les publications de cette période n’ont pas pu être lues\u00a0: Le fichier de l’espace de travail ne peut pas être lu. Restaurez une sauvegarde (Réglages › Sauvegardes).');
  await expect(page.getByTestId('calendar-heading')).toContainText('8 juin 2026');
  await page.unroute(/\/api\/(call\/calendar\.range|batch)$/);
  await banner.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByTestId('calendar-entry').filter({ hasText: 'Réforme des contrats' })).toBeVisible();
  await expect(page.locator(`[data-entry-id="${casablancaPost.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-entry-id="${parisPost.id}"]`)).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('the posts do not move when the period’s warnings arrive: a chip being grabbed stays under the pointer', async ({ page }) => {
  // The warnings read is held below on its own request: inside a batch of reads, it could not be held alone.
  await eachCallAlone(page);
  const { parisPost } = await seed(page);
  // The warnings are held back, as a busy core would answer them after the posts.
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/call/calendar.warnings', async (route) => {
    await answered;
    await route.continue();
  });
  await page.goto(`${plume.origin}/#/calendar/month/2026-06-01`);
  await expect(page.getByTestId('warnings-pending')).toHaveText('Vérification des alertes de la période…');
  const before = await stableBox(page, chip(page, parisPost.id));
  release();
  await expect(page.getByTestId('warnings-panel')).toBeVisible();
  expect(await stableBox(page, chip(page, parisPost.id))).toEqual(before);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
