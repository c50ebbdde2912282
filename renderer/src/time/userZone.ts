/**
 * The community manager's own zone, by name, as their system gives it to the UI: it is the
 * machine they sit at (in browser mode, possibly not core's). Only the name is taken from the
 * browser; its offsets come from core's tables like every other zone (zoneTables.ts).
 */
export const userZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
