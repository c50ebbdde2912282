import { existsSync } from 'node:fs';
import type * as Playwright from '@playwright/test';
import type { PdfPage, PdfPrinter, PdfSession } from './pdf';

export interface PlaywrightPrinterOptions {
  /** Chromium to run; default PLUME_CHROMIUM, else Debian's /usr/bin/chromium when present, else Playwright's own. */
  executablePath?: string;
}

const defaultExecutable = (): string | undefined =>
  process.env.PLUME_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Playwright is loaded only when a PDF is asked for, and by a name the bundler does not
 * follow: the desktop build never ships it (the shell prints with Electron instead).
 */
async function loadPlaywright(): Promise<typeof Playwright> {
  const name = '@playwright/test';
  return (await import(/* @vite-ignore */ name)) as typeof Playwright;
}

export function playwrightPrinter(options: PlaywrightPrinterOptions = {}): PdfPrinter {
  return {
    async open(): Promise<PdfSession> {
      const { chromium } = await loadPlaywright();
      const executablePath = options.executablePath ?? defaultExecutable();
      // Chromium refuses its sandbox under root (containers, CI); elsewhere it keeps it.
      const asRoot = process.getuid?.() === 0;
      const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), ...(asRoot ? { args: ['--no-sandbox'] } : {}) });
      // No script and no network: the report needs neither, and a hostile title gets neither.
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      // Tabs are reused: opening one costs more than printing a report in it (see the benchmark).
      // A pool rather than one tab, so two prints at once never share a page.
      const idle: Playwright.Page[] = [];
      return {
        async print(page: PdfPage): Promise<Uint8Array> {
          const tab = idle.pop() ?? (await context.newPage());
          let healthy = false;
          try {
            await tab.setContent(page.html, { waitUntil: 'load' });
            const mm = (v: number) => `${v}mm`;
            const pdf = await tab.pdf({
              format: 'A4',
              printBackground: true,
              displayHeaderFooter: true,
              headerTemplate: '<span></span>',
              footerTemplate: page.footerTemplate,
              margin: { top: mm(page.marginsMm.top), right: mm(page.marginsMm.right), bottom: mm(page.marginsMm.bottom), left: mm(page.marginsMm.left) },
            });
            healthy = true;
            return new Uint8Array(pdf);
          } finally {
            if (healthy) idle.push(tab);
            else await tab.close().catch(() => undefined);
          }
        },
        async close(): Promise<void> {
          await browser.close();
        },
      };
    },
  };
}
