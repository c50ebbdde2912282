import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AuditRepository } from '../electron/core/audit/repository';
import type { AuditAppend } from '../electron/core/audit/repository';
import { createCore } from '../electron/core/app';
import type { Core } from '../electron/core/app';
import { systemClock } from '../electron/core/clock';
import { EventBus } from '../electron/core/events';
import { createLogger } from '../electron/core/log';
import { PartnerRepository } from '../electron/core/partners/repository';
import { ReportService } from '../electron/core/reports/service';
import type { Network } from '../shared/posts/networks';
import { monthRange, previousMonth } from '../shared/reports/month';
import { median, percentile, report, time, timeAsync } from './support/stats';
import { call } from './support/core';
import type { ProcedureInput } from '../shared/api/contract';

/**
 * Monthly reports: 40 partners, one month, on a workspace whose audit log holds 100,000
 * entries over twelve months (about 8,000 in the month reported). Goals: every format but PDF
 * under 2 s for all 40 partners; a PDF under 1 s per partner. Baseline, same run: the raw
 * SELECT of the month's rows for the 40 partners (and the months before, which a report also reads).
 */
const MONTH = '2026-10';
const PARTNERS = 40;
const EVENTS = 100_000;
const scratch = mkdtempSync(join(tmpdir(), 'plume-bench-report-'));
const logger = createLogger({});

