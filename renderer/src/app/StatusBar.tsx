import { useTranslation } from 'react-i18next';
import { MailReachabilityPill } from '../signoff/MailReachabilityPill';
import { shortcutLabels } from './useShortcuts';
import { useCoreReachable, useOnline } from './useOnline';

export function StatusBar() {
  const { t } = useTranslation();
  const online = useOnline();
  const reachable = useCoreReachable();
  return (
    <footer className="status-bar">
      <span className={online ? 'pill ok' : 'pill warn'} data-testid="online-status" data-online={online}>
        {online ? t('app.online') : t('app.offline')}
      </span>
      <MailReachabilityPill />
      {reachable ? null : (
        <span className="pill error" role="alert" data-testid="core-unreachable">
          {t('app.coreUnreachable')}
        </span>
      )}
      <span className="shortcuts">{t('app.shortcuts', shortcutLabels())}</span>
    </footer>
  );
}
