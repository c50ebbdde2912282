import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnvironment, resolveDataDir } from '../../../electron/core/dataDir';

describe('where the workspace lives', () => {
  it('is the folder PLUME_DATA_DIR names, made absolute against the working folder', () => {
    expect(resolveDataDir({ PLUME_DATA_DIR: '/srv/plume' }, 'linux')).toBe('/srv/plume');
    expect(resolveDataDir({ PLUME_DATA_DIR: 'agence/plume' }, 'linux')).toBe(resolve('agence/plume'));
    expect(dataDirFromEnvironment({ PLUME_DATA_DIR: 'agence' })).toBe(resolve('agence'));
  });

  it('ignores a blank PLUME_DATA_DIR (`PLUME_DATA_DIR= npm start`) instead of writing into the working folder', () => {
    expect(dataDirFromEnvironment({ PLUME_DATA_DIR: '' })).toBeUndefined();
    expect(dataDirFromEnvironment({ PLUME_DATA_DIR: '  ' })).toBeUndefined();
    expect(resolveDataDir({ PLUME_DATA_DIR: '' }, 'linux')).toBe(join(homedir(), '.config', 'Plume'));
  });

  it('follows the XDG rules on Linux: an absolute XDG_CONFIG_HOME, else ~/.config (unset, empty or relative)', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/home/cm/.cfg' }, 'linux')).toBe('/home/cm/.cfg/Plume');
    expect(resolveDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Plume'));
    expect(resolveDataDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe(join(homedir(), '.config', 'Plume'));
    expect(resolveDataDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux')).toBe(join(homedir(), '.config', 'Plume'));
  });

  it("is Electron's userData folder for an app named Plume on macOS and Windows", () => {
    expect(resolveDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Plume'));
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\cm\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\cm\\AppData\\Roaming', 'Plume'));
    expect(resolveDataDir({ APPDATA: '' }, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', 'Plume'));
  });
});
