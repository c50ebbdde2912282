import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enGB, fr as frLocale } from 'date-fns/locale';
import type { Locale as DateLocale } from 'date-fns';
import { en } from './en';
import { fr } from './fr';
import { featureMessages } from './features';

export type UiLocale = 'fr' | 'en';

/** French by default when the system speaks French; English otherwise. */
export function systemLocale(languages: readonly string[] = navigator.languages): UiLocale {
  const first = languages[0] ?? 'fr';
  return first.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const dateLocales: Record<UiLocale, DateLocale> = { fr: frLocale, en: enGB };

/** Core messages plus each feature's namespace; a namespace defined twice is a bug. */
function merged(language: UiLocale): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(language === 'fr' ? fr : en) };
  for (const feature of featureMessages) {
    for (const [namespace, messages] of Object.entries(feature[language])) {
      if (namespace in out) throw new Error(`i18n namespace defined twice: ${namespace}`);
      out[namespace] = messages;
    }
  }
  return out;
}

export async function initI18n(locale: UiLocale): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: merged('fr') }, en: { translation: merged('en') } },
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
