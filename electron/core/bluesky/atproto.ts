import type * as Atproto from '@atproto/api';

type AtprotoModule = typeof Atproto;

let loaded: AtprotoModule | null = null;

/**
 * @atproto/api takes ~250 ms to import: it is loaded when Bluesky is first used (an account
 * check, a publication), not when Plume starts.
 */
export async function atproto(): Promise<AtprotoModule> {
  loaded ??= await import('@atproto/api');
  return loaded;
}

/** The library if it was loaded already (code that must stay synchronous awaits `atproto()` first). */
export const loadedAtproto = (): AtprotoModule | null => loaded;

/** The library's XRPC error; none can exist before the library was loaded. */
export function isXrpcError(error: unknown): error is Atproto.XRPCError {
  return loaded !== null && error instanceof loaded.XRPCError;
}
