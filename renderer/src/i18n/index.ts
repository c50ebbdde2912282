import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enGB, fr as frLocale } from 'date-fns/locale';
import type { Locale as DateLocale } from 'date-fns';
import { uiMessages } from './resources';

export type UiLocale = 'fr' | 'en';

/** French by default when the system speaks French; English otherwise. */
export function systemLocale(languages: readonly string[] = navigator.languages): UiLocale {
  const first = languages[0] ?? 'fr';
  return first.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const dateLocales: Record<UiLocale, DateLocale> = { fr: frLocale, en: enGB };

export async function initI18n(locale: UiLocale): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: uiMessages('fr') }, en: { translation: uiMessages('en') } },
    lng: locale,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
}

export async function setUiLocale(locale: UiLocale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export { i18next };
