import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** An environment variable's value, or undefined when it is unset or blank (as the shell's `VAR=` leaves it). */
export const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/** The workspace folder PLUME_DATA_DIR names (made absolute against the working folder); undefined when it is unset or blank. */
export const dataDirFromEnvironment = (env: NodeJS.ProcessEnv = process.env): string | undefined => {
  const chosen = given(env.PLUME_DATA_DIR);
  return chosen === undefined ? undefined : resolve(chosen);
};

/**
 * Where the workspace lives: PLUME_DATA_DIR if set, else the same folder Electron's
 * app.getPath('userData') gives for an app named "Plume", so desktop and browser mode share
 * one workspace on a machine. The folder need not exist yet (a first start): the workspace
 * lock creates it.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const chosen = dataDirFromEnvironment(env);
  if (chosen !== undefined) return chosen;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Plume');
  if (platform === 'win32') return join(given(env.APPDATA) ?? join(home, 'AppData', 'Roaming'), 'Plume');
  // The XDG base directory rules: an unset, empty or relative XDG_CONFIG_HOME means ~/.config.
  const xdg = given(env.XDG_CONFIG_HOME);
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config'), 'Plume');
}
