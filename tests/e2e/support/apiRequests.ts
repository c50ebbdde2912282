import type { Page, Request, Route } from '@playwright/test';

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

/**
 * Every `posts.save` of `page` held on the wire until `release()` (a slow network, a save still
 * travelling while another window saves): `held()` says whether one is waiting; `release()`
 * sends it on and resolves once it has gone.
 */
export async function holdSaves(page: Page): Promise<{ held: () => boolean; release: () => Promise<void> }> {
  let open: (() => void) | null = null;
  let forwarded: Promise<void> = Promise.resolve();
  await page.route('**/api/call/posts.save', (route: Route) => {
    forwarded = new Promise<void>((resolve) => (open = resolve)).then(() => route.continue());
    return forwarded;
  });
  return {
    held: () => open !== null,
    release: async () => {
      open?.();
      await forwarded;
    },
  };
}
