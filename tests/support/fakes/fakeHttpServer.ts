import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './multipart';
import type { FormPart } from './multipart';

/**
 * The loopback HTTP server under every network fake: routes, a log of what it received, and
 * the switches tests use to make the network misbehave (fail the next N requests, or accept a
 * post and cut the connection before answering — a crash after the network took it).
 */

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  header(name: string): string | undefined;
  json(): unknown;
  form(): Map<string, FormPart>;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  handle(request: FakeRequest, params: string[]): FakeReply | Promise<FakeReply>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Which requests a switch applies to: a method and/or a path pattern (all when omitted). */
export interface RequestMatch {
  method?: string;
  path?: RegExp;
}

interface Armed<T> {
  value: T;
  remaining: number;
  match: RequestMatch;
  /** Matching requests to let through before this one applies. */
  skip?: number;
}

const matches = (match: RequestMatch, method: string, path: string): boolean =>
  (match.method === undefined || match.method === method) && (match.path === undefined || match.path.test(path));

function toFakeRequest(message: IncomingMessage, body: Buffer, base: string): FakeRequest {
  const url = new URL(message.url ?? '/', base);
  const header = (name: string): string | undefined => {
    const value = message.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    method: message.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: message.headers,
    body,
    header,
    json: () => JSON.parse(body.toString('utf8')) as unknown,
    form: () => parseMultipart(header('content-type'), body),
  };
}

export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: Armed<FakeReply>[] = [];
  private readonly drops: Armed<null>[] = [];
  private readonly hangs: Armed<() => void>[] = [];
  private server: Server | undefined;
  private base = '';

  constructor(private readonly routes: Route[]) {}

  get url(): string {
    return this.base;
  }

  get port(): number {
    return Number(new URL(this.base).port);
  }

  async start(): Promise<string> {
    const server = createServer((message, response) => {
      const chunks: Buffer[] = [];
      message.on('data', (chunk: Buffer) => chunks.push(chunk));
      message.on('end', () => {
        void this.dispatch(message, Buffer.concat(chunks), response);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}`;
    return this.base;
  }

  /** The next `times` matching requests get `reply` instead of being handled (nothing stored). */
  failNext(reply: FakeReply, options: { times?: number; skip?: number } & RequestMatch = {}): void {
    this.failures.push({ value: reply, remaining: options.times ?? 1, match: options, skip: options.skip ?? 0 });
  }

  /**
   * The next `times` matching requests are handled (a post is stored) and then the connection
   * is destroyed before any answer: the client cannot know the network took it.
   */
  dropAfterAccept(options: { times?: number } & RequestMatch = {}): void {
    this.drops.push({ value: null, remaining: options.times ?? 1, match: options });
  }

  /**
   * The next matching request is handled (a post is stored), then never answered: the
   * returned promise resolves at that moment, so a test can kill the client while it waits —
   * the network took the post and the client can never have recorded it.
   */
  hangAfterAccept(options: RequestMatch & { skip?: number } = {}): Promise<void> {
    return new Promise((resolve) => this.hangs.push({ value: resolve, remaining: 1, match: options, skip: options.skip ?? 0 }));
  }

  /** Requests received, optionally only those matching. */
  received(match: RequestMatch = {}): RecordedRequest[] {
    return this.requests.filter((request) => matches(match, request.method, request.path));
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private take<T>(armed: Armed<T>[], method: string, path: string): Armed<T> | undefined {
    const hit = armed.find((entry) => entry.remaining > 0 && matches(entry.match, method, path));
    if (hit === undefined) return undefined;
    if ((hit.skip ?? 0) > 0) {
      hit.skip = (hit.skip ?? 0) - 1;
      return undefined;
    }
    hit.remaining -= 1;
    return hit;
  }

  private async dispatch(message: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const request = toFakeRequest(message, body, this.base);
    this.requests.push({ method: request.method, path: request.path, query: request.query, headers: request.headers, body });
    const failure = this.take(this.failures, request.method, request.path);
    if (failure !== undefined) {
      write(response, failure.value);
      return;
    }
    const route = this.routes.find((candidate) => candidate.method === request.method && candidate.path.test(request.path));
    if (route === undefined) {
      write(response, { status: 404, json: { error: 'Not Found' } });
      return;
    }
    let reply: FakeReply;
    try {
      reply = await route.handle(request, route.path.exec(request.path)?.slice(1) ?? []);
    } catch (error) {
      reply = { status: 500, text: error instanceof Error ? error.message : String(error) };
    }
    const hang = this.take(this.hangs, request.method, request.path);
    if (hang !== undefined) {
      hang.value();
      return;
    }
    if (this.take(this.drops, request.method, request.path) !== undefined) {
      response.socket?.destroy();
      return;
    }
    write(response, reply);
  }
}

function write(response: ServerResponse, reply: FakeReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.json !== undefined) {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    payload = JSON.stringify(reply.json);
  } else if (reply.text !== undefined) {
    headers['content-type'] ??= 'text/html; charset=utf-8';
    payload = reply.text;
  }
  response.writeHead(reply.status, headers);
  response.end(payload);
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({ status, json: body, headers });
