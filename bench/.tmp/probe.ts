import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { agencyWorkspace } from '../support/agencyWorkspace';
const dataDir = agencyWorkspace('/tmp/h2-probe-ws');
const child = spawn(process.execPath, ['out/main/server.js'], { env: { ...process.env, PLUME_DATA_DIR: dataDir, PLUME_NO_OPEN: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
const url = await new Promise<string>((resolve) => { let out = ''; child.stdout.on('data', (c: Buffer) => { out += c.toString(); const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out); if (m?.[1]) resolve(m[1]); }); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ timezoneId: 'Europe/Paris', viewport: { width: 1600, height: 1000 } });
await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
await page.goto(`${url}#/calendar/month/2020-01-01`, { timeout: 180000 });
await page.getByTestId('view-month').waitFor({ timeout: 180000 });
await page.waitForTimeout(3000);
for (const [view, date] of [['month', '2025-03-01'], ['week', '2026-04-06'], ['lanes', '2026-04-13'], ['agenda', '2025-10-06'], ['month', '2025-05-01'], ['week', '2026-05-04']] as const) {
  const r = await page.evaluate(async ({ view, date }) => {
    performance.clearResourceTimings();
    const start = performance.now();
    window.location.hash = `#/calendar/${view}/${date}`;
    let firstPaint = 0;
    await new Promise<void>((resolve) => { const check = () => { const n = document.querySelectorAll(`[data-testid="view-${view}"] [data-testid="calendar-entry"]`).length; if (n > 0) { firstPaint = performance.now() - start; requestAnimationFrame(() => requestAnimationFrame(() => resolve())); } else requestAnimationFrame(check); }; check(); });
    const total = performance.now() - start;
    const res = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/call/')).map((e) => `${e.name.split('/api/call/')[1]} start ${(e.startTime - start).toFixed(0)} dur ${e.duration.toFixed(0)} size ${(e as PerformanceResourceTiming).transferSize}`);
    return { total: total.toFixed(0), firstPaint: firstPaint.toFixed(0), chips: document.querySelectorAll('[data-testid="calendar-entry"]').length, res };
  }, { view, date });
  console.log(view, JSON.stringify(r, null, 1));
}
await browser.close(); child.kill();
