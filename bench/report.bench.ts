import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../electron/core/app';
import { systemClock } from '../electron/core/clock';
import { EventBus } from '../electron/core/events';
import { createLogger } from '../electron/core/log';
import { PartnerRepository } from '../electron/core/partners/repository';
import { ReportService } from '../electron/core/reports/service';
import type { ProcedureInput } from '../shared/api/contract';
import { monthRange, previousMonth } from '../shared/reports/month';
import { agencyWorkspace } from './support/agencyWorkspace';
import { call } from './support/core';
import { printTable, time, timeAsync } from './support/stats';
import type { Measure } from './support/stats';

/**
 * Monthly reports on the agency workspace (bench/support/agencyWorkspace.ts: 100,000 posts,
 * 1,000,000 audit entries over ~3 years, engagement readings of every published post), for 40 partners (10 of the 50 archived before the
 * month, setup) and a month in the middle of the data. Goals: every format under 2 s for the 40
 * partners, engagement included (issue 17); a PDF under 1 s per partner. The figures are the real
 * path: the procedure through core's router, the service, the rendered HTML/CSV/PDF bytes. Same-run baselines: the raw SELECT of the month's audit
 * rows for the 40 partners, and the same one-partner report as HTML for the PDFs.
 */
const MONTH = '2026-05';
const PARTNERS = 40;
const RUNS = 7;
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-report-'));

