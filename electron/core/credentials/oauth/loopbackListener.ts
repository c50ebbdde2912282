import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CredentialFailure } from '../failure';

export const CALLBACK_PATH = '/oauth/callback';

export interface LoopbackCallback {
  /** The authorization response's query parameters (code, state, iss, or error). */
  params: URLSearchParams;
  /** Answers the browser tab once the flow has an outcome, then stops listening. */
  respond(outcome: 'connected' | 'failed'): void;
}

export interface LoopbackListener {
  redirectUri: string;
  /** Resolves on the first redirect; rejects with oauth_timeout or oauth_cancelled. */
  callback: Promise<LoopbackCallback>;
  cancel(): void;
}

type PageLanguage = 'fr' | 'en';

/**
 * The browser tab's sentences, in the language of Plume's interface (French typography:
 * no-break spaces). The failures are for a tab the user opened by hand or reloaded.
 */
export const loopbackPageWords = {
  connected: { fr: 'Compte connecté à Plume. Vous pouvez fermer cet onglet.', en: 'Account connected to Plume. You can close this tab.' },
  failed: { fr: 'La connexion a échoué\u202f; revenez à Plume pour le détail.', en: 'Connection failed; go back to Plume for details.' },
  notFound: { fr: 'Page introuvable. Revenez à Plume.', en: 'Page not found. Go back to Plume.' },
  notAllowed: { fr: 'Demande non acceptée. Revenez à Plume.', en: 'Request not accepted. Go back to Plume.' },
  notAnAnswer: {
    fr: 'Cette adresse n’est pas une réponse de connexion. Revenez à Plume et recommencez la connexion.',
    en: 'This address is not a sign-in answer. Go back to Plume and start signing in again.',
  },
  finished: { fr: 'Cette connexion est déjà terminée. Revenez à Plume.', en: 'This sign-in is already finished. Go back to Plume.' },
} as const satisfies Record<string, Record<PageLanguage, string>>;

type PageWords = keyof typeof loopbackPageWords;

const page = (words: PageWords, language: PageLanguage) =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>Plume</title></head><body><p>${loopbackPageWords[words][language]}</p></body></html>`;

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'",
    // The callback URL carries the authorization code: never pass it on.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(body);
}

/**
 * RFC 8252 §7.3 loopback redirect: an HTTP listener on 127.0.0.1 (never 0.0.0.0), on a port
 * the OS picks unless a network needs a fixed one, that accepts exactly one redirect and
 * closes after it, on cancel, or when `timeoutMs` passes.
 */
export async function openLoopbackListener(options: { port?: number; timeoutMs: number; language?: PageLanguage }): Promise<LoopbackListener> {
  const language = options.language ?? 'fr';
  const answer = (res: ServerResponse, status: number, words: PageWords) => send(res, status, page(words, language));
  let settled = false;
  let resolveCallback: (value: LoopbackCallback) => void = () => undefined;
  let rejectCallback: (reason: CredentialFailure) => void = () => undefined;
  const callback = new Promise<LoopbackCallback>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // Nobody may be awaiting yet; the flow that owns this listener handles the outcome.
  callback.catch(() => undefined);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== CALLBACK_PATH) return answer(res, 404, 'notFound');
    if (req.method !== 'GET') return answer(res, 405, 'notAllowed');
    // A callback must carry an authorization response; anything else is not one.
    if (!url.searchParams.has('code') && !url.searchParams.has('error')) return answer(res, 400, 'notAnAnswer');
    if (settled) return answer(res, 410, 'finished');
    settled = true;
    clearTimeout(timer);
    let responded = false;
    resolveCallback({
      params: url.searchParams,
      respond: (outcome) => {
        if (responded) return;
        responded = true;
        answer(res, outcome === 'connected' ? 200 : 400, outcome);
        stop();
      },
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;

  const stop = () => {
    server.close();
    server.closeIdleConnections();
  };
  const fail = (code: 'oauth_timeout' | 'oauth_cancelled' | 'oauth_failed') => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    rejectCallback(new CredentialFailure(code));
    stop();
    server.closeAllConnections();
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new CredentialFailure(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? 'oauth_port_unavailable' : 'oauth_failed'));
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // A later server error (out of file descriptors…) ends the flow instead of crashing core.
  server.on('error', () => fail('oauth_failed'));
  const timer = setTimeout(() => fail('oauth_timeout'), options.timeoutMs);
  timer.unref();

  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    callback,
    cancel: () => fail('oauth_cancelled'),
  };
}
