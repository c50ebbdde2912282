import type { TFunction } from 'i18next';
import { ApiError } from '../../../shared/api/errors';
import { TransportError } from '../api/client';
import i18next from 'i18next';
import { fileSizeLocale, formatFileSize } from './fileSize';

/** A `too_large` error's sizes (bytes in `details`) as the UI writes them: « 9,1 Mo ». */
function sizeParams(error: ApiError, language: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of ['size', 'limit'] as const) {
    const bytes = error.details?.[name];
    if (typeof bytes === 'number') params[name] = formatFileSize(bytes, fileSizeLocale(language));
  }
  return params;
}

/** The error's details that a message may name (a file, a folder): texts only. */
const textDetails = (details: Record<string, unknown> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(details ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** One place that turns any failure into a sentence in the user's language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    // Sizes written as the UI writes them (« 9,1 Mo »), over the raw byte counts.
    const params = error.code === 'too_large' ? sizeParams(error, i18next.language) : {};
    return t(error.messageKey, { ...textDetails(error.details), ...params, defaultValue: t('errors.internal') });
  }
  if (error instanceof TransportError) return t('errors.network');
  return t('errors.internal');
}

/** Field-level messages from a validation error, keyed by the first path segment. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.issues) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path[issue.path.length - 1];
    if (typeof field === 'string' && !(field in out)) out[field] = t(issue.messageKey, issue.params ?? {});
  }
  return out;
}
