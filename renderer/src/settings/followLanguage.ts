import { api } from '../api';
import { i18next, setUiLocale, systemLocale } from '../i18n';

/**
 * The language chosen in another window (or tab, in browser mode) is taken here too, without a
 * reload: core says its settings changed, and this window reads which language they name. The
 * window where it was chosen has already switched (SettingsPage), so nothing is drawn twice.
 */
export function followLanguage(): () => void {
  return api.subscribe((event) => {
    if (event.type !== 'settings.changed' && event.type !== 'events.resync') return;
    api
      .call('settings.get', {})
      .then(async (settings) => {
        const wanted = settings.uiLocale ?? systemLocale();
        if (wanted !== i18next.language) await setUiLocale(wanted);
      })
      // Core unreachable for now: the next change or resync tries again.
      .catch((error: unknown) => console.warn('the language chosen elsewhere could not be read', error));
  });
}
