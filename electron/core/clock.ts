/** Time comes from here, so tests can drive it without sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * Real time flowing from another starting instant. End-to-end tests start browser mode "on" a
 * fixed date (PLUME_CLOCK_START) so dated fixtures stay in the future whatever day the suite runs.
 */
export function clockStartingAt(start: number, real: Clock = systemClock): Clock {
  const launchedAt = real.now();
  return { now: () => start + (real.now() - launchedAt) };
}
