import { appendFileSync } from 'node:fs';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * Plain-text log lines, to a file and/or stderr. Only messages and stack traces are written,
 * never procedure inputs, so user content and secrets do not end up in logs.
 */
export function createLogger(options: { file?: string; stderr?: boolean }): Logger {
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    if (options.file) {
      try {
        appendFileSync(options.file, line);
      } catch {
        // Logging is best-effort: a full disk or a removed folder must never fail the work logged.
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
