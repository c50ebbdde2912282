import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { BATCH_CONTENT_TYPE, BatchRequest } from '../../shared/api/transport';
import { MAX_REQUEST_BYTES, requestTooLarge } from '../../shared/api/requestSize';
import type { BatchLine, CallResult } from '../../shared/api/transport';
import type { ApiErrorShape } from '../../shared/api/errors';
import { SESSION_COOKIE, hostAllowed, newSecret, originAllowed, readCookie, securityHeaders } from './security';
import { LaunchLinks, SESSION_LIFETIME_MS, mintSessionCookie, sessionValid } from './sessions';
import type { LinkVerdict } from './sessions';
import { resolveStatic } from './staticFiles';
import { loadOrCreateSecret, rememberPort, rememberedPort } from './workspaceFiles';

const HEARTBEAT_MS = 15_000;

export interface BrowserServerOptions {
  /**
   * The core, or its promise: the command line listens (and the page's files load) while core's
   * modules are still being imported and the workspace opened; API calls wait for it.
   */
  core: Core | Promise<Core>;
  staticDir: string;
  /** A fixed port; otherwise the workspace's last port when free, else any free port. */
  port?: number;
  /**
   * The workspace folder: keeps the signing secret (so sessions survive a restart) and the last
   * port. Without it, both live only as long as this launch.
   */
  dataDir?: string;
  /** Told after each of the page's files is sent (the command line starts core once the page is on its way). */
  onStaticSent?: (path: string) => void;
  /** Told when a request needs core (a call, the event stream): core starts then at the latest. */
  onCoreWanted?: () => void;
  /** Told each time a link is used up, with a fresh one to print where Plume was started. */
  onLinkUsed?: (nextUrl: string) => void;
  now?: () => number;
}

