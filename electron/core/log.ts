import { appendFileSync, renameSync, rmSync, statSync } from 'node:fs';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface LoggerOptions {
  file?: string;
  stderr?: boolean;
  /** The file is rotated past this size: plume.log → plume.log.1 → … */
  maxBytes?: number;
  /** Rotated files kept besides the current one; older ones are deleted. */
  keep?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_KEEP = 3;

/** Size-based rotation: the log never grows past (keep + 1) × maxBytes on disk. */
function rotate(file: string, keep: number): void {
  rmSync(`${file}.${keep}`, { force: true });
  for (let index = keep - 1; index >= 1; index--) {
    try {
      renameSync(`${file}.${index}`, `${file}.${index + 1}`);
    } catch {
      // A missing older file is fine.
    }
  }
  renameSync(file, `${file}.1`);
}

/**
 * Plain-text log lines, to a file and/or stderr. Only messages and stack traces are written,
 * never procedure inputs, so user content and secrets do not end up in logs.
 */
export function createLogger(options: LoggerOptions): Logger {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
  let size: number | null = null;
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    if (options.file) {
      try {
        size ??= statSync(options.file, { throwIfNoEntry: false })?.size ?? 0;
        const bytes = Buffer.byteLength(line);
        if (size > 0 && size + bytes > maxBytes) {
          rotate(options.file, keep);
          size = 0;
        }
        appendFileSync(options.file, line);
        size += bytes;
      } catch {
        // Logging is best-effort: a full disk or a removed folder must never fail the work logged.
        size = null;
      }
    }
    if (options.stderr) process.stderr.write(line);
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, error) =>
      write('ERROR', error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
