import { invalidRequest } from './publishFailure';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A URL a bearer token may be sent to: https, or plain http only on this machine (the
 * loopback fakes in tests, a local instance). Anything else would send it in clear text.
 */
export function checkedUrl(value: string | undefined, what: string): URL {
  if (value === undefined || value.trim() === '') return invalidRequest(`${what} is missing`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalidRequest(`${what} is not a URL`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username !== '' || url.password !== '') return invalidRequest(`${what} must be an https URL`);
  return url;
}

/** A network's base URL, checked, without query, fragment or trailing slash. */
export function serviceUrl(value: string | undefined, what: string): URL {
  const url = checkedUrl(value, what);
  url.pathname = url.pathname.replace(/\/+$/u, '');
  url.search = '';
  url.hash = '';
  return url;
}

/** `base` + an absolute API path, keeping any path prefix the base has. */
export function endpoint(base: URL, path: string, query: Record<string, string | undefined> = {}): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/u, '')}${path}`;
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url;
}
