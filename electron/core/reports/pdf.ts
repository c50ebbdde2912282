/**
 * Printing a report's HTML to PDF, as a dependency of core: in Node (CLI, tests, browser mode)
 * a headless Chromium through Playwright (`playwrightPrinter.ts`); in the desktop app the shell
 * passes `electronPrinter()` (electron/main/pdfPrinter.ts, Electron's `webContents.printToPDF`)
 * as createCore's `pdfPrinter` — same page, same options, same engine.
 *
 * A session is one running browser, so "export all partners" pays the start-up once.
 */
export interface PdfPage {
  /** A self-contained HTML document (no script needed, nothing to fetch). */
  html: string;
  /** Chromium footer template: `.pageNumber` and `.totalPages` are filled by the printer. */
  footerTemplate: string;
  /** Page margins in millimetres; the footer is drawn in the bottom one. */
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

export interface PdfSession {
  /** A4 portrait, backgrounds printed, header empty, the footer on every page. */
  print(page: PdfPage): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface PdfPrinter {
  open(): Promise<PdfSession>;
  /**
   * How long an idle session may stay open for the next PDF (see WarmPrinter); default 30 s.
   * 0 closes it after each use.
   */
  keepWarmMs?: number;
}
