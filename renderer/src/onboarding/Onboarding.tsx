import { useTranslation } from 'react-i18next';
import { AppLink } from '../ui/AppLink';

export function Onboarding({ onChoose }: { onChoose: (choice: 'example' | 'partner' | 'empty') => void }) {
  const { t } = useTranslation();
  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h1 id="onboarding-title">{t('onboarding.title')}</h1>
      <p className="lead">{t('onboarding.intro')}</p>
      <ol className="steps">
        <li>{t('onboarding.step1')}</li>
        <li>{t('onboarding.step2')}</li>
        <li>{t('onboarding.step3')}</li>
      </ol>
      <div className="actions">
        <button className="primary" onClick={() => onChoose('partner')}>
          {t('onboarding.createPartner')}
        </button>
        <button onClick={() => onChoose('example')}>{t('onboarding.loadExample')}</button>
        <button className="link" onClick={() => onChoose('empty')}>
          {t('onboarding.skip')}
        </button>
      </div>
      <p className="hint">{t('onboarding.exampleNote')}</p>
      {/* A workspace brought back from a backup (or a new machine) starts from Settings, which this screen does not hide. */}
      <p className="hint">
        {t('onboarding.fromBackup')} <AppLink to="#/settings">{t('onboarding.fromBackupLink')}</AppLink>
      </p>
    </section>
  );
}
