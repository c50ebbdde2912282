import { dirname, isAbsolute, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import type { ReportFile, ReportFormatName } from '../../../shared/api/procedures/reports';
import type { CadencePolicy } from '../../../shared/calendar/cadencePolicy';
import type { Locale, Partner } from '../../../shared/partners/schema';
import { aggregateMonth } from '../../../shared/reports/aggregate';
import { aggregateEngagement } from '../../../shared/reports/engagement';
import { lastDayOfMonth } from '../../../shared/calendar/civil';
import type { ReportPost } from '../../../shared/reports/input';
import type { PartnerReport, ReportDocument, SummaryReport } from '../../../shared/reports/model';
import type { AuditEntry } from '../../../shared/signoff/audit';
import type { ReportVoice } from '../../../shared/reports/voice';
import { monthRange, previousMonth } from '../../../shared/reports/month';
import { aggregateAll } from '../../../shared/reports/summary';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { ReportEngagementRead } from '../engagement/reportSource';
import type { EventBus } from '../events';
import type { PartnerRepository } from '../partners/repository';
import { allPartnersFileName, ensureFolder, exportAllFolderName, partnerFileName, writeAtomically } from './files';
import { createLogger } from '../log';
import type { Logger } from '../log';
import type { PdfPrinter, PdfSession } from './pdf';
import { playwrightPrinter } from './playwrightPrinter';
import { renderCsv } from './render/csv';
import type { CsvDelimiter } from './render/csv';
import { pdfFooter } from './render/footer';
import { renderHtml } from './render/html';
import { pageMarginsMm } from './render/styles';
import { ReportRepository } from './repository';
import type { PartnerWindow } from './repository';
import { SimilarityRepository } from '../similarity/repository';
import { WarmPrinter } from './warmPrinter';

export interface ReportServiceDeps {
  db: Database;
  partners: PartnerRepository;
  clock: Clock;
  events: EventBus;
  dataDir: string;
  /** Default: headless Chromium through Playwright, started only when a PDF is asked for. */
  printer?: PdfPrinter | undefined;
  /** How long an idle printing session stays open for the next PDF (default: the printer's, else 30 s). */
  printerIdleMs?: number;
  /** The partner’s cadence and pillar targets: their editorial line’s, resolved over the firm’s. */
  cadenceFor?: (partnerId: string) => CadencePolicy | null;
  /** Zone the all-partners report's dates are shown in; default: this machine's. */
  zone?: string;
  /** Each window's partner's publications in [from, to) with their figures, and follower counts on `lastDay` (engagement feature). */
  engagementFor?: (windows: readonly PartnerWindow[], lastDay: string) => Map<string, ReportEngagementRead>;
  /** How many of these posts read like the partner (voice profile, issue 18). */
  voiceFor?: (partnerId: string, postIds: readonly string[]) => ReportVoice | undefined;
  /** Where a failed write is logged (core's log); default: the workspace's plume.log. */
  log?: Logger;
}

/** What a month's reports read from the database, for all their partners at once (one pass per table). */
interface MonthReads {
  entries: Map<string, AuditEntry[]>;
  posts: Map<string, ReportPost>;
  engagement: Map<string, ReportEngagementRead> | null;
  /** Near-duplicate warnings dismissed during the month, per partner. */
  dismissals: Map<string, number>;
}

export interface ReportTarget {
  month: string;
  partnerId: string | null;
  /** The report's language: the summary's (default French), a partner's own report's (default the partner's). */
  locale?: Locale | undefined;
  cadence?: Record<string, CadencePolicy> | undefined;
}

export interface RenderOptions {
  delimiter?: CsvDelimiter | undefined;
  /** An open printing session to reuse (export all); otherwise the warm one is used. */
  session?: PdfSession | null;
}

export interface ExportAllInput {
  jobId: string;
  month: string;
  format: ReportFormatName;
  folder?: string | undefined;
  locale?: Locale | undefined;
  delimiter?: CsvDelimiter | undefined;
  cadence?: Record<string, CadencePolicy> | undefined;
}

export interface ExportedFile {
  partnerId: string | null;
  path: string;
  bytes: number;
}

const encoder = new TextEncoder();

const mediaTypes: Record<ReportFormatName, ReportFile['mediaType']> = {
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

const fileNameOf = (doc: ReportDocument, format: ReportFormatName): string =>
  doc.kind === 'partner'
    ? partnerFileName(doc.report.month, doc.report.partner, format, doc.report.partner.locale)
    : allPartnersFileName(doc.summary.month, format, doc.summary.locale);

/** Chromium missing or crashed: said plainly, with what still works. */
const pdfUnavailable = (cause: unknown) =>
  new ApiError({
    code: 'unavailable',
    messageKey: 'reports.errors.pdf',
    message: `The PDF could not be printed: ${cause instanceof Error ? cause.message : String(cause)}`,
  });

/** A printer whose failures (start or print) come out as `pdfUnavailable`. */
function explained(printer: PdfPrinter): PdfPrinter {
  return {
    async open(): Promise<PdfSession> {
      let session: PdfSession;
      try {
        session = await printer.open();
      } catch (error) {
        throw pdfUnavailable(error);
      }
      return {
        async print(page) {
          try {
            return await session.print(page);
          } catch (error) {
            throw pdfUnavailable(error);
          }
        },
        close: () => session.close(),
      };
    },
    ...(printer.keepWarmMs === undefined ? {} : { keepWarmMs: printer.keepWarmMs }),
  };
}
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const folderError = (folder: string) =>
  new ApiError({ code: 'validation', messageKey: 'errors.absoluteFolder', message: `Not an absolute folder: ${folder}`, issues: [{ path: ['folder'], messageKey: 'errors.absoluteFolder' }] });

/**
 * Monthly activity reports: built from the audit log and the posts (the pure aggregation in
 * shared/reports), rendered as HTML, CSV or PDF (printed from the same HTML), written into
 * the workspace's `exports/` folder or one the user chose.
 */
export class ReportService {
  private readonly reports: ReportRepository;
  private readonly similarity: SimilarityRepository;
  private readonly printing: WarmPrinter;
  private readonly jobs = new Map<string, AbortController>();
  private readonly log: Logger;

  constructor(private readonly deps: ReportServiceDeps) {
    this.log = deps.log ?? createLogger({ file: join(deps.dataDir, 'plume.log') });
    this.reports = new ReportRepository(deps.db);
    this.similarity = new SimilarityRepository(deps.db);
    this.printing = new WarmPrinter(explained(deps.printer ?? playwrightPrinter()), deps.printerIdleMs);
  }

  /** Closes the printing session if one is open (core's close). */
  close(): void {
    this.printing.close();
  }

  private get zone(): string {
    return this.deps.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  private cadenceOf(partnerId: string, given: Record<string, CadencePolicy> | undefined): CadencePolicy | null {
    return given?.[partnerId] ?? this.deps.cadenceFor?.(partnerId) ?? null;
  }

  /** The month and the one before of every partner given, each in the partner's zone: one read per table. */
  private read(partners: readonly Partner[], month: string): MonthReads {
    const ranges = partners.map((p) => ({ partnerId: p.id, month: monthRange(month, p.timeZone), previous: monthRange(previousMonth(month), p.timeZone) }));
    const windows = ranges.map((r) => ({ partnerId: r.partnerId, from: r.previous.start, to: r.month.end }));
    const entries = this.reports.entriesFor(windows);
    const posts = this.reports.posts(new Set([...entries.values()].flatMap((list) => list.map((e) => e.postId))));
    const dismissals = this.similarity.dismissalCounts(ranges.map((r) => ({ partnerId: r.partnerId, from: r.month.start, to: r.month.end })));
    return { entries, posts, engagement: this.deps.engagementFor?.(windows, lastDayOfMonth(month)) ?? null, dismissals };
  }

  /** One partner's month and, for the comparison, the month before — from `reads` (else read for this partner alone). */
  partnerReport(partner: Partner, month: string, cadence: CadencePolicy | null, reads: MonthReads = this.read([partner], month)): PartnerReport {
    const zone = partner.timeZone;
    const previous = previousMonth(month);
    const entries = reads.entries.get(partner.id) ?? [];
    const posts = [...new Set(entries.map((e) => e.postId))].flatMap((postId) => reads.posts.get(postId) ?? []);
    const { id, displayName, role, organisation, color, timeZone, locale } = partner;
    const base = { partner: { id, displayName, role, organisation, color, timeZone, locale }, entries, posts, cadence, generatedAt: this.deps.clock.now() };
    const before = aggregateMonth({ ...base, month: previous, previous: null });
    const range = monthRange(month, zone);
    const current = aggregateMonth({ ...base, month, previous: before.figures });
    const voice = this.deps.voiceFor?.(partner.id, current.published.map((p) => p.postId));
    const report = { ...current, nearDuplicatesKept: reads.dismissals.get(partner.id) ?? 0, ...(voice ? { voice } : {}) };
    const previousRange = monthRange(previous, zone);
    const read = reads.engagement?.get(partner.id);
    if (read === undefined || read.publications.length === 0) return report;
    return { ...report, engagement: aggregateEngagement({ ...read, range, previousRange }) };
  }

  /** Partners the month concerns: every active one, and those archived during or after it. */
  partnersOf(month: string): Partner[] {
    return this.deps.partners
      .list(true)
      .filter((p) => p.archivedAt === null || p.archivedAt >= monthRange(month, p.timeZone).start);
  }

  private partner(id: string): Partner {
    const partner = this.deps.partners.get(id);
    if (!partner) throw notFound('partner', id);
    return partner;
  }

  summary(month: string, reports: readonly PartnerReport[], locale: Locale = 'fr'): SummaryReport {
    return aggregateAll({ month, reports, locale, zone: this.zone, generatedAt: this.deps.clock.now() });
  }

  document(target: ReportTarget): ReportDocument {
    if (target.partnerId !== null) {
      const partner = this.partner(target.partnerId);
      const report = this.partnerReport(partner, target.month, this.cadenceOf(partner.id, target.cadence));
      // The renderer writes a partner's report in `report.partner.locale`: the language asked for, else the partner's own.
      return { kind: 'partner', report: target.locale === undefined ? report : { ...report, partner: { ...report.partner, locale: target.locale } } };
    }
    const active = this.partnersOf(target.month);
    const reads = this.read(active, target.month);
    const partners = active.map((p) => this.partnerReport(p, target.month, this.cadenceOf(p.id, target.cadence), reads));
    return { kind: 'all', summary: this.summary(target.month, partners, target.locale), partners };
  }

  preview(target: ReportTarget): { html: string } {
    return { html: renderHtml(this.document(target)) };
  }

  async render(doc: ReportDocument, format: ReportFormatName, options: RenderOptions = {}): Promise<Uint8Array> {
    if (format === 'csv') return encoder.encode(renderCsv(doc, options.delimiter));
    const html = renderHtml(doc);
    if (format === 'html') return encoder.encode(html);
    const page = { html, footerTemplate: pdfFooter(doc), marginsMm: pageMarginsMm };
    if (options.session) return options.session.print(page);
    return this.printing.use((session) => session.print(page));
  }

  private exportsFolder(folder: string | undefined): string {
    if (folder === undefined) return join(this.deps.dataDir, 'exports');
    if (!isAbsolute(folder)) throw folderError(folder);
    return folder;
  }

  /** A write that failed: its words go to plume.log, the error (already translated by key) to the caller. */
  private logged<T>(what: string, work: () => Promise<T>): Promise<T> {
    return work().catch((error: unknown) => {
      this.log.error(`${what} failed${error instanceof ApiError ? `: ${error.message}` : ''}`, error instanceof ApiError ? undefined : error);
      throw error;
    });
  }

  /** Writes one document at an exact path (the CLI's --out); the folder is made (or refused) before anything is rendered. */
  writeTo(path: string, doc: ReportDocument, format: ReportFormatName, delimiter?: CsvDelimiter): Promise<number> {
    return this.logged(`report ${path}`, async () => {
      await ensureFolder(dirname(path));
      const bytes = await this.render(doc, format, { delimiter });
      await writeAtomically(path, bytes);
      return bytes.length;
    });
  }

  async export(input: ReportTarget & { format: ReportFormatName; folder?: string | undefined; delimiter?: CsvDelimiter | undefined }): Promise<{ path: string; bytes: number }> {
    const folder = this.exportsFolder(input.folder);
    const doc = this.document(input);
    const path = join(folder, fileNameOf(doc, input.format));
    return { path, bytes: await this.writeTo(path, doc, input.format, input.delimiter) };
  }

  /** The file itself, for the UI to save where the user chooses (nothing written here). */
  async download(input: ReportTarget & { format: ReportFormatName; delimiter?: CsvDelimiter | undefined }): Promise<ReportFile> {
    const doc = this.document(input);
    const bytes = await this.render(doc, input.format, { delimiter: input.delimiter });
    return { fileName: fileNameOf(doc, input.format), mediaType: mediaTypes[input.format], base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
  }

  /**
   * Every partner's report as its own file (in their language and colour), then the summary,
   * into `plume-rapports-YYYY-MM/` (`plume-reports-…` in English). Emits `report.progress` after each file; `cancel(jobId)` or
   * `signal` stops it between two files (the files already written stay, and are listed).
   */
  async exportAll(input: ExportAllInput, signal?: AbortSignal): Promise<{ folder: string; files: ExportedFile[]; cancelled: boolean }> {
    if (this.jobs.has(input.jobId)) {
      throw new ApiError({ code: 'conflict', messageKey: 'errors.conflict', message: `Export ${input.jobId} is already running` });
    }
    const folder = join(this.exportsFolder(input.folder), exportAllFolderName(input.month, input.locale ?? 'fr'));
    const partners = this.partnersOf(input.month);
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    this.jobs.set(input.jobId, controller);
    const total = partners.length + 1;
    const files: ExportedFile[] = [];
    const progress = (state: 'running' | 'done' | 'cancelled' | 'failed', partnerId: string | null) =>
      this.deps.events.emit({ type: 'report.progress', jobId: input.jobId, done: files.length, total, state, partnerId });
    const writeAll = async (session: PdfSession | null): Promise<void> => {
      const reads = this.read(partners, input.month);
      const reports: PartnerReport[] = [];
      for (const partner of partners) {
        // Yield first, so a cancel call that arrived meanwhile is seen before the next file.
        await nextTurn();
        if (controller.signal.aborted) break;
        const report = this.partnerReport(partner, input.month, this.cadenceOf(partner.id, input.cadence), reads);
        reports.push(report);
        const path = join(folder, partnerFileName(input.month, partner, input.format, partner.locale));
        const bytes = await this.render({ kind: 'partner', report }, input.format, { session, delimiter: input.delimiter });
        await writeAtomically(path, bytes);
        files.push({ partnerId: partner.id, path, bytes: bytes.length });
        progress('running', partner.id);
      }
      await nextTurn();
      if (!controller.signal.aborted) {
        // The summary file: the firm's page for PDF and HTML (partners have their own files), every row for CSV.
        const summary = this.summary(input.month, reports, input.locale);
        const doc: ReportDocument = { kind: 'all', summary, partners: input.format === 'csv' ? reports : [] };
        const path = join(folder, allPartnersFileName(input.month, input.format, summary.locale));
        const bytes = await this.render(doc, input.format, { session, delimiter: input.delimiter });
        await writeAtomically(path, bytes);
        files.push({ partnerId: null, path, bytes: bytes.length });
      }
    };
    try {
      progress('running', null);
      // The folder first: one that cannot be made fails at once, before any printing starts.
      await ensureFolder(folder);
      if (input.format === 'pdf') await this.printing.use(writeAll);
      else await writeAll(null);
      const cancelled = controller.signal.aborted;
      progress(cancelled ? 'cancelled' : 'done', null);
      return { folder, files, cancelled };
    } catch (error) {
      // The files listed so far are whole (each written beside, then renamed); the event says how many.
      progress('failed', null);
      this.log.error(`export of every partner's ${input.month} reports into ${folder} stopped after ${files.length} file(s)${error instanceof ApiError ? `: ${error.message}` : ''}`, error instanceof ApiError ? undefined : error);
      throw error;
    } finally {
      this.jobs.delete(input.jobId);
    }
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    job?.abort();
    return { cancelled: job !== undefined };
  }
}
