import { useTranslation } from 'react-i18next';
import { AppLink } from '../ui/AppLink';

/**
 * Asked to request sign-off by email with no mail account set up: said before anything is
 * queued, with the way to Settings and the other way — a decision taken by phone, in person
 * or by message, recorded here.
 */
export function NoMailAccount({ onRecordDecision, onCancel }: { onRecordDecision: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="banner warn signoff-no-mail" role="alert" data-testid="signoff-no-mail-account">
      <p>
        <strong>{t('signoff.noMailAccount.title')}</strong> {t('signoff.noMailAccount.body')}
      </p>
      <div className="signoff-actions">
        <AppLink className="button primary" to="#/settings">
          {t('signoff.noMailAccount.settings')}
        </AppLink>
        <button type="button" onClick={onRecordDecision}>
          {t('signoff.noMailAccount.record')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('signoff.decisionForm.cancel')}
        </button>
      </div>
    </div>
  );
}
