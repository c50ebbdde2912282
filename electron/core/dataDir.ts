import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the workspace lives: PLUME_DATA_DIR if set, else the same folder Electron's
 * app.getPath('userData') gives for an app named "Plume", so desktop and browser mode share
 * one workspace on a machine.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PLUME_DATA_DIR) return env.PLUME_DATA_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Plume');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Plume');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Plume');
}
