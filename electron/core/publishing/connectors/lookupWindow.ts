/**
 * Reconciliation by content looks at posts the network dated no earlier than the job's
 * creation, less this margin for the difference between our clock and the network's.
 */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;

export const lookupSince = (jobCreatedAt: number): number => jobCreatedAt - CLOCK_SKEW_MS;
