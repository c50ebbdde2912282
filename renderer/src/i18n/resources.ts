import { en } from './en';
import { fr } from './fr';
import { featureMessages } from './features';

/** Core messages plus each feature's namespace; a namespace defined twice is a bug. */
export function uiMessages(language: 'fr' | 'en'): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(language === 'fr' ? fr : en) };
  for (const feature of featureMessages) {
    for (const [namespace, messages] of Object.entries(feature[language])) {
      if (namespace in out) throw new Error(`i18n namespace defined twice: ${namespace}`);
      out[namespace] = messages;
    }
  }
  return out;
}
