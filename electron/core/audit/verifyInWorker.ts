import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { AuditLogVerification } from '../../../shared/api/procedures/records';
import type { ChainVerification } from './chain';

/** What the worker posts back, checked as any message crossing a boundary. */
const WorkerMessage = z.union([z.object({ ok: z.literal(true), result: AuditLogVerification }), z.object({ ok: z.literal(false), error: z.string() })]);

/**
 * The worker's entry: the built `auditVerifyWorker.js` beside the bundle's chunks; or, when
 * core runs from its TypeScript sources (tests, benchmarks), a bootstrap that registers tsx
 * in the worker (Node 20 applies no --import hooks to a worker's entry) and loads the source.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./auditVerifyWorker.js', import.meta.url);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./verifyWorker.ts', import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

const failed = (reason: string): ApiError =>
  new ApiError({ code: 'unavailable', messageKey: 'records.errors.auditVerifyFailed', message: `audit log verification could not run: ${reason}` });

/** Verifies the workspace's audit chain in a worker thread; core's thread stays free meanwhile. */
export function verifyChainInWorker(databasePath: string, anchorKey: Buffer | null): Promise<ChainVerification> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    const worker = new Worker(workerEntry(), { workerData: { path: databasePath, anchorKey } });
    worker.once('message', (raw: unknown) =>
      settle(() => {
        const message = WorkerMessage.safeParse(raw);
        if (!message.success) reject(failed('unexpected answer from the worker'));
        else if (message.data.ok) resolve(message.data.result);
        else reject(failed(message.data.error));
      }),
    );
    worker.once('error', (error) => settle(() => reject(failed(error.message))));
    worker.once('exit', (code) => settle(() => reject(failed(`worker stopped (exit ${code})`))));
  });
}
