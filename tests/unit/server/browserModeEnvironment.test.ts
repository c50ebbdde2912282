import { describe, expect, it } from 'vitest';
import { browserModeSettings } from '../../../electron/server/environment';

describe("browser mode's settings from the environment", () => {
  it('takes a port number, trimmed; unset or blank means a free port', () => {
    expect(browserModeSettings({ PLUME_PORT: '8080' }).port).toBe(8080);
    expect(browserModeSettings({ PLUME_PORT: ' 8080 ' }).port).toBe(8080);
    expect(browserModeSettings({}).port).toBeUndefined();
    expect(browserModeSettings({ PLUME_PORT: '' }).port).toBeUndefined();
  });

  it.each(['abc', '0', '65536', '70000', '-1', '80.5', '8080abc'])('refuses PLUME_PORT=%s with a sentence naming the variable and what it should hold', (value) => {
    expect(() => browserModeSettings({ PLUME_PORT: value })).toThrow(`PLUME_PORT=${JSON.stringify(value)} is not a port number from 1 to 65535, or unset for a free port.`);
  });

  it('takes an ISO instant as the clock start, and refuses anything else', () => {
    expect(browserModeSettings({ PLUME_CLOCK_START: '2026-12-01T09:00:00Z' }).clockStart).toBe(Date.UTC(2026, 11, 1, 9));
    expect(browserModeSettings({ PLUME_CLOCK_START: '' }).clockStart).toBeUndefined();
    expect(() => browserModeSettings({ PLUME_CLOCK_START: 'demain' })).toThrow('PLUME_CLOCK_START="demain" is not an ISO instant such as 2026-12-01T09:00:00Z, or unset.');
  });
});
