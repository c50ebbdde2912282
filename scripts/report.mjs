// `npm run report -- --month 2026-10 [--partner ID] --format pdf|csv|html --out PATH`
// The monthly activity report from the command line (see electron/core/reports/cli.ts).
import { tsImport } from 'tsx/esm/api';
import { ensureNativeForNode } from './native.mjs';

ensureNativeForNode();
const { runReportCli } = await tsImport('../electron/core/reports/cli.ts', import.meta.url);
process.exitCode = await runReportCli(process.argv.slice(2));
