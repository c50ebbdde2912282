import type { ApiErrorShape } from './errors';

/**
 * What one call may weigh, as JSON in UTF-8: the browser-mode server reads no more than this of
 * a request, and the desktop transport refuses the same, so a call works in both or in neither.
 * A file travels as base64 (4 characters for 3 bytes) inside it: each file a procedure takes has
 * its own limit (an image: `MAX_UPLOAD_BYTES`, shared/publishing/publication.ts), small enough that its call fits (tests/unit/api/requestSize.test.ts).
 */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** LinkedIn's analytics export (XLSX or CSV): a real one weighs tens of kilobytes. */
export const MAX_LINKEDIN_EXPORT_BYTES = 5 * 1024 * 1024;
/**
 * An editorial line's JSON file. It travels as text inside the call's JSON, where each `"`, `\`
 * and line break takes two bytes: 3 MB of file is at most 6 MB of call.
 */
export const MAX_LINE_FILE_BYTES = 3 * 1024 * 1024;

/** Characters of base64 for `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** The UTF-8 size of the call's input once written as JSON, as a transport sends it. */
export function requestBytes(input: unknown): number {
  return new TextEncoder().encode(JSON.stringify(input ?? {})).length;
}

/** A call over MAX_REQUEST_BYTES: nothing was done. */
export const requestTooLarge = (size: number): ApiErrorShape => ({
  code: 'too_large',
  messageKey: 'errors.tooLarge',
  message: `Request too large (${size} bytes); at most ${MAX_REQUEST_BYTES} bytes`,
  details: { size, limit: MAX_REQUEST_BYTES },
});

/** A file picked in the UI over what its procedure takes, refused before it is read or sent. */
export const fileTooLarge = (size: number, limit: number): ApiErrorShape => ({
  code: 'too_large',
  messageKey: 'errors.fileTooLarge',
  message: `File too large (${size} bytes); at most ${limit} bytes`,
  details: { size, limit },
});
