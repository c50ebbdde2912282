import { useSyncExternalStore } from 'react';
import { connection } from '../api/connection';

const subscribeOnline = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/** The machine's network state (drafting never needs it; later, publishing will). */
export const useOnline = (): boolean => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

/** Whether core answers: always on desktop, the loopback server in browser mode. */
export const useCoreReachable = (): boolean =>
  useSyncExternalStore((onChange) => connection.subscribe(onChange), connection.get);

/** Whether the browser-mode server refuses this tab's session (401): it must sign in again. */
export const useSignedOut = (): boolean =>
  useSyncExternalStore((onChange) => connection.subscribe(onChange), connection.signedOut);
