import { setTimeout as delay } from 'node:timers/promises';
import { systemClock } from '../../clock';
import type { ConnectorEnvironment } from './port';

/** 30 s per request: long enough for an image upload on a slow line, short enough to retry. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export function connectorEnvironment(overrides: Partial<ConnectorEnvironment> = {}): ConnectorEnvironment {
  return {
    fetch: overrides.fetch ?? globalThis.fetch.bind(globalThis),
    clock: overrides.clock ?? systemClock,
    sleep: overrides.sleep ?? ((ms) => delay(ms).then(() => undefined)),
    timeoutMs: overrides.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}