export interface BrowserServer {
  url: string;
  port: number;
  /** The token of `url`: single-use. */
  token: string;
  /** A fresh single-use link for this launch. */
  newLinkUrl(): string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** A body over MAX_REQUEST_BYTES: answered with the contract's error shape, so the page can say what to do. */
class TooLargeError extends Error {
  constructor(readonly size: number) {
    super('Body too large');
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

/** Exactly application/json, optionally with parameters (charset=utf-8): not application/jsonp, not application/json-evil. */
export function isJsonContentType(header: string | undefined): boolean {
  const mediaType = (header ?? '').split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** The declared length of the body, when the client gave one. */
function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d+$/u.test(header) ? Number(header) : null;
}

/**
 * Requests sent with `Expect: 100-continue`, whose client waits for « 100 Continue » before sending
 * its body. Node would send it at once; here it goes out only when the handler reads the body, so a
 * body declared too large (or a request refused before its body is read) is never sent at all.
 */
const awaitingContinue = new WeakMap<IncomingMessage, ServerResponse>();

/**
 * The body, at most MAX_REQUEST_BYTES of it. A larger one is refused as soon as it is known to be
 * larger (its declared length, or the first byte over the limit), with its declared size or, sent
 * without a length, what had come by then: the rest is never read (`refuseTooLarge`).
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    const waitingForContinue = awaitingContinue.get(req);
    awaitingContinue.delete(req);
    if (declared !== null && declared > MAX_REQUEST_BYTES) {
      req.pause();
      reject(new TooLargeError(declared));
      return;
    }
    // The client holds its body until told to send it: only now, once it is wanted and not too large.
    waitingForContinue?.writeContinue();
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        reject(new TooLargeError(declared ?? size));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/**
 * Answers 413 without reading the rest of the body, and closes the connection once the answer is
 * written: a multi-gigabyte upload costs the (single-threaded) server nothing more. The page
 * never gets here (it refuses such a call before sending it, renderer/src/api/httpTransport.ts):
 * a client that does may see the connection reset instead of the answer.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, size: number): void {
  const socket = req.socket;
  // Node would otherwise read the unread body to its end, to keep the connection for another request.
  res.on('finish', () => socket.destroy());
  send(res, 413, JSON.stringify({ ok: false, error: requestTooLarge(size) }), 'application/json; charset=utf-8', { Connection: 'close' });
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) throw new HttpError(415, 'Expected application/json');
  const text = (await readBody(req)).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Malformed JSON');
  }
}

const linkRefusalStatus: Record<Exclude<LinkVerdict, 'ok'>, number> = { invalid: 401, used: 410, other_launch: 410, exhausted: 429 };

const refusalText: Record<Exclude<LinkVerdict, 'ok'> | 'no_session', { fr: string; en: string }> = {
  invalid: { fr: 'Ce lien n’est pas valide.', en: 'This link is not valid.' },
  used: { fr: 'Ce lien a déjà servi\u202f: chaque lien n’ouvre Plume qu’une fois.', en: 'This link has already been used: each link opens Plume once.' },
  other_launch: { fr: 'Ce lien date d’un lancement précédent de Plume.', en: 'This link is from an earlier launch of Plume.' },
  exhausted: { fr: 'Trop de liens ont servi depuis ce lancement.', en: 'Too many links were used since this launch.' },
  no_session: { fr: 'Vous n’êtes pas connecté à Plume dans ce navigateur.', en: 'You are not signed in to Plume in this browser.' },
};

/** The page a browser gets for a refused link or no session: what happened and how to get in again. */
function linkRefusalPage(reason: Exclude<LinkVerdict, 'ok'> | 'no_session'): string {
  const text = refusalText[reason];
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Plume</title>
<h1>Plume</h1>
<p>${text.fr} Pour obtenir un nouveau lien, ouvrez le dernier lien affiché dans le terminal où Plume tourne (un nouveau s’affiche à chaque lien utilisé), ou relancez Plume (<code>npm start</code>).</p>
<p lang="en">${text.en} To get a new link, open the latest link shown in the terminal where Plume runs (a new one is shown each time a link is used), or restart Plume (<code>npm start</code>).</p>
</html>`;
}

/**
 * A batch's calls run in the order asked, each started once the one before has had its turn on
 * the thread, and each answer is written as soon as it is known: the open post's read goes out
 * before the post list's half megabyte is even read. A call's failure is its own line.
 */
async function answerBatch(res: ServerResponse, core: Core, batch: BatchRequest): Promise<void> {
  res.writeHead(200, { ...securityHeaders, 'Content-Type': BATCH_CONTENT_TYPE, 'Cache-Control': 'no-store' });
  const answered: Promise<void>[] = [];
  for (const [i, entry] of batch.calls.entries()) {
    // Lets the previous answer reach the socket before this call takes the thread.
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    // Taken before the call runs: an event after it may not be in the answer.
    const mark = core.events.mark();
    answered.push(
      core.router
        .call(entry.name, entry.input)
        .catch((): CallResult => ({ ok: false, error: { code: 'internal', messageKey: 'errors.internal', message: 'Internal error' } }))
        .then((result) => {
          const line: BatchLine = { i, mark, result };
          res.write(`${JSON.stringify(line)}\n`);
        }),
    );
  }
  await Promise.all(answered);
  res.end();
}

const statusFor: Record<string, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  unknown_procedure: 404,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
  too_large: 413,
  internal: 500,
};

/**
 * The HTTP status of a call's failure. A call its own page cancelled (a pair search for a view
 * that was left) is answered 200 with its `ok: false` body: the page ignores it, and the
 * browser does not log a « 503 (Service Unavailable) » for a server that is not failing. A real
 * overload or a core that is not started still answers 503.
 */
export function httpStatusOf(error: ApiErrorShape): number {
  if (error.details?.['cancelledByCaller'] === true) return 200;
  return statusFor[error.code] ?? 500;
}

/**
 * Browser mode: the same core as the desktop app, behind a loopback-only HTTP server.
 * A printed link's token is exchanged once (single-use) for an HttpOnly SameSite=Strict session
 * cookie signed with the workspace's secret, so it survives a restart; the answer is the page
 * itself, which drops the spent token from its address. Host and Origin are checked on every
 * request; no CORS header is ever sent.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { staticDir } = options;
  const core = Promise.resolve(options.core);
  // A core that failed to start is reported by whoever created it; calls then answer 503.
  core.catch(() => undefined);
  const now = options.now ?? Date.now;
  const secret = options.dataDir ? loadOrCreateSecret(options.dataDir) : newSecret();
  const links = new LaunchLinks(secret);
  const token = links.mint();
  let port = 0;
  const linkUrl = (linkToken: string) => `http://127.0.0.1:${port}/?token=${linkToken}`;

  const authenticated = (req: IncomingMessage) => {
    const session = readCookie(req, SESSION_COOKIE);
    return session !== null && sessionValid(secret, session, now());
  };

  /**
   * One of the page's files (index.html for the UI's own routes); `extra` headers win over the
   * file's caching and go with a refusal too (a link's session cookie opens the session even where
   * the page is missing: that is the build's fault, not the link's).
   */
  const sendStatic = async (res: ServerResponse, path: string, extra: Record<string, string> = {}) => {
    const file = await resolveStatic(staticDir, path);
    if (file === 'bad_path' || file === null) {
      send(res, file === null ? 404 : 400, file === null ? 'Not found' : 'Bad path', 'text/plain; charset=utf-8', extra);
      return;
    }
    send(res, 200, file.body, file.contentType, { 'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store', ...extra });
    options.onStaticSent?.(path);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) {
      send(res, 403, 'Forbidden', 'text/plain; charset=utf-8');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      throw new HttpError(400, 'Bad request target');
    }

    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered !== null) {
      const verdict = links.exchange(offered);
      if (verdict === 'ok') {
        options.onLinkUsed?.(linkUrl(links.mint()));
        // The page itself, with the session cookie: a redirect to it cost a second document load
        // (~60 ms) at every start. The token is spent already; the page's first script takes it
        // out of the address bar (renderer/src/app/launchLink.ts).
        await sendStatic(res, url.pathname, {
          'Set-Cookie': `${SESSION_COOKIE}=${mintSessionCookie(secret, now())}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_LIFETIME_MS / 1000}`,
          'Cache-Control': 'no-store',
        });
        return;
      }
      // A spent link reloaded in the tab it signed in (before the page took the token away), in
      // this launch or an earlier one: the session answers for it. Any other refused link gets
      // the page saying why.
      if (!((verdict === 'used' || verdict === 'other_launch') && authenticated(req))) {
        send(res, linkRefusalStatus[verdict], linkRefusalPage(verdict), 'text/html; charset=utf-8');
        return;
      }
    }

    if (!authenticated(req)) {
      if (url.pathname.startsWith('/api/')) sendJson(res, 401, { ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized', message: 'Missing or invalid session' } });
      else send(res, 401, linkRefusalPage('no_session'), 'text/html; charset=utf-8');
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      options.onCoreWanted?.();
      const { events } = await core;
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      const unsubscribe = events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      // Where the stream starts: the page reads again only what it may have missed before.
      res.write(`event: opened\ndata: ${events.mark()}\n\n`);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      req.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      return;
    }

    if (url.pathname === '/api/batch') {
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      options.onCoreWanted?.();
      const batch = BatchRequest.safeParse(await readJsonBody(req));
      if (!batch.success) {
        sendJson(res, 400, { ok: false, error: { code: 'validation', messageKey: 'errors.validation', message: 'Malformed batch' } });
        return;
      }
      await answerBatch(res, await core, batch.data);
      return;
    }

    const call = /^\/api\/call\/([a-zA-Z.]+)$/.exec(url.pathname);
    if (call?.[1] !== undefined) {
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      options.onCoreWanted?.();
      const input = await readJsonBody(req);
      const started = await core;
      // Taken before the call runs: an event after it may not be in the answer.
      const mark = started.events.mark();
      const result = await started.router.call(call[1], input);
      send(res, result.ok ? 200 : httpStatusOf(result.error), JSON.stringify(result), 'application/json; charset=utf-8', { 'X-Plume-Events': mark });
      return;
    }
    // Any other API path is a caller's mistake, not a UI route: never answer it with index.html.
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: { code: 'unknown_procedure', messageKey: 'errors.unknownProcedure', message: 'Unknown API path' } });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    await sendStatic(res, url.pathname);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof TooLargeError && !res.headersSent) {
        refuseTooLarge(req, res, error.size);
        return;
      }
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) send(res, status, error instanceof HttpError ? error.message : 'Internal error', 'text/plain; charset=utf-8');
      else res.end();
    });
  };
  const server = createServer(onRequest);
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    awaitingContinue.set(req, res);
    onRequest(req, res);
  });

  const listen = (wanted: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once('error', onError);
      server.listen(wanted, '127.0.0.1', () => {
        server.off('error', onError);
        resolve();
      });
    });
  const remembered = options.port === undefined && options.dataDir ? rememberedPort(options.dataDir) : null;
  if (remembered !== null) {
    // The last port, so open tabs find this launch; taken by something else, any free one.
    await listen(remembered).catch(() => listen(0));
  } else {
    await listen(options.port ?? 0);
  }
  port = (server.address() as AddressInfo).port;
  if (options.dataDir) rememberPort(options.dataDir, port);

  return {
    url: linkUrl(token),
    port,
    token,
    newLinkUrl: () => linkUrl(links.mint()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
