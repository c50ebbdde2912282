import type { ApiErrorShape } from './errors';

/** What a transport carries back for one call: the contract's value or its error shape. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

/** What the desktop preload exposes on `window.plumeBridge`: the contract's transport, nothing more. */
export interface PlumeBridge {
  call(name: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: unknown) => void): () => void;
  /** Main asks the UI to save pending edits before the window closes. */
  onFlushRequest(listener: () => Promise<void>): void;
}
