import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { PlumeQueryClient } from './api/queryClient';
import { api } from './api';
import { App } from './app/App';
import { initI18n, systemLocale } from './i18n';
import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/400-italic.css';
import '@fontsource/source-sans-3/600.css';
import '@fontsource/source-sans-3/700.css';
import { loadZoneTables } from './time/zoneTables';
import { prefetchFirstScreen } from './app/prefetch';
import { forgetLaunchToken } from './app/launchLink';
import { followCoreEvents } from './app/queries';
import { followLanguage } from './settings/followLanguage';
import { typefaceLoaded } from './app/typeface';
import './styles.css';

async function boot(): Promise<void> {
  forgetLaunchToken(window.location, window.history);
  const typeface = typefaceLoaded();
  const queryClient = new PlumeQueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
  });
  followCoreEvents(queryClient);
  // Every read the first screen needs leaves now, together: no chain of round trips.
  // The saved UI language wins; the system's is the default. Core may be unreachable
  // (browser mode, server stopped): start anyway in the system language.
  const settings = api.call('settings.get', {}).catch(() => null);
  // Every time shown in a zone uses core's tz data, loaded before anything is drawn. Core
  // unreachable: the app starts anyway and each zone is asked for when first shown.
  const zones = loadZoneTables(queryClient).catch((error: unknown) => console.warn('time-zone data not loaded', error));
  prefetchFirstScreen(queryClient, window.location.hash);
  await initI18n((await settings)?.uiLocale ?? systemLocale());
  followLanguage();
  await zones;
  await typeface;
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void boot();
