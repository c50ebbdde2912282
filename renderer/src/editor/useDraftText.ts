import { useEffect, useState } from 'react';
import type { LintSession } from './lint/lintSession';
import { followSettledText, liveText } from './settledText';

/**
 * The editor's plain text (the lint session's, the same text core stores), once typing pauses;
 * null until the editor has produced one. Only a settled text re-renders the editor page: a
 * lint pass while typing does not.
 */
export function useDraftText(session: LintSession): string | null {
  const [settled, setSettled] = useState<string | null>(() => liveText(session));
  useEffect(() => followSettledText(session, setSettled), [session]);
  return settled;
}
