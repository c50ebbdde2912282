import { defineConfig } from '@playwright/test';

/** Real Chromium from Debian, against the real browser-mode server started by each test. */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  // Two: each test starts its own server on its own folder and port; two cores keep both busy.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.PLUME_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // A failed test's trace keeps its DOM snapshots, not the screencast: filming every test took
    // ~12 % of the run's CPU on two cores (the GPU process's frames), for traces only failures keep.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true },
  },
  projects: [
    { name: 'browser-mode', testIgnore: /desktopShell\.spec\.ts/ },
    // The Electron shell last: it rebuilds better-sqlite3 for Electron, then back for Node.
    { name: 'desktop-shell', testMatch: /desktopShell\.spec\.ts/, dependencies: ['browser-mode'] },
  ],
});
