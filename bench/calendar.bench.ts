import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { createCore } from '../electron/core/app';
import { createLogger } from '../electron/core/log';
import { CalendarRepository } from '../electron/core/calendar/repository';
import { median, report, time } from './support/stats';

/**
 * Calendar benchmarks: the date-range query on 100,000 posts, and in Chromium the month view
 * with 3,000 posts across 40 partners and one drag-and-drop move committed.
 */
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-cal-'));
const logger = createLogger({});
const JUNE = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

function seed(dir: string, partners: number, posts: number, spanDays: number): void {
  createCore({ dataDir: dir, logger }).close();
  const db = new Database(join(dir, 'plume.sqlite'));
  const partnerIds = Array.from({ length: partners }, () => randomUUID());
  const insertPartner = db.prepare(
    "INSERT INTO partners (id, display_name, color, time_zone, locale, created_at, updated_at) VALUES (?, ?, '#4338ca', ?, 'fr', 0, 0)",
  );
  const insertPost = db.prepare(
    `INSERT INTO posts (id, partner_id, title, networks, content_json, plain_text, scheduled_at, scheduled_zone, created_at, updated_at)
     VALUES (?, ?, ?, '["linkedin","x"]', '{"type":"doc"}', ?, ?, 'Europe/Paris', 0, 0)`,
  );
  db.transaction(() => {
    partnerIds.forEach((id, i) => insertPartner.run(id, `Me Partenaire ${i}`, i % 3 === 0 ? 'Africa/Casablanca' : 'Europe/Paris'));
    for (let i = 0; i < posts; i++) {
      const at = JUNE - (spanDays / 2) * DAY + Math.floor((i / posts) * spanDays * DAY);
      insertPost.run(randomUUID(), partnerIds[i % partners] ?? '', `Publication ${i}`, 'Texte de la publication '.repeat(6), at);
    }
    db.prepare("INSERT INTO settings (key, value) VALUES ('onboardingDone', 'true')").run();
  })();
  db.close();
}

function rangeQuery(): void {
  const dir = join(scratch, 'range');
  // 100,000 posts over ~3 years: a month holds ~3,000 of them.
  seed(dir, 40, 100_000, 1000);
  const db = new Database(join(dir, 'plume.sqlite'), { readonly: true });
  const repo = new CalendarRepository(db);
  const from = JUNE;
  const to = JUNE + 30 * DAY;
  const count = repo.range(from, to, {}).length;
  const query: number[] = [];
  const raw: number[] = [];
  const rawIds = db.prepare('SELECT id FROM posts WHERE scheduled_at >= ? AND scheduled_at < ?');
  for (let i = 0; i < 30; i++) {
    query.push(time(() => repo.range(from, to, {})));
    raw.push(time(() => rawIds.all(from, to)));
  }
  db.close();
  report(`range query, 1 month of 100,000 (${count} rows)`, median(query), 'raw id scan of the range', median(raw), '< 5 ms');
}

async function monthViewInChromium(): Promise<void> {
  const dir = join(scratch, 'month');
  seed(dir, 40, 3000, 30);
  const child = spawn(process.execPath, ['out/main/server.js'], {
    env: { ...process.env, PLUME_DATA_DIR: dir, PLUME_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The server is stopped however the run ends, or it would outlive the benchmark.
  const stopServer = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  try {
    await measureMonthView(child);
  } finally {
    await stopServer();
  }
}

async function measureMonthView(child: ChildProcessByStdio<null, Readable, null>): Promise<void> {
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the browser-mode server stopped (status ${String(code)}) before printing its URL`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.PLUME_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ timezoneId: 'Europe/Paris', viewport: { width: 1600, height: 1000 } });
    // tsx compiles this file with esbuild's keepNames, which wraps the functions passed to
    // page.evaluate in calls to a `__name` helper that only exists in Node: give the page one.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.goto(`${url}#/calendar/month/2025-01-01`);
    await page.getByTestId('view-month').waitFor();

    // Navigate between an empty month (baseline) and the busy month, timing hash change → chips painted.
    const renderOnce = (month: string, expectChips: boolean) =>
      page.evaluate(
        async ({ month, expectChips }) => {
          const start = performance.now();
          window.location.hash = `#/calendar/month/${month}`;
          await new Promise<void>((resolve) => {
            const check = () => {
              const heading = document.querySelector('[data-testid="calendar-heading"]')?.textContent ?? '';
              const chips = document.querySelectorAll('[data-testid="calendar-entry"]').length;
              const cells = document.querySelectorAll(`[data-testid="month-cell"][data-date^="${month.slice(0, 7)}"]`).length;
              if (heading !== '' && cells > 0 && (expectChips ? chips > 0 : true)) requestAnimationFrame(() => resolve());
              else requestAnimationFrame(check);
            };
            check();
          });
          return performance.now() - start;
        },
        { month, expectChips },
      );
    const busy: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < 8; i++) {
      empty.push(await renderOnce(`2024-0${(i % 8) + 1}-01`, false));
      busy.push(await renderOnce('2026-06-01', true));
      await renderOnce('2025-01-01', false);
    }
    report('month view, 3,000 posts / 40 partners, render', median(busy), 'empty month', median(empty), '< 150 ms');

    // One move committed: the schedule call as the UI makes it, against a cheap call.
    const ids = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="calendar-entry"]')).map((e) => e.getAttribute('data-entry-id') ?? ''));
    const timings = await page.evaluate(async (postIds) => {
      const callApi = async (name: string, input: unknown) => {
        const start = performance.now();
        const response = await fetch(`/api/call/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
        await response.json();
        return performance.now() - start;
      };
      const moves: number[] = [];
      const cheap: number[] = [];
      for (let i = 0; i < 30; i++) {
        moves.push(await callApi('calendar.schedule', { id: postIds[i % postIds.length], scheduledAt: Date.parse('2026-06-10T07:00:00Z') + i * 60_000, zone: 'Europe/Paris' }));
        cheap.push(await callApi('workspace.state', {}));
      }
      return { moves, cheap };
    }, ids);
    report('drag-and-drop move committed (schedule call)', median(timings.moves), 'workspace.state call', median(timings.cheap), '< 50 ms');

  } finally {
    await browser.close();
  }
}

console.log('Calendar');
rangeQuery();
await monthViewInChromium();
rmSync(scratch, { recursive: true, force: true });
