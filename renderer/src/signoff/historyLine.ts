import type { TFunction } from 'i18next';
import { Network, networkLabels } from '../../../shared/posts/networks';
import type { AuditEntry } from '../../../shared/signoff/audit';
import { bounceFact } from './bounce';

/** Actions that are themselves an email: "by email" after them says nothing new. */
const EMAIL_ACTIONS: ReadonlySet<AuditEntry['action']> = new Set(['signoffEmailQueued', 'signoffEmailSent', 'reminderSent']);

/** Formats an instant in a zone (the entry's own, the partner's), as the history shows dates. */
export type ZonedFormat = (at: number, zone?: string) => string;

const instantOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * What the entry says it did, with what its details name: the network a publication went to
 * (or failed on) and why, a date set, moved or taken away. Without those details (older
 * entries), the action's own word.
 */
function actionText(t: TFunction, entry: Pick<AuditEntry, 'action' | 'actor' | 'details'>, format: ZonedFormat): string {
  const { details } = entry;
  // A bounce is filed with the replies it came among, but it is no reply: the request never arrived.
  const bounce = bounceFact(entry);
  if (bounce !== null) return t(`signoff.history.bounced.${bounce}`);
  const parsedNetwork = Network.safeParse(details.network);
  const network = parsedNetwork.success ? networkLabels[parsedNetwork.data] : null;
  if (entry.action === 'published' && network !== null) {
    return t(entry.actor.kind === 'community_manager' ? 'signoff.history.publishedByHandOn' : 'signoff.history.publishedOn', { network });
  }
  if (entry.action === 'publishFailed' && network !== null) {
    const cause = textOf(details.cause);
    const causeText = cause === null ? null : t(`signoff.history.failureCauses.${cause}`, { defaultValue: '' });
    return causeText ? t('signoff.history.publishFailedOn', { network, cause: causeText }) : t('signoff.history.publishFailedOnNetwork', { network });
  }
  if (entry.action === 'moved' && ('toInstant' in details || 'fromInstant' in details)) {
    const zone = textOf(details.zone) ?? undefined;
    const from = instantOf(details.fromInstant);
    const to = instantOf(details.toInstant);
    if (to === null) return t('signoff.history.dateRemoved');
    if (from === null) return t('signoff.history.scheduledFor', { at: format(to, zone) });
    return t('signoff.history.movedFromTo', { from: format(from, zone), to: format(to, zone) });
  }
  return t(`signoff.history.actions.${entry.action}`);
}

/** One history entry as a sentence: what (emphasised by the caller), then how and by whom. */
export function historyLine(t: TFunction, entry: Pick<AuditEntry, 'action' | 'channel' | 'actor' | 'details'>, format: ZonedFormat): { action: string; rest: string } {
  // Nobody sent a bounce « par e-mail par Plume »: the partner's server returned the request.
  if (bounceFact(entry) !== null) return { action: actionText(t, entry, format), rest: '' };
  const who = entry.actor.kind === 'partner' ? entry.actor.name : t(`signoff.history.actors.${entry.actor.kind}`);
  // A publication confirmed by hand happened on the network, not « dans Plume »: « par vous » says who.
  const handPublished = entry.action === 'published' && entry.actor.kind === 'community_manager';
  // « par Plume » already says an act was automatic: the system channel has no word of its own.
  const silent = handPublished || entry.channel === 'system' || (entry.channel === 'email' && EMAIL_ACTIONS.has(entry.action));
  const channel = entry.channel && !silent ? ` ${t(`signoff.history.channels.${entry.channel}`)}` : '';
  return { action: actionText(t, entry, format), rest: `${channel} ${t('signoff.history.by', { name: who })}` };
}
