import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../electron/server/server';
import type { BrowserServer } from '../../electron/server/server';
import { MAX_LINKS_PER_LAUNCH } from '../../electron/server/sessions';
import { createTestCore } from '../support/testCore';
import type { TestCore } from '../support/testCore';
import { tempDir } from '../support/tempDir';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls Host and Origin exactly, as a hostile page could. */
function http(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, agent: false, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let t: TestCore;
let server: BrowserServer;
let staticDir: { path: string; remove: () => void };
let cookie = '';

beforeAll(async () => {
  t = createTestCore();
  staticDir = tempDir('plume-static-');
  mkdirSync(join(staticDir.path, 'assets'));
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>Plume</title>');
  writeFileSync(join(staticDir.path, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir.path, '..', 'outside.txt'), 'secret');
  server = await startBrowserServer({ core: t.core, staticDir: staticDir.path });
  const exchange = await http(server.port, `/?token=${server.token}`);
  cookie = String(exchange.headers['set-cookie']).split(';')[0] ?? '';
});

afterAll(async () => {
  await server.close();
  t.close();
  staticDir.remove();
  rmSync(join(staticDir.path, '..', 'outside.txt'), { force: true });
});

const callApi = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  http(server.port, `/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: `http://127.0.0.1:${server.port}`, ...headers },
    body: JSON.stringify(body),
  });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only, with a URL carrying a long random signed token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie, answering with the page itself (no second load)', async () => {
    const token = new URL(server.newLinkUrl()).searchParams.get('token') ?? '';
    const exchange = await http(server.port, `/posts?token=${token}`);
    expect(exchange.status).toBe(200);
    expect(exchange.headers.location).toBeUndefined();
    expect(exchange.body).toBe('<!doctype html><title>Plume</title>');
    expect(exchange.headers['cache-control']).toBe('no-store');
    expect(exchange.headers['content-security-policy']).toContain("script-src 'self'");
    expect(String(exchange.headers['set-cookie'])).toMatch(/^plume_session=[A-Za-z0-9_.-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
  });

  it('a spent link reloaded with its session (before the page dropped the token) is the page; without the session it is refused', async () => {
    const token = new URL(server.newLinkUrl()).searchParams.get('token') ?? '';
    const first = await http(server.port, `/?token=${token}`);
    const session = String(first.headers['set-cookie']).split(';')[0] ?? '';
    const reload = await http(server.port, `/?token=${token}`, { headers: { Cookie: session } });
    expect(reload.status).toBe(200);
    expect(reload.body).toBe('<!doctype html><title>Plume</title>');
    expect(reload.headers['set-cookie']).toBeUndefined();
    const elsewhere = await http(server.port, `/?token=${token}`);
    expect(elsewhere.status).toBe(410);
    expect(elsewhere.headers['set-cookie']).toBeUndefined();
    // A wrong token is refused even with a session: only a spent link of this launch is forgiven.
    expect((await http(server.port, '/?token=wrong', { headers: { Cookie: session } })).status).toBe(401);
  });

  it('takes each link once: a second use is refused with a page saying how to get a new link', async () => {
    const again = await http(server.port, `/?token=${server.token}`);
    expect(again.status).toBe(410);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('déjà servi');
    expect(again.body).toContain('To get a new link');
  });

  it('refuses a wrong token, and every request without a session, with 401', async () => {
    expect((await http(server.port, '/?token=wrong')).status).toBe(401);
    expect((await http(server.port, '/')).status).toBe(401);
    const api = await http(server.port, '/api/call/partners.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a foreign Origin or Host with 403, even with a valid session', async () => {
    expect((await callApi('partners.list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await callApi('partners.list', {}, { Origin: 'null' })).status).toBe(403);
    expect((await http(server.port, '/', { headers: { Host: 'evil.example', Cookie: cookie } })).status).toBe(403);
    expect((await http(server.port, '/', { headers: { Host: `127.0.0.1.evil.example:${server.port}`, Cookie: cookie } })).status).toBe(403);
  });

  it('never sends CORS headers', async () => {
    const preflight = await http(server.port, '/api/call/partners.list', {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    const ok = await callApi('partners.list', {});
    for (const reply of [preflight, ok]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('carries the contract: values, and errors with their status', async () => {
    const created = await callApi('partners.create', { displayName: 'Me Benali', timeZone: 'Africa/Casablanca' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { displayName: 'Me Benali' } });
    const invalid = await callApi('partners.create', { displayName: '', timeZone: 'Nowhere/Land' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const malformed = await http(server.port, '/api/call/partners.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
  });

  it('marks each answer and the event stream with how many events core had announced, so a page reads again only what it may have missed', async () => {
    const before = await callApi('partners.list', { includeArchived: false });
    const mark = /^([A-Za-z0-9-]+)\.(\d+)$/.exec(String(before.headers['x-plume-events']));
    expect(mark).not.toBeNull();
    await callApi('partners.create', { displayName: 'Me Aubry', timeZone: 'Europe/Paris' });
    const after = /^([A-Za-z0-9-]+)\.(\d+)$/.exec(String((await callApi('partners.list', { includeArchived: false })).headers['x-plume-events']));
    expect(after?.[1]).toBe(mark?.[1]);
    expect(Number(after?.[2])).toBeGreaterThan(Number(mark?.[2]));
    // The stream's first frame: where it starts.
    const opened = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', agent: false, headers: { Host: `127.0.0.1:${server.port}`, Cookie: cookie } },
        (res) => {
          res.setEncoding('utf8');
          res.once('data', (chunk: string) => {
            resolve(chunk);
            req.destroy();
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(opened).toBe(`event: opened\ndata: ${after?.[1]}.${after?.[2]}\n\n`);
  });

  it('serves the UI with a CSP, and nothing outside its folder', async () => {
    const index = await http(server.port, '/', { headers: { Cookie: cookie } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await http(server.port, '/some/route', { headers: { Cookie: cookie } })).body).toContain('<title>Plume</title>');
    expect((await http(server.port, '/assets/app.js', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await http(server.port, '/../outside.txt', { headers: { Cookie: cookie } })).body).not.toContain('secret');
    expect((await http(server.port, '/%2e%2e/outside.txt', { headers: { Cookie: cookie } })).body).not.toContain('secret');
  });
});

const batchOf = (calls: { name: string; input: unknown }[], headers: Record<string, string> = {}) =>
  http(server.port, '/api/batch', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: `http://127.0.0.1:${server.port}`, ...headers },
    body: JSON.stringify({ calls }),
  });

const linesOf = (body: string) => body.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { i: number; mark: string; result: { ok: boolean; value?: unknown; error?: { code: string } } });

describe('reads asked for together travel as one request', () => {
  it('answers each call of a batch on its own line, with its index, its event mark and its result, a failure on its own line', async () => {
    await callApi('partners.create', { displayName: 'Me Lefèvre', timeZone: 'Europe/Paris' });
    const reply = await batchOf([
      { name: 'partners.list', input: { includeArchived: false } },
      { name: 'posts.get', input: { id: '00000000-0000-4000-8000-000000000000' } },
      { name: 'no.such', input: {} },
      { name: 'settings.get', input: {} },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    const lines = linesOf(reply.body).sort((a, b) => a.i - b.i);
    expect(lines.map((line) => line.i)).toEqual([0, 1, 2, 3]);
    expect(lines[0]?.result).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ displayName: 'Me Lefèvre' })]) as unknown });
    expect(lines[1]?.result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(lines[2]?.result).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(lines[3]?.result).toMatchObject({ ok: true });
    // The mark a single call's answer carries in X-Plume-Events.
    const single = String((await callApi('settings.get', {})).headers['x-plume-events']);
    for (const line of lines) expect(line.mark).toBe(single);
  });

  it('sends a quick answer before a long call of the same batch has finished', async () => {
    const router = t.core.router;
    const realCall = router.call.bind(router);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    router.call = async (name, input) => {
      if (name === 'posts.list') await held;
      return realCall(name, input);
    };
    try {
      const arrived: string[] = [];
      const finished = new Promise<void>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/batch',
            method: 'POST',
            agent: false,
            headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Cookie: cookie },
          },
          (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              arrived.push(chunk);
              // The quick call's line came while the long one is still held: now let it go.
              if (arrived.length === 1) release();
            });
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ calls: [{ name: 'posts.list', input: {} }, { name: 'settings.get', input: {} }] }));
      });
      await finished;
      expect(linesOf(arrived[0] ?? '').map((line) => line.i)).toEqual([1]);
      expect(linesOf(arrived.join('')).map((line) => line.i)).toEqual([1, 0]);
    } finally {
      router.call = realCall;
    }
  });

  it('refuses a malformed batch (no calls, too many, not a list) with 400, and a batch without a session with 401', async () => {
    for (const body of [{ calls: [] }, { calls: Array.from({ length: 65 }, () => ({ name: 'settings.get', input: {} })) }, { calls: 'settings.get' }, {}]) {
      const reply = await http(server.port, '/api/batch', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    const anonymous = await http(server.port, '/api/batch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ calls: [{ name: 'settings.get', input: {} }] }) });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await http(server.port, '/api/batch', { headers: { Cookie: cookie } })).status).toBe(405);
    expect((await batchOf([{ name: 'settings.get', input: {} }], { Origin: 'http://evil.example' })).status).toBe(403);
  });
});

describe('hostile input gets a 4xx, never a 500', () => {
  /** Built as text: even JSON.stringify would overflow the stack on it. */
  const nestedJson = (depth: number): string =>
    '{"type":"paragraph","content":['.repeat(depth) + '{"type":"text","text":"x"}' + ']}'.repeat(depth);

  it('refuses post content nested 5,000 levels deep with a translated validation error', async () => {
    const partner = JSON.parse((await callApi('partners.create', { displayName: 'Deep', timeZone: 'Europe/Paris' })).body) as { value: { id: string } };
    const reply = await http(server.port, '/api/call/posts.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: `{"partnerId":"${partner.value.id}","content":{"type":"doc","content":[${nestedJson(5000)}]}}`,
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'validation', messageKey: 'errors.tooDeep' } });
  });

  it('refuses a NUL in a search query with 400', async () => {
    const reply = await callApi('calendar.search', { query: 'a\u0000b' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers a path with bad %-encoding with 400', async () => {
    expect((await http(server.port, '/%E0%A4%A', { headers: { Cookie: cookie } })).status).toBe(400);
    expect((await http(server.port, '/assets/%', { headers: { Cookie: cookie } })).status).toBe(400);
  });

  it('accepts only application/json (with parameters), anything else gets 415', async () => {
    expect((await callApi('partners.list', {}, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect((await callApi('partners.list', {}, { 'Content-Type': 'application/jsonp' })).status).toBe(415);
    expect((await callApi('partners.list', {}, { 'Content-Type': 'application/json-evil' })).status).toBe(415);
    expect((await callApi('partners.list', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  /**
   * Sends a POST to /api/call/editorial.import on a raw socket: `head` extra headers, then body
   * bytes, 64 KiB at a time, for as long as the server takes them and has not answered (a
   * multi-gigabyte upload, as far as the server can tell). Resolves with what the server said,
   * once it has closed the connection, and how much of the body went out.
   */
  const endlessUpload = (head: string) =>
    new Promise<{ answer: string; sent: number; closed: boolean }>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      const data = Buffer.alloc(64 * 1024, 'a');
      const chunked = head.includes('chunked');
      const chunk = chunked ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]) : data;
      let answer = '';
      let sent = 0;
      let answered = false;
      const pump = () => {
        while (!answered && !socket.destroyed) {
          sent += data.length;
          if (!socket.write(chunk)) return;
        }
      };
      // Never answered nor closed: the server is still reading.
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ answer, sent, closed: false });
      }, 10_000);
      socket.on('connect', () => {
        socket.write(`POST /api/call/editorial.import HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\n${head}\r\n`);
        pump();
      });
      socket.on('drain', pump);
      socket.on('data', (data: Buffer) => {
        answered = true;
        answer += data.toString('utf8');
      });
      // A reset after the answer is the server cutting the upload short.
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve({ answer, sent, closed: true });
      });
    });
  /** The answer's JSON, whether it came with a length or in chunks. */
  const answerBody = (answer: string) => JSON.parse(answer.slice(answer.indexOf('{'), answer.lastIndexOf('}') + 1)) as unknown;

  it('answers a body over 8 MB with a JSON 413 in the contract’s error shape, its size and the limit, and stays up', async () => {
    const body = JSON.stringify({ partnerId: null, baseVersion: 1, json: 'a'.repeat(9 * 1024 * 1024) });
    const reply = await http(server.port, '/api/call/editorial.import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'Content-Length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(reply.status).toBe(413);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'too_large', messageKey: 'errors.tooLarge', message: expect.any(String) as string, details: { size: Buffer.byteLength(body), limit: 8 * 1024 * 1024 } },
    });
    expect((await callApi('partners.list', {})).status).toBe(200);
  });

  it('refuses a body declared over 8 MB at once, without reading it, and cuts the connection', async () => {
    const declared = 3 * 1024 * 1024 * 1024;
    const { answer, sent, closed } = await endlessUpload(`Content-Length: ${declared}\r\n`);
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answerBody(answer)).toEqual({
      ok: false,
      error: { code: 'too_large', messageKey: 'errors.tooLarge', message: expect.any(String) as string, details: { size: declared, limit: 8 * 1024 * 1024 } },
    });
    // What the socket buffers took before the answer came, nowhere near the gigabytes declared.
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect((await callApi('partners.list', {})).status).toBe(200);
  });

  it('stops reading a body sent without a length at the 8 MB limit, answers 413 with what had come, and cuts the connection', async () => {
    const { answer, sent, closed } = await endlessUpload('Transfer-Encoding: chunked\r\n');
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    const refusal = answerBody(answer) as { error: { code: string; details: { size: number; limit: number } } };
    expect(refusal.error.code).toBe('too_large');
    expect(refusal.error.details.limit).toBe(8 * 1024 * 1024);
    expect(refusal.error.details.size).toBeGreaterThan(8 * 1024 * 1024);
    expect(refusal.error.details.size).toBeLessThan(9 * 1024 * 1024);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    expect((await callApi('partners.list', {})).status).toBe(200);
  });

  /**
   * Sends `Expect: 100-continue` with `head` on a raw socket and only the headers; once the server
   * says « 100 Continue », sends `body` (when given). Resolves with everything the server said
   * when it closes the connection or goes quiet for a second after its final answer.
   */
  const expectContinue = (path: string, head: string, body: string | null) =>
    new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      let answer = '';
      let quiet: NodeJS.Timeout | undefined;
      const finish = () => {
        socket.destroy();
        resolve(answer);
      };
      const giveUp = setTimeout(finish, 10_000);
      socket.on('connect', () => {
        socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n${head}\r\n`);
      });
      socket.on('data', (data: Buffer) => {
        answer += data.toString('utf8');
        if (body !== null && answer.startsWith('HTTP/1.1 100 ') && answer.endsWith('\r\n\r\n') && !answer.includes('HTTP/1.1 2')) {
          socket.write(body);
          body = null;
        }
        clearTimeout(quiet);
        if (/HTTP\/1\.1 [2-5]\d\d /u.test(answer)) quiet = setTimeout(finish, 1_000);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(giveUp);
        clearTimeout(quiet);
        resolve(answer);
      });
    });

  it('answers a body declared over 8 MB with Expect: 100-continue by a 413, never by « 100 Continue »', async () => {
    const declared = 3 * 1024 * 1024 * 1024;
    const answer = await expectContinue('/api/call/editorial.import', `Content-Length: ${declared}\r\n`, null);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).not.toContain('100 Continue');
    expect(answerBody(answer)).toMatchObject({ ok: false, error: { code: 'too_large', details: { size: declared, limit: 8 * 1024 * 1024 } } });
    expect((await callApi('partners.list', {})).status).toBe(200);
  });

  it('asks for a body within the limit with « 100 Continue » once it reads it, then answers the call', async () => {
    const body = JSON.stringify({ includeArchived: false });
    const answer = await expectContinue('/api/call/partners.list', `Content-Length: ${Buffer.byteLength(body)}\r\n`, body);
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(answerBody(answer)).toMatchObject({ ok: true });
  });

  it('refuses a call without a session before asking for its body', async () => {
    const socketAnswer = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      let answer = '';
      socket.on('connect', () => socket.write(`POST /api/call/partners.list HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n`));
      socket.on('data', (data: Buffer) => {
        answer += data.toString('utf8');
        if (/\r\n\r\n/u.test(answer)) setTimeout(() => socket.destroy(), 300);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(answer));
    });
    expect(socketAnswer).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(socketAnswer).not.toContain('100 Continue');
  });

  it('refuses unknown keys in settings.update', async () => {
    const reply = await callApi('settings.update', { surprise: true });
    expect(reply.status).toBe(400);
  });

  it('answers unknown /api paths with a JSON 404, not the UI', async () => {
    for (const path of ['/api/nothing', '/api/call/', '/api/call/partners.list/extra', '/api']) {
      const reply = await http(server.port, path, { headers: { Cookie: cookie } });
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('<title>Plume</title>');
    }
  });
});

describe('browser-mode sessions across restarts', () => {
  const withCore = async (run: (dir: string, core: TestCore) => Promise<void>) => {
    const core = createTestCore();
    try {
      await run(core.dir, core);
    } finally {
      core.close();
    }
  };
  const login = async (target: BrowserServer) => {
    const exchange = await http(target.port, `/?token=${target.token}`);
    return String(exchange.headers['set-cookie']).split(';')[0] ?? '';
  };
  const partnersWith = (target: BrowserServer, session: string) =>
    http(target.port, '/api/call/partners.list', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: session }, body: '{}' });

  it('keeps the signing secret in the workspace, readable by the user only', async () => {
    await withCore(async (dir, core) => {
      const first = await startBrowserServer({ core: core.core, staticDir: staticDir.path, dataDir: dir });
      await first.close();
      const file = join(dir, 'browser-mode-secret');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });
  });

  it('lets an open tab go on after a restart: same port, and its session cookie still valid', async () => {
    await withCore(async (dir, core) => {
      const first = await startBrowserServer({ core: core.core, staticDir: staticDir.path, dataDir: dir });
      const session = await login(first);
      expect((await partnersWith(first, session)).status).toBe(200);
      await first.close();
      const second = await startBrowserServer({ core: core.core, staticDir: staticDir.path, dataDir: dir });
      try {
        expect(second.port).toBe(first.port);
        expect((await partnersWith(second, session)).status).toBe(200);
        // A link printed by the earlier launch does not open a session in this one; reloaded in
        // a tab that has a session, it is the page (no new session minted).
        const earlierLink = `/?token=${new URL(first.newLinkUrl()).searchParams.get('token') ?? ''}`;
        expect((await http(second.port, earlierLink)).status).toBe(410);
        const reloaded = await http(second.port, earlierLink, { headers: { Cookie: session } });
        expect(reloaded.status).toBe(200);
        expect(reloaded.headers['set-cookie']).toBeUndefined();
      } finally {
        await second.close();
      }
    });
  });

  it('a link still opens its session where the page is missing (a broken build): 404 with the cookie, the API answers', async () => {
    await withCore(async (dir, core) => {
      const target = await startBrowserServer({ core: core.core, staticDir: dir });
      try {
        const exchange = await http(target.port, `/?token=${target.token}`);
        expect(exchange.status).toBe(404);
        const session = String(exchange.headers['set-cookie']).split(';')[0] ?? '';
        expect(session).toMatch(/^plume_session=/);
        expect((await partnersWith(target, session)).status).toBe(200);
      } finally {
        await target.close();
      }
    });
  });

  it('caps the sessions one launch opens', async () => {
    await withCore(async (_dir, core) => {
      const target = await startBrowserServer({ core: core.core, staticDir: staticDir.path });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < MAX_LINKS_PER_LAUNCH + 1; i++) {
          statuses.push((await http(target.port, new URL(target.newLinkUrl()).search.replace(/^/, '/'))).status);
        }
        expect(statuses.filter((status) => status === 200)).toHaveLength(MAX_LINKS_PER_LAUNCH);
        expect(statuses.at(-1)).toBe(429);
      } finally {
        await target.close();
      }
    });
  });

  it('refuses an expired or forged session cookie', async () => {
    await withCore(async (dir, core) => {
      let now = Date.parse('2026-01-01T00:00:00Z');
      const target = await startBrowserServer({ core: core.core, staticDir: staticDir.path, dataDir: dir, now: () => now });
      try {
        const session = await login(target);
        const forged = session.replace(/\.[^.]+$/, '.AAAA');
        expect((await partnersWith(target, forged)).status).toBe(401);
        now += 31 * 24 * 60 * 60 * 1000;
        expect((await partnersWith(target, session)).status).toBe(401);
      } finally {
        await target.close();
      }
    });
  });

  it('takes another free port when the remembered one is taken', async () => {
    await withCore(async (dir, core) => {
      const first = await startBrowserServer({ core: core.core, staticDir: staticDir.path, dataDir: dir });
      const squatter = createServer();
      await first.close();
      await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve));
      try {
        const second = await startBrowserServer({ core: core.core, staticDir: staticDir.path, dataDir: dir });
        expect(second.port).not.toBe(first.port);
        await second.close();
      } finally {
        squatter.close();
      }
    });
  });
  it('serves the page while core is still starting, and answers API calls once it has started', async () => {
    await withCore(async (dir, core) => {
      let startCore: (started: TestCore['core']) => void = () => undefined;
      const starting = new Promise<TestCore['core']>((resolve) => (startCore = resolve));
      const sent: string[] = [];
      const target = await startBrowserServer({ core: starting, staticDir: staticDir.path, dataDir: dir, onStaticSent: (path) => sent.push(path) });
      try {
        const session = await login(target);
        const page = await http(target.port, '/assets/app.js', { headers: { Cookie: session } });
        expect(page.status).toBe(200);
        // The link's answer is the page itself, then the page's files.
        expect(sent).toEqual(['/', '/assets/app.js']);
        let answered = false;
        const call = partnersWith(target, session).then((reply) => {
          answered = true;
          return reply;
        });
        // The call waits for core (the page was served meanwhile), then gets its answer.
        await http(target.port, '/index.html', { headers: { Cookie: session } });
        expect(answered).toBe(false);
        startCore(core.core);
        const reply = await call;
        expect(reply.status).toBe(200);
        expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
      } finally {
        await target.close();
      }
    });
  });
});
