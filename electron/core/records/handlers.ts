import { join } from 'node:path';
import { defineHandlers } from '../router';
import { verifyChainInWorker } from '../audit/verifyInWorker';
import type { RecordExporter } from './exporter';

export interface RecordHandlerDeps {
  databasePath: string;
  exporter: RecordExporter;
  dataDir: string;
  anchorKey: () => Promise<Buffer | null>;
  /** The start's anchoring of the log (after the file's check): entries written before it have no anchor yet. */
  anchored: Promise<void>;
}

export const recordHandlers = (deps: RecordHandlerDeps) =>
  defineHandlers({
    'records.export': ({ scope, folder }) => deps.exporter.export(scope, folder ?? join(deps.dataDir, 'exports')),
    // In a worker thread: a million entries take about 12 s, and core answers other calls meanwhile.
    // Once the start's anchoring is done: before it, a log written since the start has no anchor
    // yet and would read as « anchor deleted ».
    'records.verifyAuditLog': async () => {
      await deps.anchored;
      return verifyChainInWorker(deps.databasePath, await deps.anchorKey());
    },
  });
