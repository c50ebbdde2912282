import { useTranslation } from 'react-i18next';
import { MailReachabilityPill } from '../signoff/MailReachabilityPill';
import { WorkspaceStatusPills } from '../storage/WorkspaceStatusPills';
import { shortcutLabels } from './useShortcuts';
import { useCoreReachable, useOnline, useSignedOut } from './useOnline';

export function StatusBar() {
  const { t } = useTranslation();
  const online = useOnline();
  const reachable = useCoreReachable();
  const signedOut = useSignedOut();
  return (
    <footer className="status-bar">
      {signedOut ? (
        // Never "online" while every call is refused: say what happened and how to get back in.
        <span className="pill error" role="alert" data-testid="signed-out">
          {t('app.signedOut')}
        </span>
      ) : reachable ? (
        <span className={online ? 'pill ok' : 'pill warn'} data-testid="online-status" data-online={online}>
          {online ? t('app.online') : t('app.offline')}
        </span>
      ) : null}
      <WorkspaceStatusPills />
      <MailReachabilityPill />
      {/* Nor "online" while core does not answer: this pill takes the badge's place until it is back. */}
      {reachable || signedOut ? null : (
        <span className="pill error" role="alert" data-testid="core-unreachable">
          {t('app.coreUnreachable')}
        </span>
      )}
      <span className="shortcuts">{t('app.shortcuts', shortcutLabels())}</span>
    </footer>
  );
}