async function main(): Promise<void> {
  const dir = await agencyWorkspace(join(scratch, 'agency'));
  const file = join(dir, 'plume.sqlite');
  // Setup: 10 partners archived before the month, so the report covers 40.
  const setup = new Database(file);
  setup.prepare('UPDATE partners SET archived_at = ? WHERE id IN (SELECT id FROM partners ORDER BY display_name DESC LIMIT ?)').run(Date.parse('2025-01-01T00:00:00Z'), 50 - PARTNERS);
  setup.close();

  const core = createCore({ dataDir: dir, logger: createLogger({}) });
  const raw = new Database(file, { readonly: true });
  try {
    const partners = raw.prepare('SELECT id, time_zone AS zone FROM partners WHERE archived_at IS NULL ORDER BY display_name').all() as { id: string; zone: string }[];
    const windowRows = raw.prepare('SELECT * FROM audit_log WHERE partner_id = ? AND at >= ? AND at < ?');
    let inMonth = 0;
    const rawMonth = () => {
      inMonth = 0;
      for (const p of partners) inMonth += windowRows.all(p.id, monthRange(MONTH, p.zone).start, monthRange(MONTH, p.zone).end).length;
    };
    const rawTwoMonths = () => {
      for (const p of partners) windowRows.all(p.id, monthRange(previousMonth(MONTH), p.zone).start, monthRange(MONTH, p.zone).end);
    };
    rawMonth();
    const readingsInMonth = (raw.prepare(
      `SELECT count(*) AS n FROM engagement_readings r JOIN publications p ON p.id = r.publication_id
       WHERE p.published_at >= ? AND p.published_at < ?`,
    ).get(monthRange(MONTH, 'UTC').start, monthRange(MONTH, 'UTC').end) as { n: number }).n;
    const month = { name: 'raw SELECT, month', samples: Array.from({ length: RUNS }, () => time(rawMonth)) };
    const twoMonths = Array.from({ length: RUNS }, () => time(rawTwoMonths));

    await call(core, 'reports.preview', { month: MONTH, partnerId: null }); // warm-up: statements prepared, code compiled

    // The fixture checked against what its reports read: every publication stored in the month, by network.
    const checked = partners[0];
    if (checked) {
      const built = await call(core, 'reports.build', { month: MONTH, partnerId: checked.id });
      const reported = built.kind === 'partner' ? built.report.figures.publishedByNetwork : [];
      const range = monthRange(MONTH, checked.zone);
      const stored = raw
        .prepare(`SELECT p.network, count(*) AS count FROM publications p JOIN posts ON posts.id = p.post_id
                  WHERE posts.partner_id = ? AND p.state = 'published' AND p.published_at >= ? AND p.published_at < ? GROUP BY p.network ORDER BY p.network`)
        .all(checked.id, range.start, range.end) as { network: string; count: number }[];
      const line = (rows: readonly { network: string; count: number }[]) => [...rows].sort((a, b) => a.network.localeCompare(b.network)).map((r) => `${r.network} ${r.count}`).join(', ');
      console.log(`fixture check, one partner's ${MONTH}: the report counts ${line(reported)}; the workspace stores ${line(stored)}`);
      if (line(reported) !== line(stored)) throw new Error('the agency fixture’s audit log and its publications disagree: rebuild it (bench/support/agencyWorkspace.ts)');
    }
    const samples = async (input: ProcedureInput<'reports.export'>, runs = RUNS) => {
      const list: number[] = [];
      for (let i = 0; i < runs; i++) list.push(await timeAsync(() => call(core, 'reports.export', input)));
      return list;
    };
    const preview: number[] = [];
    for (let i = 0; i < RUNS; i++) preview.push(await timeAsync(() => call(core, 'reports.preview', { month: MONTH, partnerId: null })));
    const html = await samples({ month: MONTH, partnerId: null, format: 'html' });
    const csv = await samples({ month: MONTH, partnerId: null, format: 'csv' });
    const exportAllHtml: number[] = [];
    for (let i = 0; i < 3; i++) exportAllHtml.push(await timeAsync(() => call(core, 'reports.exportAll', { jobId: randomUUID(), month: MONTH, format: 'html' })));

    // PDF, one partner: Chromium started for it and closed after (a service that keeps no
    // session warm), then as the app does it, the session kept open between two downloads.
    const firstPartner = partners[0]?.id ?? '';
    const oneHtml = { name: 'same report, HTML', samples: await samples({ month: MONTH, partnerId: firstPartner, format: 'html' }) };
    const coldDb = new Database(file);
    const cold = new ReportService({ db: coldDb, partners: new PartnerRepository(coldDb), clock: systemClock, events: new EventBus(), dataDir: join(scratch, 'cold'), printerIdleMs: 0 });
    const coldPdf: number[] = [];
    for (let i = 0; i < 3; i++) coldPdf.push(await timeAsync(() => cold.export({ month: MONTH, partnerId: firstPartner, format: 'pdf' })));
    cold.close();
    coldDb.close();
    await call(core, 'reports.download', { month: MONTH, partnerId: firstPartner, format: 'pdf' }); // starts the warm session
    const warmPdf: number[] = [];
    for (const partner of partners.slice(1, 8)) warmPdf.push(await timeAsync(() => call(core, 'reports.download', { month: MONTH, partnerId: partner.id, format: 'pdf' })));

    const jobId = randomUUID();
    const stamps: number[] = [];
    const unsubscribe = core.events.subscribe((event) => {
      if (event.type === 'report.progress' && event.jobId === jobId) stamps.push(performance.now());
    });
    const allPdf = await timeAsync(() => call(core, 'reports.exportAll', { jobId, month: MONTH, format: 'pdf' }));
    unsubscribe();
    const perFile = stamps.slice(1, PARTNERS + 1).map((stamp, i) => stamp - (stamps[i] ?? stamp));

    const under2s = { statistic: 'median', below: 2_000 } as const;
    const under1s = { statistic: 'median', below: 1_000 } as const;
    const measures: Measure[] = [
      { what: `${PARTNERS} partners, preview HTML`, samples: preview, goal: under2s, baseline: month },
      { what: `${PARTNERS} partners, HTML file`, samples: html, goal: under2s, baseline: month },
      { what: `${PARTNERS} partners, CSV file`, samples: csv, goal: under2s, baseline: month },
      { what: `${PARTNERS} partners, one HTML file each + summary`, samples: exportAllHtml, goal: under2s, baseline: month },
      { what: 'raw SELECT, month + previous month', samples: twoMonths, baseline: month },
      { what: 'PDF, one partner, Chromium started for it', samples: coldPdf, goal: under1s, baseline: oneHtml },
      { what: 'PDF, one partner, session already open', samples: warmPdf, goal: under1s, baseline: oneHtml },
      { what: 'PDF per partner in export-all', samples: perFile.slice(1), goal: { statistic: 'p95', below: 1_000 }, baseline: oneHtml },
      { what: `PDF, export all ${PARTNERS} partners + summary`, samples: [allPdf], goal: { statistic: 'max', below: PARTNERS * 1_000 } },
    ];
    printTable(`Monthly reports ${MONTH}, agency workspace, ${PARTNERS} partners, ${inMonth.toLocaleString('en')} audit entries and ${readingsInMonth.toLocaleString('en')} engagement readings in the month`, measures);
  } finally {
    raw.close();
    core.close();
  }
}

await main().finally(() => rmSync(scratch, { recursive: true, force: true }));
