import { readdirSync, readFileSync } from 'node:fs';

/** This keyring session's daemon: the gnome-keyring process whose XDG_RUNTIME_DIR is this session's own folder. */
export function sessionDaemon(): number {
  const runtime = `XDG_RUNTIME_DIR=${process.env.XDG_RUNTIME_DIR ?? ''}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('gnome-keyring')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(runtime)) return Number(entry);
    } catch {
      // A process that ended meanwhile.
    }
  }
  throw new Error(`no gnome-keyring daemon with ${runtime}`);
}
