/**
 * The files a browser asks for before the page's script runs: the entry script, the chunks it
 * preloads and the style sheets named in index.html, as the URL paths the server will be asked
 * for (`./assets/x.js` → `/assets/x.js`). Fonts, workers and lazily loaded pages come later.
 */
export function firstPageFiles(indexHtml: string): string[] {
  const files = new Set<string>();
  for (const tag of indexHtml.matchAll(/<(script|link)\b[^>]*>/giu)) {
    const element = tag[0];
    const isScript = (tag[1] ?? '').toLowerCase() === 'script';
    const rel = /\brel\s*=\s*["']?([^"'\s>]+)/iu.exec(element)?.[1]?.toLowerCase() ?? '';
    if (!isScript && rel !== 'modulepreload' && rel !== 'stylesheet') continue;
    const target = new RegExp(`\\b${isScript ? 'src' : 'href'}\\s*=\\s*["']([^"']+)["']`, 'iu').exec(element)?.[1];
    if (target === undefined || /^[a-z][a-z0-9+.-]*:|^\/\//iu.test(target)) continue;
    files.add(new URL(target, 'http://page.invalid/').pathname);
  }
  return [...files];
}
