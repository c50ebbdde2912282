import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { CalendarWarningSchema } from '../../../shared/calendar/warningSchema';
import type { ComputedUnit, UnitRequest } from './warningUnits';

const Reply = z.discriminatedUnion('ok', [
  z.object({
    id: z.number().int(),
    ok: z.literal(true),
    units: z.array(
      z.object({ partnerId: z.string(), kind: z.enum(['week', 'month']), start: z.string(), warnings: z.array(CalendarWarningSchema), postIds: z.array(z.string()) }),
    ),
  }),
  z.object({ id: z.number().int(), ok: z.literal(false), message: z.string() }),
]);

/**
 * The worker's entry: the bundled `warningsWorker.js` beside core's chunk (electron.vite.config.ts),
 * or the TypeScript source when core itself runs from source (tests, tsx), loaded through tsx.
 */
function startWorker(workerData: unknown): Worker {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'warningsWorker.js');
  if (existsSync(bundled)) return new Worker(bundled, { workerData });
  const source = JSON.stringify(pathToFileURL(join(here, 'warningsWorker.ts')).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); })`, { eval: true, workerData });
}

/** One worker thread computing warning units, started on first use; requests are answered in order. */
export class WarningsThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (units: ComputedUnit[]) => void; reject: (error: Error) => void }>();

  constructor(private readonly databasePath: string) {}

  compute(requests: UnitRequest[]): Promise<ComputedUnit[]> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, requests });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = startWorker({ databasePath: this.databasePath });
    worker.on('message', (message: unknown) => {
      const reply = Reply.parse(message);
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      // An idle thread must not keep a closing process alive.
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting?.resolve(reply.units);
      else waiting?.reject(new Error(`calendar warnings: ${reply.message}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`calendar warnings thread stopped (${code})`)));
    this.worker = worker;
    return worker;
  }
}
