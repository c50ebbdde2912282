export interface UtmParameters {
  source: string;
  medium: string;
  campaign?: string | undefined;
}

/** Whether a URL already carries a utm_source. */
export const hasUtm = (url: string): boolean => /[?&]utm_source=/iu.test(url);

/**
 * The URL with utm_source, utm_medium and utm_campaign added to its query (before any
 * fragment), keeping what is there; existing utm_* parameters are not repeated.
 */
export function addUtm(url: string, parameters: UtmParameters): string {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? '' : url.slice(hash);
  const base = hash === -1 ? url : url.slice(0, hash);
  const query = base.slice(base.indexOf('?') + 1).toLowerCase();
  const present = (name: string): boolean => base.includes('?') && query.split('&').some((pair) => pair.startsWith(`${name}=`));
  const wanted: [string, string | undefined][] = [
    ['utm_source', parameters.source],
    ['utm_medium', parameters.medium],
    ['utm_campaign', parameters.campaign],
  ];
  const added: string[] = [];
  for (const [name, value] of wanted) {
    if (value && !present(name)) added.push(`${name}=${encodeURIComponent(value)}`);
  }
  if (added.length === 0) return url;
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${added.join('&')}${fragment}`;
}
