import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LintSession } from './lint/lintSession';

/** How long typing pauses before the draft is compared again. */
const PAUSE_MS = 400;

/**
 * The editor's plain text (the lint session's, the same text core stores), once typing pauses;
 * null until the editor has produced one.
 */
export function useDraftText(session: LintSession): string | null {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const live = snapshot.result ? snapshot.map.text : null;
  const [settled, setSettled] = useState<string | null>(live);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(live), settled === null ? 0 : PAUSE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new text restarts the pause
  }, [live]);
  return settled;
}
