import { api } from '../api';
import type { EngagementBadges } from '../../../shared/engagement/figures';

type Badge = EngagementBadges[string] | null;

/** Badges asked for in the same turn (every chip of a calendar view) go out as one call. */
let pending = new Map<string, ((badge: Badge) => void)[]>();
let failures: ((error: unknown) => void)[] = [];

export function loadBadge(postId: string): Promise<Badge> {
  return new Promise((resolve, reject) => {
    if (pending.size === 0) queueMicrotask(flush);
    pending.set(postId, [...(pending.get(postId) ?? []), resolve]);
    failures.push(reject);
  });
}

function flush(): void {
  const batch = pending;
  const rejects = failures;
  pending = new Map();
  failures = [];
  api.call('engagement.badges', { postIds: [...batch.keys()] }).then(
    (badges) => {
      for (const [postId, resolvers] of batch) for (const resolve of resolvers) resolve(badges[postId] ?? null);
    },
    (error: unknown) => {
      for (const reject of rejects) reject(error);
    },
  );
}
