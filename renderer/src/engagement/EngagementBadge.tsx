import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { useCancelWhenOff } from '../api/useCancelWhenOff';
import { useCachedText } from '../i18n/cachedText';
import { engagementKeys } from './queries';
import type { EngagementBadges } from '../../../shared/engagement/figures';
import './engagement.css';

const NO_BADGES: EngagementBadges = {};
const ViewBadges = createContext<EngagementBadges>(NO_BADGES);
/** The procedure's limit per call: an agenda's four weeks hold more published posts than that. */
const POSTS_PER_CALL = 1_000;

/** A short stand-in for a list of post ids in a query key (a week holds hundreds of them). */
function digestOf(postIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const id of postIds) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ 0x2c, 0x01000193) >>> 0;
  }
  return `${postIds.length}:${hash.toString(36)}:${postIds[0] ?? ''}:${postIds.at(-1) ?? ''}`;
}

/**
 * The badges of a calendar view's published posts, read in one call once `enabled` (after the
 * view's first screen) and handed to its chips. Each chip kept a query of its own before: a busy
 * week's first render created a few hundred query observers (~12 ms).
 */
export function ViewBadgesProvider({ postIds, enabled, children }: { postIds: readonly string[]; enabled: boolean; children: ReactNode }) {
  const digest = useMemo(() => digestOf(postIds), [postIds]);
  const queryKey = [...engagementKeys.all, 'badges', digest];
  useCancelWhenOff(queryKey, enabled);
  const badges = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const parts: Promise<EngagementBadges>[] = [];
      for (let from = 0; from < postIds.length; from += POSTS_PER_CALL) {
        parts.push(api.call('engagement.badges', { postIds: postIds.slice(from, from + POSTS_PER_CALL) }, { signal }));
      }
      const merged: EngagementBadges = {};
      for (const part of await Promise.all(parts)) Object.assign(merged, part);
      return merged;
    },
    enabled: enabled && postIds.length > 0,
    // The shown posts grow (an agenda's next weeks arrive): the badges already known stay meanwhile.
    placeholderData: keepPreviousData,
  });
  return <ViewBadges.Provider value={badges.data ?? NO_BADGES}>{children}</ViewBadges.Provider>;
}

/** A published post's interactions on its calendar entry (nothing until a figure is known). */
export function EngagementBadge({ postId }: { postId: string }) {
  const t = useCachedText();
  const badge = useContext(ViewBadges)[postId];
  if (!badge) return null;
  const label = t('engagement.badge', { count: badge.interactions });
  return (
    <span className="engagement-badge" data-testid="engagement-badge" title={label} aria-label={label}>
      ♥ {t('engagement.value', { value: badge.interactions })}
    </span>
  );
}
