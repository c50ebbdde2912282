import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ReportFormatName, CsvDelimiter } from '../../../shared/api/procedures/reports';
import { Locale, PartnerId } from '../../../shared/partners/schema';
import { ReportMonth } from '../../../shared/reports/month';
import { systemClock } from '../clock';
import { resolveDataDir } from '../dataDir';
import { databaseFile, openDatabase } from '../db/open';
import { EventBus } from '../events';
import { EditorialLineRepository } from '../editorial/repository';
import { EditorialService } from '../editorial/service';
import { PartnerRepository } from '../partners/repository';
import { PostRepository } from '../posts/repository';
import { ReportService } from './service';
import { installNodeZoneData } from '../time/nodeZoneTables';

export const usage = 'usage: npm run report -- --month YYYY-MM [--partner ID] --format pdf|csv|html --out PATH [--locale fr|en] [--delimiter ";"|","]';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * The report command for automation: reads the workspace (PLUME_DATA_DIR, else the default
 * data folder), writes one file at --out (relative to where npm was run), prints its path.
 * Without --partner: all partners (the summary, then each partner's report; CSV: every row).
 * Exit codes: 0 written, 1 failed, 2 bad usage.
 */
export async function runReportCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        month: { type: 'string' },
        partner: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        locale: { type: 'string' },
        delimiter: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(usage);
    return 2;
  }
  const month = ReportMonth.safeParse(args.month);
  const format = ReportFormatName.safeParse(args.format);
  const partner = args.partner === undefined ? null : PartnerId.safeParse(args.partner);
  const locale = args.locale === undefined ? null : Locale.safeParse(args.locale);
  const delimiter = args.delimiter === undefined ? null : CsvDelimiter.safeParse(args.delimiter);
  if (!month.success || !format.success || !args.out || partner?.success === false || locale?.success === false || delimiter?.success === false) {
    io.err(usage);
    return 2;
  }

  const dataDir = resolveDataDir(env);
  const file = databaseFile(dataDir);
  if (!existsSync(file)) {
    io.err(`No Plume workspace at ${dataDir} (set PLUME_DATA_DIR).`);
    return 1;
  }
  const out = resolve(env.INIT_CWD ?? process.cwd(), args.out);
  // Times in partners' zones come from core's tz tables, as in the app (one source of truth).
  installNodeZoneData();
  const { db } = openDatabase(file, systemClock.now());
  const partners = new PartnerRepository(db);
  const events = new EventBus();
  // The same cadence and pillar targets as in the app: the partner's editorial line.
  const editorial = new EditorialService(db, new EditorialLineRepository(db), partners, new PostRepository(db), systemClock, events);
  const service = new ReportService({
    db,
    partners,
    clock: systemClock,
    events,
    dataDir,
    cadenceFor: (partnerId) => editorial.cadenceFor(partnerId).cadence,
  });
  try {
    const doc = service.document({ month: month.data, partnerId: partner?.data ?? null, locale: locale?.data ?? undefined });
    const bytes = await service.writeTo(out, doc, format.data, delimiter?.data ?? undefined);
    io.out(`${out} (${bytes} bytes)`);
    return 0;
  } catch (error) {
    io.err(`Report failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    service.close();
    db.close();
  }
}
