import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import {
  SESSION_COOKIE,
  hostAllowed,
  newSecret,
  originAllowed,
  readCookie,
  sameSecret,
  securityHeaders,
} from './security';
import { resolveStatic } from './staticFiles';

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface BrowserServerOptions {
  core: Core;
  staticDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
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

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) throw new HttpError(415, 'Expected application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Malformed JSON');
  }
}

const statusFor: Record<string, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  unknown_procedure: 404,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
};

/**
 * Browser mode: the same core as the desktop app, behind a loopback-only HTTP server.
 * The per-launch token (in the printed URL) is exchanged once for an HttpOnly SameSite=Strict
 * session cookie; Host and Origin are checked on every request; no CORS header is ever sent.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { core, staticDir } = options;
  const token = options.token ?? newSecret();
  const sessions = new Set<string>();
  let port = 0;

  const authenticated = (req: IncomingMessage) => {
    const session = readCookie(req, SESSION_COOKIE);
    return session !== null && [...sessions].some((s) => sameSecret(s, session));
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
      if (!sameSecret(offered, token)) {
        send(res, 401, 'Invalid token', 'text/plain; charset=utf-8');
        return;
      }
      const session = newSecret();
      sessions.add(session);
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...securityHeaders,
        Location: url.pathname + url.search,
        'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    if (!authenticated(req)) {
      if (url.pathname.startsWith('/api/')) sendJson(res, 401, { ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized', message: 'Missing or invalid session' } });
      else send(res, 401, 'Plume: open the link with its token, as printed where Plume was started.', 'text/plain; charset=utf-8');
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = core.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      req.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      return;
    }

    const call = /^\/api\/call\/([a-zA-Z.]+)$/.exec(url.pathname);
    if (call?.[1] !== undefined) {
      if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');
      const result = await core.router.call(call[1], await readJsonBody(req));
      sendJson(res, result.ok ? 200 : (statusFor[result.error.code] ?? 500), result);
      return;
    }
    // Any other API path is a caller's mistake, not a UI route: never answer it with index.html.
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: { code: 'unknown_procedure', messageKey: 'errors.unknownProcedure', message: 'Unknown API path' } });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    const file = await resolveStatic(staticDir, url.pathname);
    if (file === 'bad_path') throw new HttpError(400, 'Bad path');
    if (!file) throw new HttpError(404, 'Not found');
    send(res, 200, file.body, file.contentType, {
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent) send(res, status, error instanceof HttpError ? error.message : 'Internal error', 'text/plain; charset=utf-8');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
