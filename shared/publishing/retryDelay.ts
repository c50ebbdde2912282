/**
 * How long a network asked us to wait, from the headers each one uses. All return whole
 * milliseconds from `now`, never negative, or undefined when the header says nothing usable.
 */

/** RFC 9110 Retry-After: delay-seconds or an HTTP-date. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date (IMF-fixdate, RFC 850 or asctime) always starts with the weekday's name.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** X `x-rate-limit-reset`, Bluesky `ratelimit-reset`: epoch seconds of the window's end. */
export function epochSecondsResetMs(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Math.max(0, Number(value.trim()) * 1000 - now);
}

/** Mastodon `X-RateLimit-Reset`: an ISO 8601 instant. */
export function isoResetMs(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const at = Date.parse(value.trim());
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The first delay a network gave, in the order of preference the caller lists them. */
export const firstDelay = (...delays: (number | undefined)[]): number | undefined => delays.find((delay) => delay !== undefined);
