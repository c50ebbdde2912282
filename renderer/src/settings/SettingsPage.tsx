import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../app/queries';
import { setUiLocale, systemLocale } from '../i18n';
import type { UiLocale } from '../i18n';
import { KeychainNotice } from '../accounts/KeychainNotice';
import { MailAccountSection } from '../accounts/MailAccountSection';
import { OAuthAppsSection } from '../accounts/OAuthAppsSection';
import { useAccountEvents } from '../accounts/queries';
import { MastodonCountsSection } from './MastodonCountsSection';
import { BackupsSection } from '../storage/BackupsSection';
import { SnippetsSection } from '../snippets/SnippetsSection';
import { ExampleSection } from '../onboarding/ExampleSection';

export function SettingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: keys.settings, queryFn: () => api.call('settings.get', {}) });
  useAccountEvents();

  const choose = async (value: string) => {
    const uiLocale: UiLocale | null = value === 'fr' || value === 'en' ? value : null;
    await api.call('settings.update', { uiLocale });
    await setUiLocale(uiLocale ?? systemLocale());
    await queryClient.invalidateQueries({ queryKey: keys.settings });
  };

  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <label className="field">
        {t('settings.language')}
        <select value={settings.data?.uiLocale ?? ''} onChange={(e) => void choose(e.target.value)} data-testid="ui-language">
          <option value="">{t('settings.languageSystem')}</option>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </label>
      <KeychainNotice />
      <MailAccountSection />
      <OAuthAppsSection />
      <MastodonCountsSection />
      <SnippetsSection partnerId={null} />
      <BackupsSection />
      <ExampleSection />
    </section>
  );
}
