import { z } from 'zod';
import { procedure } from '../procedure';
import { CadencePolicy } from '../../calendar/cadencePolicy';
import { Locale, PartnerId } from '../../partners/schema';
import { ReportDocument } from '../../reports/model';
import { ReportMonth } from '../../reports/month';

export const ReportFormatName = z.enum(['pdf', 'csv', 'html']);
export type ReportFormatName = z.infer<typeof ReportFormatName>;

/** `;` suits French Excel, `,` the rest of the world; default: by the report's language. */
export const CsvDelimiter = z.enum([',', ';']);

/** An absolute folder chosen by the user (POSIX or Windows); default: the workspace's `exports/`. */
const Folder = z.string().min(1).max(1_000).refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'), {
  message: 'errors.absoluteFolder',
});

const target = {
  month: ReportMonth,
  /** null: all partners (the summary, then each partner's report). */
  partnerId: PartnerId.nullable().default(null),
  /**
   * The report's language (its words, numbers, dates, CSV columns and file name). All partners:
   * the summary's, default French. One partner: default the partner's own language.
   */
  locale: Locale.optional(),
  /** Cadence and pillar targets per partner id, until partners carry their editorial line. */
  cadence: z.record(z.string(), CadencePolicy).optional(),
};

/** A report file handed to the UI, which saves it (a browser download; Electron's save dialog). */
export const ReportFile = z.object({
  fileName: z.string().min(1),
  mediaType: z.enum(['application/pdf', 'text/csv;charset=utf-8', 'text/html;charset=utf-8']),
  /** The file's bytes, base64: JSON carries no binary, and a report is at most a few MB. */
  base64: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type ReportFile = z.infer<typeof ReportFile>;

const ExportedFile = z.object({ partnerId: z.string().nullable(), path: z.string(), bytes: z.number().int().nonnegative() });

export const reportProcedures = {
  'reports.build': procedure(z.object(target).strict(), ReportDocument),
  'reports.preview': procedure(z.object(target).strict(), z.object({ html: z.string() })),
  'reports.export': procedure(
    z.object({ ...target, format: ReportFormatName, folder: Folder.optional(), delimiter: CsvDelimiter.optional() }).strict(),
    z.object({ path: z.string(), bytes: z.number().int().nonnegative() }),
  ),
  /** The same file as `reports.export`, returned instead of written: the UI saves it where the user says. */
  'reports.download': procedure(z.object({ ...target, format: ReportFormatName, delimiter: CsvDelimiter.optional() }).strict(), ReportFile),
  /** One file per partner plus the summary; progress arrives as `report.progress` events. */
  'reports.exportAll': procedure(
    z
      .object({
        jobId: z.uuid(),
        month: ReportMonth,
        format: ReportFormatName,
        folder: Folder.optional(),
        locale: Locale.optional(),
        delimiter: CsvDelimiter.optional(),
        cadence: target.cadence,
      })
      .strict(),
    z.object({ folder: z.string(), files: z.array(ExportedFile), cancelled: z.boolean() }),
  ),
  'reports.cancel': procedure(z.object({ jobId: z.uuid() }).strict(), z.object({ cancelled: z.boolean() })),
} as const;
