import type { Page, Request } from '@playwright/test';

/**
 * The procedures a page request carries: one for `/api/call/<name>`, each call's for a batch of
 * reads (`/api/batch`, renderer/src/api/httpTransport.ts), none for anything else.
 */
export function proceduresOf(request: Request): string[] {
  const path = new URL(request.url()).pathname;
  const single = /^\/api\/call\/([a-zA-Z.]+)$/.exec(path)?.[1];
  if (single !== undefined) return [single];
  if (path !== '/api/batch') return [];
  const body = request.postDataJSON() as { calls?: { name?: unknown }[] } | null;
  return (body?.calls ?? []).map((call) => String(call.name));
}

/**
 * Every call on its own request in this page (reads asked for together otherwise share one): for a
 * test that holds one read in the browser, which it cannot do inside a batch. Called before the
 * page's first load: the page reads the setting as it starts.
 */
export async function eachCallAlone(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('plume.batch', 'off'));
}
