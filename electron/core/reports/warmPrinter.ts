import type { PdfPrinter, PdfSession } from './pdf';

interface Warm {
  session: Promise<PdfSession>;
  users: number;
  timer: ReturnType<typeof setTimeout> | null;
  retired: boolean;
  closed: boolean;
}

/**
 * Keeps one printing session open for a while after its last use. Starting Chromium costs
 * more than printing a report (the benchmark measures both), and a user downloads several PDFs
 * in a row; the session closes after `idleMs` without use, on `close()`, or at once when a
 * print fails (a crashed browser is not reused).
 */
export class WarmPrinter {
  private current: Warm | null = null;

  private readonly idleMs: number;

  constructor(
    private readonly printer: PdfPrinter,
    idleMs?: number,
  ) {
    this.idleMs = idleMs ?? printer.keepWarmMs ?? 30_000;
  }

  /** Runs `work` with the warm session, opening one if none is open. */
  async use<T>(work: (session: PdfSession) => Promise<T>): Promise<T> {
    const warm = this.current ?? this.open();
    if (warm.timer) clearTimeout(warm.timer);
    warm.timer = null;
    warm.users += 1;
    let failed = false;
    try {
      return await work(await warm.session);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      warm.users -= 1;
      if (failed || warm.retired || (warm.users === 0 && this.idleMs === 0)) this.retire(warm);
      else if (warm.users === 0) {
        warm.timer = setTimeout(() => this.retire(warm), this.idleMs);
        // An idle browser must not keep Node alive (the CLI, tests).
        warm.timer.unref();
      }
    }
  }

  /** Closes the session (now if idle, else when its last print ends). */
  close(): void {
    if (this.current) this.retire(this.current);
  }

  private open(): Warm {
    const warm: Warm = { session: this.printer.open(), users: 0, timer: null, retired: false, closed: false };
    // A failed start is reported to the caller by `use`; here it only must not go unhandled.
    warm.session.catch(() => undefined);
    this.current = warm;
    return warm;
  }

  private retire(warm: Warm): void {
    warm.retired = true;
    if (this.current === warm) this.current = null;
    if (warm.timer) clearTimeout(warm.timer);
    warm.timer = null;
    if (warm.users > 0 || warm.closed) return;
    warm.closed = true;
    void warm.session.then(
      (session) => session.close().catch(() => undefined),
      () => undefined,
    );
  }
}
