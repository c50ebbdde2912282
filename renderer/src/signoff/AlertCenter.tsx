import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppEvent } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { alertStillDue } from '../../../shared/publishing/alertRelevance';
import { signoffAlertStillDue, signoffRound } from '../../../shared/signoff/alertRelevance';
import type { SignoffRound } from '../../../shared/signoff/alertRelevance';
import { api } from '../api';
import './signoff.css';
import { AppLink } from '../ui/AppLink';
import { alertParams } from './alertText';

type AlertEvent = Extract<AppEvent, { type: 'alert' }>;
interface ShownAlert extends AlertEvent {
  key: number;
  /** A sign-off alert's post, where its sign-off stood as the alert came (read once it came). */
  round?: SignoffRound;
}

const isSignoffAlert = (alert: AlertEvent) => alert.messageKey.startsWith('signoff.alerts.');
const isPublishingAlert = (alert: AlertEvent) => alert.messageKey.startsWith('publishing.alerts.');
const postGone = (error: unknown) => error instanceof ApiError && error.code === 'not_found';

/** Alerts kept; older ones are in each post's history anyway. */
const MAX_KEPT = 20;
/** Alerts shown before "n more": the stack never grows over the page. */
const SHOWN_FOLDED = 3;

const sameAlert = (a: AlertEvent, b: AlertEvent) => a.messageKey === b.messageKey && a.postId === b.postId && JSON.stringify(a.params) === JSON.stringify(b.params);

/**
 * Core's alerts (a post held, an approval voided, time to publish by hand…), in one stack
 * between the page and the status bar, so they never cover the page. The same alert again
 * replaces the earlier one; an alert whose post has since been handled (published, decided,
 * asked again, deleted — by a restore too) goes by itself, read again on each change of the
 * post's sign-off and of the workspace: no alert links to a post that is gone. The rest stay
 * until dismissed. Mounted once, in the app shell, which tells it the post open in the editor.
 */
export function AlertCenter({ openPostId = null }: { openPostId?: string | null } = {}) {
  const { t } = useTranslation();
  const [alerts, setAlerts] = useState<ShownAlert[]>([]);
  const [expanded, setExpanded] = useState(false);
  // The event listener reads the alerts shown without re-subscribing on each change.
  const current = useRef<ShownAlert[]>([]);
  useEffect(() => {
    current.current = alerts;
  }, [alerts]);

  useEffect(() => {
    let counter = 0;
    let live = true;
    const forget = (postId: string) => setAlerts((list) => list.filter((alert) => alert.postId !== postId));
    /** Drops the post's alerts that no longer hold, all of them once the post is gone. */
    const recheck = async (postId: string) => {
      const shown = current.current.filter((alert) => alert.postId === postId);
      try {
        const [publication, signoff] = await Promise.all([
          shown.some(isPublishingAlert) ? api.call('publishing.status', { postId }) : null,
          // Any alert about a post asks whether it still exists; sign-off alerts, where its sign-off stands.
          shown.some((alert) => !isPublishingAlert(alert)) ? api.call('signoff.status', { postId }) : null,
        ]);
        const now = signoff ? signoffRound(signoff) : null;
        if (!live) return;
        setAlerts((list) =>
          list.filter(
            (alert) =>
              alert.postId !== postId ||
              ((publication === null || alertStillDue(alert, publication)) && (now === null || signoffAlertStillDue(alert, alert.round ?? null, now))),
          ),
        );
      } catch (error) {
        // The post is gone: its alerts with it. Unreachable for now: they stay until the next change.
        if (live && postGone(error)) forget(postId);
      }
    };
    /** Where the post's sign-off stands as a sign-off alert about it comes: the alert holds while it stays there. */
    const noteRound = async (key: number, postId: string) => {
      try {
        const round = signoffRound(await api.call('signoff.status', { postId }));
        if (live) setAlerts((list) => list.map((alert) => (alert.key === key && alert.round === undefined ? { ...alert, round } : alert)));
      } catch (error) {
        if (live && postGone(error)) forget(postId);
      }
    };
    const recheckAll = () => {
      for (const postId of new Set(current.current.flatMap((alert) => (alert.postId === null ? [] : [alert.postId])))) void recheck(postId);
    };
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'alert') {
        counter += 1;
        const shown: ShownAlert = { ...event, key: counter };
        setAlerts((list) => [...list.filter((alert) => !sameAlert(alert, event)), shown].slice(-MAX_KEPT));
        if (event.postId !== null && isSignoffAlert(event)) void noteRound(shown.key, event.postId);
      } else if (event.type === 'signoff.changed') {
        const { postId } = event;
        if (current.current.some((alert) => alert.postId === postId)) void recheck(postId);
      } else if (event.type === 'post.deleted') {
        forget(event.postId);
      } else if (event.type === 'workspace.changed' || event.type === 'events.resync') {
        // A restore (or the example removed) may have taken posts away or put their sign-off elsewhere.
        recheckAll();
      }
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const dismiss = (key: number) => setAlerts((list) => list.filter((alert) => alert.key !== key));

  if (alerts.length === 0) return null;
  const newestFirst = [...alerts].reverse();
  const shown = expanded ? newestFirst : newestFirst.slice(0, SHOWN_FOLDED);
  const hidden = alerts.length - shown.length;
  return (
    <div className="alert-center" role="region" aria-label={t('signoff.alerts.region')} data-testid="alert-center">
      {shown.map((alert) => (
        <div key={alert.key} className={`alert-toast ${alert.severity}`} role={alert.severity === 'error' ? 'alert' : 'status'} data-testid="alert" data-key={alert.messageKey}>
          <span>{t(alert.messageKey, { ...alertParams(alert.params, t), defaultValue: alert.messageKey })}</span>
          {/* No link to the post already open: following it did nothing. */}
          {alert.postId && alert.postId !== openPostId ? (
            <AppLink to={`#/posts/${alert.postId}`} onFollow={() => dismiss(alert.key)}>
              {t('signoff.alerts.open')}
            </AppLink>
          ) : null}
          <button type="button" className="link" onClick={() => dismiss(alert.key)} aria-label={t('signoff.alerts.dismiss')}>
            ×
          </button>
        </div>
      ))}
      {hidden > 0 || alerts.length > 1 ? (
        <div className="alert-center-actions">
          {hidden > 0 ? (
            <button type="button" className="link" onClick={() => setExpanded(true)} data-testid="alerts-more">
              {t('signoff.alerts.more', { count: hidden })}
            </button>
          ) : expanded && alerts.length > SHOWN_FOLDED ? (
            <button type="button" className="link" onClick={() => setExpanded(false)}>
              {t('signoff.alerts.fold')}
            </button>
          ) : null}
          <button
            type="button"
            className="link"
            onClick={() => {
              setAlerts([]);
              setExpanded(false);
            }}
            data-testid="alerts-dismiss-all"
          >
            {t('signoff.alerts.dismissAll')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
