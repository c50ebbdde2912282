import i18next from 'i18next';
import { uiMessages } from '../../renderer/src/i18n/resources';

/** The UI's own French and English texts in i18next's global instance, as the page sets them up (no DOM). */
export function initUiTranslations(): Promise<unknown> {
  return i18next.init({
    resources: { fr: { translation: uiMessages('fr') }, en: { translation: uiMessages('en') } },
    lng: 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
