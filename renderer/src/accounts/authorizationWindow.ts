/**
 * Where the network's sign-in page opens. In the desktop app the main process sends https
 * URLs to the system browser (window.open is denied there). In browser mode the page opens
 * in a new tab of the user's browser: a blank tab is reserved during the click (a tab opened
 * later, after core answered, would be taken for a pop-up and blocked), cut from this page
 * (no `opener` for the network's page to reach back through), then sent to the URL.
 */
export function reserveAuthorizationWindow(): Window | null {
  if (window.plumeBridge) return null;
  const reserved = window.open('about:blank', '_blank');
  if (reserved) reserved.opener = null;
  return reserved;
}

export function openAuthorizationPage(reserved: Window | null, url: string): void {
  if (reserved && !reserved.closed) reserved.location.href = url;
  else window.open(url, '_blank', 'noopener,noreferrer');
}

export function releaseAuthorizationWindow(reserved: Window | null): void {
  if (reserved && !reserved.closed) reserved.close();
}
