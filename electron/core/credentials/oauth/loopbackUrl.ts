const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True for URLs on this machine: the only place plain http is ever allowed. */
export function isLoopbackUrl(url: string | URL): boolean {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  return parsed !== null && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** https anywhere, http only on loopback (local instances, tests); null for anything else. */
export function safeServiceUrl(value: string): URL | null {
  const url = parseUrl(value);
  if (url === null || url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url))) return url;
  return null;
}
