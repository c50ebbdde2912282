import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppEvent } from '../../../shared/api/contract';
import { api } from '../api';
import './signoff.css';

type AlertEvent = Extract<AppEvent, { type: 'alert' }>;
interface ShownAlert extends AlertEvent {
  key: number;
}

/** At most this many alerts on screen; older ones are in each post's history anyway. */
const MAX_SHOWN = 5;

/**
 * Core's alerts (a post held, an approval voided, an email that could not leave…), shown
 * wherever the community manager is, until dismissed. Mounted once, in the app shell.
 */
export function AlertCenter() {
  const { t } = useTranslation();
  const [alerts, setAlerts] = useState<ShownAlert[]>([]);

  useEffect(() => {
    let counter = 0;
    return api.subscribe((event) => {
      if (event.type !== 'alert') return;
      counter += 1;
      const shown: ShownAlert = { ...event, key: counter };
      setAlerts((list) => [...list, shown].slice(-MAX_SHOWN));
    });
  }, []);

  const dismiss = (key: number) => setAlerts((list) => list.filter((alert) => alert.key !== key));

  if (alerts.length === 0) return null;
  return (
    <div className="alert-center" role="region" aria-label={t('signoff.alerts.region')}>
      {alerts.map((alert) => (
        <div key={alert.key} className={`alert-toast ${alert.severity}`} role={alert.severity === 'error' ? 'alert' : 'status'} data-testid="alert" data-key={alert.messageKey}>
          <span>{t(alert.messageKey, { ...alert.params, defaultValue: alert.messageKey })}</span>
          {alert.postId ? (
            <a href={`#/posts/${alert.postId}`} onClick={() => dismiss(alert.key)}>
              {t('signoff.alerts.open')}
            </a>
          ) : null}
          <button type="button" className="link" onClick={() => dismiss(alert.key)} aria-label={t('signoff.alerts.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
