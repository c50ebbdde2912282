import type { TFunction } from 'i18next';
import { TransportError } from '../api/client';
import { errorMessage } from '../ui/errorMessage';
import { credentialCode } from './queries';

/** A line shown after an action: `offline` is calm information, never styled as an error. */
export interface Notice {
  kind: 'ok' | 'offline' | 'error';
  text: string;
}

/** A network that cannot be reached (or no network at all) is the machine being offline, not a failure. */
export function failureNotice(t: TFunction, error: unknown): Notice {
  const offline = credentialCode(error) === 'network_unreachable' || (!navigator.onLine && !(error instanceof TransportError));
  return { kind: offline ? 'offline' : 'error', text: errorMessage(t, error) };
}
