import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PdfPage, PdfPrinter, PdfSession } from '../../../electron/core/reports/pdf';
import { playwrightPrinter } from '../../../electron/core/reports/playwrightPrinter';
import { WarmPrinter } from '../../../electron/core/reports/warmPrinter';

const scratch = mkdtempSync(join(tmpdir(), 'plume-warm-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (text: string): PdfPage => ({
  html: `<!doctype html><html><body><p>${text}</p></body></html>`,
  footerTemplate: '<span></span>',
  marginsMm: { top: 10, right: 10, bottom: 10, left: 10 },
});

const textOf = (pdf: Uint8Array, name: string): string => {
  const path = join(scratch, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).trim();
};

/** The real Chromium printer, with the sessions it opened and closed written down. */
function counted(): { printer: PdfPrinter; opened: PdfSession[]; closed: () => number } {
  const real = playwrightPrinter();
  const opened: PdfSession[] = [];
  let closed = 0;
  return {
    opened,
    closed: () => closed,
    printer: {
      async open() {
        const session = await real.open();
        opened.push(session);
        return {
          print: (p) => session.print(p),
          close: async () => {
            closed += 1;
            await session.close();
          },
        };
      },
    },
  };
}

const waitUntil = async (condition: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the warm printing session', () => {
  it('starts Chromium once for PDFs printed one after another, and closes it when idle', async () => {
    const { printer, opened, closed } = counted();
    const warm = new WarmPrinter(printer, 300);
    expect(textOf(await warm.use((s) => s.print(page('premier'))), 'first')).toBe('premier');
    expect(textOf(await warm.use((s) => s.print(page('second'))), 'second')).toBe('second');
    expect(opened).toHaveLength(1);
    await waitUntil(() => closed() === 1);
    expect(textOf(await warm.use((s) => s.print(page('troisième'))), 'third')).toBe('troisième');
    expect(opened).toHaveLength(2);
    warm.close();
    await waitUntil(() => closed() === 2);
  });

  it('does not reuse a session whose print failed', async () => {
    const { printer, opened } = counted();
    const warm = new WarmPrinter(printer, 60_000);
    await warm.use((s) => s.print(page('avant')));
    // The browser goes away under the session (a crash, a kill): the next print fails…
    await opened[0]?.close();
    await expect(warm.use((s) => s.print(page('pendant')))).rejects.toThrow();
    // …and the one after starts a fresh browser.
    expect(textOf(await warm.use((s) => s.print(page('après'))), 'after')).toBe('après');
    expect(opened).toHaveLength(2);
    warm.close();
  });

  it('closes after each use when the printer asks for it (Electron’s windows)', async () => {
    const { printer, closed } = counted();
    const warm = new WarmPrinter({ ...printer, keepWarmMs: 0 });
    await warm.use((s) => s.print(page('une fois')));
    await waitUntil(() => closed() === 1);
  });
});
