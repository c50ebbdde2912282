import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, app } from 'electron';
import type { PdfPage, PdfPrinter, PdfSession } from '../core/reports/pdf';

const inches = (mm: number): number => mm / 25.4;

/**
 * Report PDFs in the desktop app: Electron's own Chromium (`webContents.printToPDF`, the same
 * DevTools print call Playwright makes in Node) in a hidden window with scripts off, with the
 * options of `playwrightPrinter`: A4, backgrounds, the footer template, the same margins.
 * The HTML goes through a temporary file rather than a data: URL, which Chromium caps at 2 MB.
 * One window per session, so "export all partners" opens it once; its prints take turns, since
 * one window shows one page at a time.
 */
export function electronPrinter(): PdfPrinter {
  return {
    // A window opens in a fraction of a second, and a hidden one left open would keep the app
    // running after its last visible window closed: close it after each use.
    keepWarmMs: 0,
    async open(): Promise<PdfSession> {
      const folder = await mkdtemp(join(app.getPath('temp'), 'plume-print-'));
      const window = new BrowserWindow({
        show: false,
        webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      let printed = 0;
      let turn: Promise<unknown> = Promise.resolve();
      const printOne = async (page: PdfPage): Promise<Uint8Array> => {
        printed += 1;
        const file = join(folder, `report-${printed}.html`);
        await writeFile(file, page.html, 'utf8');
        try {
          await window.loadFile(file);
          const { top, right, bottom, left } = page.marginsMm;
          const pdf = await window.webContents.printToPDF({
            pageSize: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: page.footerTemplate,
            margins: { top: inches(top), right: inches(right), bottom: inches(bottom), left: inches(left) },
          });
          return new Uint8Array(pdf);
        } finally {
          await rm(file, { force: true });
        }
      };
      return {
        print(page: PdfPage): Promise<Uint8Array> {
          const result = turn.then(() => printOne(page));
          turn = result.catch(() => undefined);
          return result;
        },
        async close(): Promise<void> {
          window.destroy();
          await rm(folder, { recursive: true, force: true });
        },
      };
    },
  };
}
