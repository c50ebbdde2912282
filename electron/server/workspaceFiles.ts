import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { newSecret } from './security';

const SECRET_FILE = 'browser-mode-secret';
const STATE_FILE = 'browser-mode.json';

/**
 * The key that signs browser-mode links and session cookies, kept in the workspace so sessions
 * survive a restart (as Jupyter keeps its cookie secret). Readable by the user only (0600);
 * deleting it signs every browser out.
 */
export function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, SECRET_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{43,}$/.test(existing)) {
      chmodSync(file, 0o600);
      return existing;
    }
  } catch {
    // Missing or unreadable: a new one follows.
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = newSecret();
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${secret}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return secret;
}

const BrowserModeState = z.object({ port: z.number().int().min(1).max(65_535) });

/** The port the last launch listened on, so an open tab finds this launch at the same address. */
export function rememberedPort(dataDir: string): number | null {
  try {
    const parsed = BrowserModeState.safeParse(JSON.parse(readFileSync(join(dataDir, STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data.port : null;
  } catch {
    return null;
  }
}

export function rememberPort(dataDir: string, port: number): void {
  const file = join(dataDir, STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ port }), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // Best effort: without it the next launch picks a free port and the tab says how to reconnect.
  }
}
