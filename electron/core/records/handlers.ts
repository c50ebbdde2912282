import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { defineHandlers } from '../router';
import { verifyChain } from '../audit/chain';
import type { RecordExporter } from './exporter';

export const recordHandlers = (deps: { db: Database; exporter: RecordExporter; dataDir: string }) =>
  defineHandlers({
    'records.export': ({ scope, folder }) => deps.exporter.export(scope, folder ?? join(deps.dataDir, 'exports')),
    'records.verifyAuditLog': () => verifyChain(deps.db),
  });
