import { join } from 'node:path';
import { defineHandlers } from '../router';
import { verifyChainInWorker } from '../audit/verifyInWorker';
import type { RecordExporter } from './exporter';

export const recordHandlers = (deps: { databasePath: string; exporter: RecordExporter; dataDir: string; anchorKey: () => Promise<Buffer | null> }) =>
  defineHandlers({
    'records.export': ({ scope, folder }) => deps.exporter.export(scope, folder ?? join(deps.dataDir, 'exports')),
    // In a worker thread: a million entries take about 12 s, and core answers other calls meanwhile.
    'records.verifyAuditLog': async () => verifyChainInWorker(deps.databasePath, await deps.anchorKey()),
  });
