import { z } from 'zod';
import type { CadencePolicy } from '../calendar/cadencePolicy';
import { daysBetween } from '../calendar/civil';
import { todayIn } from '../calendar/zonedTime';
import { Network } from '../posts/networks';

/**
 * A partner silent past their cadence target, per network.
 *
 * The target is the editorial line's `postsPerWeek` minimum (the cadence the firm and the
 * partner agreed on), not the posting slots (slots say when, not how often). A network whose
 * weekly minimum is at least 1 is silent when nothing has gone out on it for more than 7 local
 * days in the partner's zone: a whole week without one post, whatever the minimum. Networks
 * without a minimum are never flagged. A network never posted on counts from the partner's
 * creation, so a partner added this week is not flagged before they had a chance.
 */
export const SilentNetwork = z.object({
  network: Network,
  /** The agreed minimum per ISO week. */
  minPerWeek: z.number().int(),
  /** Last publication on that network, or null when there never was one. */
  lastPublishedAt: z.number().int().nullable(),
  /** Local days since then, or since the partner was added when they never published there. */
  daysSilent: z.number().int(),
});
export type SilentNetwork = z.infer<typeof SilentNetwork>;

export const CadenceFlag = z.object({ partnerId: z.string(), silent: z.array(SilentNetwork) });
export type CadenceFlag = z.infer<typeof CadenceFlag>;

/** More local days than this without a post is "silent" for a weekly target. */
export const SILENT_AFTER_DAYS = 7;

export interface CadenceFacts {
  policy: Pick<CadencePolicy, 'postsPerWeek'>;
  /** The newest publication per network (any source: API or by hand). */
  lastPublished: Partial<Record<Network, number>>;
  /** When the partner was added: silence is counted from there when nothing ever went out. */
  since: number;
  zone: string;
  now: number;
}

/** The networks on which the partner is silent past target, in the policy's order; empty when all is well. */
export function silentNetworks(facts: CadenceFacts): SilentNetwork[] {
  const today = todayIn(facts.zone, facts.now);
  const out: SilentNetwork[] = [];
  const seen = new Set<Network>();
  for (const target of facts.policy.postsPerWeek) {
    const min = target.min ?? 0;
    if (min < 1 || seen.has(target.network)) continue;
    seen.add(target.network);
    const last = facts.lastPublished[target.network] ?? null;
    const days = daysBetween(todayIn(facts.zone, last ?? facts.since), today);
    if (days > SILENT_AFTER_DAYS) out.push({ network: target.network, minPerWeek: min, lastPublishedAt: last, daysSilent: days });
  }
  return out;
}
