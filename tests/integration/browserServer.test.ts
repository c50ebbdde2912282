import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../electron/server/server';
import type { BrowserServer } from '../../electron/server/server';
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
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
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
  it('listens on 127.0.0.1 only, with a URL carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const exchange = await http(server.port, `/posts?token=${server.token}`);
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/posts');
    expect(String(exchange.headers['set-cookie'])).toMatch(/^plume_session=[A-Za-z0-9_-]+; HttpOnly; SameSite=Strict; Path=\/$/);
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
