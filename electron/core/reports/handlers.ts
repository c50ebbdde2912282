import { defineHandlers } from '../router';
import type { ReportService } from './service';

export const reportHandlers = (reports: ReportService) =>
  defineHandlers({
    'reports.build': (target) => reports.document(target),
    'reports.preview': (target) => reports.preview(target),
    'reports.export': (input) => reports.export(input),
    'reports.download': (input) => reports.download(input),
    'reports.exportAll': (input) => reports.exportAll(input),
    'reports.cancel': ({ jobId }) => reports.cancel(jobId),
  });
