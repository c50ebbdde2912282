import { LINE_DOCUMENT_FORMAT, LineDocumentEnvelope } from '../../../shared/api/procedures/editorial';
import type { LineExport, StoredLine } from '../../../shared/api/procedures/editorial';
import { importError } from './lineIssues';

/** The JSON file a line exports to: an envelope naming the format, then the line itself. */
export function exportLine(line: StoredLine, now: number, ownerName: string | null): LineExport {
  const document = { format: LINE_DOCUMENT_FORMAT, formatVersion: 1, exportedAt: new Date(now).toISOString(), line };
  const owner = (ownerName ?? 'cabinet')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return { fileName: `ligne-editoriale-${owner || 'partenaire'}-v${String(line.version)}.json`, json: `${JSON.stringify(document, null, 2)}\n` };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The line object inside an imported file (an export's envelope, or a bare line), not yet validated. */
export function unwrapLineDocument(json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw importError('editorialLine.errors.importNotJson', `The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(parsed)) throw importError('editorialLine.errors.importNotLine', 'The file does not hold an editorial line');
  if (!('format' in parsed)) return parsed;
  const envelope = LineDocumentEnvelope.safeParse(parsed);
  if (!envelope.success) {
    throw importError('editorialLine.errors.importFormat', `Not a Plume editorial-line export (format "${String(parsed.format)}", version ${String(parsed.formatVersion)})`);
  }
  if (!isRecord(envelope.data.line)) throw importError('editorialLine.errors.importNotLine', 'The file does not hold an editorial line');
  return envelope.data.line;
}
