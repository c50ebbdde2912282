import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../shared/signoff/audit';

/** Actions that are themselves an email: "by email" after them says nothing new. */
const EMAIL_ACTIONS: ReadonlySet<AuditEntry['action']> = new Set(['signoffEmailQueued', 'signoffEmailSent', 'reminderSent']);

/** One history entry as a sentence: what (emphasised by the caller), then how and by whom. */
export function historyLine(t: TFunction, entry: Pick<AuditEntry, 'action' | 'channel' | 'actor'>): { action: string; rest: string } {
  const who = entry.actor.kind === 'partner' ? entry.actor.name : t(`signoff.history.actors.${entry.actor.kind}`);
  const channel = entry.channel && !(entry.channel === 'email' && EMAIL_ACTIONS.has(entry.action)) ? ` ${t(`signoff.history.channels.${entry.channel}`)}` : '';
  return { action: t(`signoff.history.actions.${entry.action}`), rest: `${channel} ${t('signoff.history.by', { name: who })}` };
}
