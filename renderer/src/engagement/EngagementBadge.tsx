import { useQuery } from '@tanstack/react-query';
import { useCachedText } from '../i18n/cachedText';
import { loadBadge } from './badgeLoader';
import { engagementKeys } from './queries';
import './engagement.css';

/** A published post's interactions on its calendar entry (nothing until a figure is known). */
export function EngagementBadge({ postId }: { postId: string }) {
  const t = useCachedText();
  const badge = useQuery({ queryKey: [...engagementKeys.all, 'badge', postId], queryFn: () => loadBadge(postId) }).data;
  if (!badge) return null;
  const label = t('engagement.badge', { count: badge.interactions });
  return (
    <span className="engagement-badge" data-testid="engagement-badge" title={label} aria-label={label}>
      ♥ {badge.interactions}
    </span>
  );
}