/** A small deterministic generator, so every run measures the same workspace. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const zones = ['Europe/Paris', 'Europe/London', 'America/New_York', 'Europe/Brussels', 'Asia/Tokyo'];
const pillars = ['expertise', 'actualité', 'cabinet', 'engagement', null];

interface Seeded {
  core: Core;
  partnerIds: string[];
  databasePath: string;
}

async function seed(): Promise<Seeded> {
  const dir = join(scratch, 'workspace');
  const core = createCore({ dataDir: dir, logger });
  const partnerIds: string[] = [];
  for (let i = 0; i < PARTNERS; i++) {
    const partner = await call(core, 'partners.create', {
      displayName: `Me Associé ${String(i + 1).padStart(2, '0')}`,
      timeZone: zones[i % zones.length] ?? 'Europe/Paris',
      locale: i % 3 === 0 ? 'en' : 'fr',
      color: ['#1d4ed8', '#7c2d12', '#065f46', '#6d28d9', '#b45309'][i % 5] ?? '#1d4ed8',
    });
    partnerIds.push(partner.id);
  }

  // Setup, not measured: posts straight into the file (as the foundation bench does), the
  // audit log through AuditRepository.append, in one transaction.
  const db = new Database(core.databasePath);
  const audit = new AuditRepository(db);
  const insertPost = db.prepare(
    `INSERT INTO posts (id, partner_id, title, note, networks, content_json, plain_text, status, created_at, updated_at, pillar)
     VALUES (?, ?, ?, '', ?, '{"type":"doc","content":[]}', '', 'published', ?, ?, ?)`,
  );
  const rand = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const start = Date.UTC(2025, 10, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  let count = 0;
  db.transaction(() => {
    while (count < EVENTS) {
      const partnerId = pick(partnerIds);
      const postId = randomUUID();
      const networks: Network[] = rand() < 0.3 ? ['linkedin', 'x'] : ['linkedin'];
      let at = start + Math.floor(rand() * span);
      insertPost.run(postId, partnerId, `Publication ${count}`, JSON.stringify(networks), at, at, pick(pillars));
      const add = (action: AuditAppend['action'], details: Record<string, unknown> = {}, gap = HOUR) => {
        at += Math.floor(gap * (0.5 + rand()));
        audit.append({ postId, partnerId, at, actor: { kind: 'community_manager', name: '' }, action, fromStatus: null, toStatus: null, revisionNumber: null, revisionHash: null, channel: 'app', details });
        count += 1;
      };
      add('created');
      for (let e = Math.floor(rand() * 5); e > 0; e--) add('contentEdited', {}, HOUR / 4);
      let round = 0;
      for (;;) {
        round += 1;
        const requestId = `${postId}-${round}`;
        const requestedAt = at + HOUR;
        const deadlineAt = requestedAt + 48 * HOUR;
        add('requestSignoff', { requestId, deadlineAt, findings: { error: 0, warning: Math.floor(rand() * 3), info: Math.floor(rand() * 2), byKind: { sentenceLength: 1 } }, override: rand() < 0.05 ? { justification: 'Validé au téléphone', findingIds: ['f'] } : null });
        add('signoffEmailSent', { requestId }, HOUR / 10);
        const decided = requestedAt + Math.floor(rand() * 72 * HOUR);
        at = decided - HOUR;
        const roll = rand();
        const decision = roll < 0.2 && round < 3 ? 'requestChanges' : roll < 0.25 ? 'reject' : 'approve';
        add(decision, { requestId, requestedAt, deadlineAt, comment: null });
        if (decision !== 'requestChanges') break;
        add('contentEdited', {}, 2 * HOUR);
      }
      if (rand() < 0.75) {
        add('schedule', {}, 6 * HOUR);
        for (const network of networks) add('published', { network, remoteId: 'r', url: `https://example.org/${postId}/${network}` }, 24 * HOUR);
      }
    }
  })();
  db.close();
  return { core, partnerIds, databasePath: core.databasePath };
}

async function main(): Promise<void> {
  const seeded = await seed();
  const { core } = seeded;
  const raw = new Database(seeded.databasePath, { readonly: true });
  const total = (raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const partners = raw.prepare('SELECT id, time_zone AS zone FROM partners').all() as { id: string; zone: string }[];
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
  console.log(`Reports — ${PARTNERS} partners, ${total.toLocaleString('en')} audit entries, ${inMonth.toLocaleString('en')} in ${MONTH}`);

  const runs = 7;
  const baseline = median(Array.from({ length: runs }, () => time(rawMonth)));
  const baselineTwo = median(Array.from({ length: runs }, () => time(rawTwoMonths)));

  await call(core, 'reports.preview', { month: MONTH, partnerId: null }); // warm-up: statements prepared, code compiled
  const samples = async (input: ProcedureInput<'reports.export'>) => {
    const list: number[] = [];
    for (let i = 0; i < runs; i++) list.push(await timeAsync(() => call(core, 'reports.export', input)));
    return list;
  };
  const previewAll: number[] = [];
  for (let i = 0; i < runs; i++) previewAll.push(await timeAsync(() => call(core, 'reports.preview', { month: MONTH, partnerId: null })));
  const html = await samples({ month: MONTH, partnerId: null, format: 'html' });
  const csv = await samples({ month: MONTH, partnerId: null, format: 'csv' });
  const exportAllHtml: number[] = [];
  for (let i = 0; i < 3; i++) exportAllHtml.push(await timeAsync(() => call(core, 'reports.exportAll', { jobId: randomUUID(), month: MONTH, format: 'html' })));

  report('40 partners, preview HTML (median)', median(previewAll), 'raw SELECT, month', baseline, '< 2 s');
  report('40 partners, HTML file (median)', median(html), 'raw SELECT, month', baseline, '< 2 s');
  report('40 partners, CSV file (median)', median(csv), 'raw SELECT, month', baseline, '< 2 s');
  report('40 partners, one HTML file each + summary', median(exportAllHtml), 'raw SELECT, month', baseline, '< 2 s');
  report('  (raw SELECT, month + previous month)', baselineTwo, 'raw SELECT, month', baseline);

  // PDF, one partner: Chromium started for it and closed after (a service that keeps no
  // session warm), then as the app does it, the session kept open between two downloads.
  const firstPartner = seeded.partnerIds[0] ?? '';
  const oneHtml = median(await samples({ month: MONTH, partnerId: firstPartner, format: 'html' }));
  const coldDb = new Database(seeded.databasePath);
  const cold = new ReportService({ db: coldDb, partners: new PartnerRepository(coldDb), clock: systemClock, events: new EventBus(), dataDir: join(scratch, 'cold'), printerIdleMs: 0 });
  const coldPdf: number[] = [];
  for (let i = 0; i < 3; i++) coldPdf.push(await timeAsync(() => cold.export({ month: MONTH, partnerId: firstPartner, format: 'pdf' })));
  cold.close();
  coldDb.close();
  report('PDF, one partner, Chromium started for it (median)', median(coldPdf), 'same report as HTML', oneHtml, '< 1 s');
  await call(core, 'reports.download', { month: MONTH, partnerId: firstPartner, format: 'pdf' }); // starts the warm session
  const warmPdf: number[] = [];
  for (const partnerId of seeded.partnerIds.slice(1, 8)) warmPdf.push(await timeAsync(() => call(core, 'reports.download', { month: MONTH, partnerId, format: 'pdf' })));
  report('PDF, one partner, session already open (median)', median(warmPdf), 'same report as HTML', oneHtml, '< 1 s');

  const jobId = randomUUID();
  const stamps: number[] = [];
  const unsubscribe = core.events.subscribe((event) => {
    if (event.type === 'report.progress' && event.jobId === jobId) stamps.push(performance.now());
  });
  const allPdf = await timeAsync(() => call(core, 'reports.exportAll', { jobId, month: MONTH, format: 'pdf' }));
  unsubscribe();
  const perFile = stamps.slice(1, PARTNERS + 1).map((stamp, i) => stamp - (stamps[i] ?? stamp));
  report('PDF per partner in export-all (median)', median(perFile.slice(1)), 'same report as HTML', oneHtml, '< 1 s');
  report('PDF per partner in export-all (p95)', percentile(perFile.slice(1), 95), 'same report as HTML', oneHtml, '< 1 s');
  report('PDF, export all 40 partners + summary', allPdf, 'raw SELECT, month', baseline);

  raw.close();
  core.close();
}

await main();
rmSync(scratch, { recursive: true, force: true });
