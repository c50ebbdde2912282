/**
 * Browser mode opens on the printed link, `/?token=…`, and the server answers it with the page
 * itself (no redirect). The token is spent by then; it leaves the address bar before anything
 * else runs, so it is not bookmarked, shared or reloaded by mistake. The route (`#/posts/…`)
 * stays as it was.
 */
export function forgetLaunchToken(location: Location, history: History): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
