import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';

interface AppLinkProps {
  /** The route, as a hash: `#/posts/<id>`. */
  to: string;
  className?: string;
  'aria-current'?: 'page';
  'aria-label'?: string;
  'data-testid'?: string;
  /** Before the route changes (an alert dismissing itself, say). */
  onFollow?: () => void;
  children: ReactNode;
}

/**
 * A link to a page of Plume itself: a link to the user (role, focus, Enter, a new tab on Ctrl,
 * ⌘ or middle click) without an http `href`.
 *
 * Chromium's navigation predictor watches one page link in a hundred, picked at random as they
 * are inserted, with an IntersectionObserver delayed by 100 ms. While one is watched, every
 * layout (each keystroke in the editor) brings a frame of its own 100 ms later, and a key typed
 * just after that frame waits for the next display refresh: in a trace of the editor page with
 * such a link, 44 of those frames in 6 s of typing, keystrokes' input → frame p90 9.5 ms against
 * 1.4 ms (bench/editorPage.bench.ts). The predictor only considers links whose `href` is http(s);
 * the app's own routes need none. Links out of Plume (a network's page, a published post) stay
 * ordinary links.
 */
export function AppLink({ to, className, onFollow, children, ...rest }: AppLinkProps) {
  const openInNewTab = () => window.open(to, '_blank', 'noopener');
  const follow = () => {
    onFollow?.();
    window.location.hash = to;
  };
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    if (event.ctrlKey || event.metaKey || event.shiftKey) openInNewTab();
    else follow();
  };
  const onAuxClick = (event: MouseEvent) => {
    if (event.button !== 1) return;
    event.preventDefault();
    openInNewTab();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    follow();
  };
  return (
    <a role="link" tabIndex={0} className={className} data-route={to} onClick={onClick} onAuxClick={onAuxClick} onKeyDown={onKeyDown} {...rest}>
      {children}
    </a>
  );
}
