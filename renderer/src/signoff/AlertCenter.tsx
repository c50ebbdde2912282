import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppEvent } from '../../../shared/api/contract';
import { alertStillDue } from '../../../shared/publishing/alertRelevance';
import { api } from '../api';
import './signoff.css';
import { AppLink } from '../ui/AppLink';

type AlertEvent = Extract<AppEvent, { type: 'alert' }>;
interface ShownAlert extends AlertEvent {
  key: number;
}

/** Alerts kept; older ones are in each post's history anyway. */
const MAX_KEPT = 20;
/** Alerts shown before "n more": the stack never grows over the page. */
const SHOWN_FOLDED = 3;

const sameAlert = (a: AlertEvent, b: AlertEvent) => a.messageKey === b.messageKey && a.postId === b.postId && JSON.stringify(a.params) === JSON.stringify(b.params);

/**
 * Core's alerts (a post held, an approval voided, time to publish by hand…), in one stack
 * between the page and the status bar, so they never cover the page. The same alert again
 * replaces the earlier one; an alert whose post has since been handled (published, decided,
 * deleted) goes by itself; the rest stay until dismissed. Mounted once, in the app shell.
 */
export function AlertCenter() {
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
    /** Drops the post's publication alerts that no longer ask anything. */
    const recheck = async (postId: string) => {
      try {
        const now = await api.call('publishing.status', { postId });
        if (live) setAlerts((list) => list.filter((alert) => alert.postId !== postId || alertStillDue(alert, now)));
      } catch {
        // The post is gone or unreachable: its alerts stay until dismissed.
      }
    };
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'alert') {
        counter += 1;
        const shown: ShownAlert = { ...event, key: counter };
        setAlerts((list) => [...list.filter((alert) => !sameAlert(alert, event)), shown].slice(-MAX_KEPT));
      } else if (event.type === 'signoff.changed') {
        const { postId } = event;
        if (current.current.some((alert) => alert.postId === postId && alert.messageKey.startsWith('publishing.alerts.'))) void recheck(postId);
      } else if (event.type === 'post.deleted') {
        setAlerts((list) => list.filter((alert) => alert.postId !== event.postId));
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
          <span>{t(alert.messageKey, { ...alert.params, defaultValue: alert.messageKey })}</span>
          {alert.postId ? (
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
