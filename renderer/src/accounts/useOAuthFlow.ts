import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Account } from '../../../shared/credentials/account';
import type { StartOAuthInput } from '../../../shared/credentials/connect';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { TransportError } from '../api/client';
import { openAuthorizationPage, releaseAuthorizationWindow, reserveAuthorizationWindow } from './authorizationWindow';
import { accountKeys, keychainFailed, keychainWorked } from './queries';

export type OAuthFlowView =
  | { step: 'idle' }
  | { step: 'starting' }
  | { step: 'waiting'; flowId: string; authorizationUrl: string }
  | { step: 'failed'; error: unknown };

const LONG_POLL_MS = 25_000;
const RETRY_MS = 2_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One sign-in in the browser: start it (core opens the loopback listener), open the page,
 * then long-poll core until the network has redirected back, the user cancels, or the flow
 * times out. Leaving the page stops the polling only: a sign-in finished later still lands
 * (core stores it and the list refreshes on its event).
 */
export function useOAuthFlow(onConnected: (account: Account) => void) {
  const queryClient = useQueryClient();
  const [view, setView] = useState<OAuthFlowView>({ step: 'idle' });
  // The flow this component still follows; null after cancel or unmount.
  const following = useRef<string | null>(null);
  const connected = useRef(onConnected);
  useEffect(() => {
    connected.current = onConnected;
  }, [onConnected]);
  useEffect(
    () => () => {
      following.current = null;
    },
    [],
  );

  const follow = useCallback(
    async (flowId: string) => {
      while (following.current === flowId) {
        try {
          const state = await api.call('accounts.awaitOAuth', { flowId, waitMs: LONG_POLL_MS });
          if (following.current !== flowId) return;
          if (state.status === 'pending') continue;
          following.current = null;
          if (state.status === 'connected') {
            setView({ step: 'idle' });
            await queryClient.invalidateQueries({ queryKey: accountKeys.list });
            connected.current(state.account);
          } else {
            setView({ step: 'failed', error: new ApiError({ code: 'forbidden', messageKey: state.messageKey, message: state.code, details: { credentialCode: state.code } }) });
          }
        } catch (error) {
          // Core briefly unreachable (browser mode): keep following; anything else ends the flow.
          if (error instanceof TransportError) {
            await pause(RETRY_MS);
            continue;
          }
          if (following.current === flowId) setView({ step: 'failed', error });
          following.current = null;
        }
      }
    },
    [queryClient],
  );

  /** Call from the click itself, so the browser tab may open. */
  const start = useCallback(
    (input: StartOAuthInput) => {
      const reserved = reserveAuthorizationWindow();
      setView({ step: 'starting' });
      void (async () => {
        try {
          const started = await api.call('accounts.startOAuth', input);
          keychainWorked(queryClient);
          openAuthorizationPage(reserved, started.authorizationUrl);
          following.current = started.flowId;
          setView({ step: 'waiting', flowId: started.flowId, authorizationUrl: started.authorizationUrl });
          await follow(started.flowId);
        } catch (error) {
          releaseAuthorizationWindow(reserved);
          keychainFailed(queryClient, error);
          setView({ step: 'failed', error });
        }
      })();
    },
    [follow, queryClient],
  );

  const cancel = useCallback(() => {
    const flowId = following.current;
    following.current = null;
    setView({ step: 'idle' });
    if (flowId !== null) void api.call('accounts.cancelOAuth', { flowId }).catch(() => undefined);
  }, []);

  return { view, start, cancel };
}
