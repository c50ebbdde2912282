import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startBrowserServer } from '../../../electron/server/server';
import type { BrowserServer } from '../../../electron/server/server';
import { contract, procedureNames } from '../../../shared/api/contract';
import type { CallResult } from '../../../shared/api/transport';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';

/**
 * Property-based fuzzing of every procedure of the contract, through the router and through
 * HTTP: random and mutated inputs never get a 500 (an `internal` error), and an input refused as
 * invalid never writes anything (the database's data_version, seen from a second connection,
 * does not move).
 */
let t: TestCore;
let reader: Database.Database;
let server: BrowserServer;
let staticDir: { path: string; remove: () => void };
let cookie = '';
const knownIds: string[] = [];

beforeAll(async () => {
  t = createTestCore();
  const partner = await t.call('partners.create', { displayName: 'Me Fuzz', timeZone: 'Europe/Paris' });
  const draft = await t.call('posts.create', { partnerId: partner.id, title: 'Fuzz' });
  knownIds.push(partner.id, draft.id);
  reader = new Database(t.core.databasePath, { readonly: true });
  staticDir = tempDir('plume-fuzz-static-');
  mkdirSync(staticDir.path, { recursive: true });
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>Plume</title>');
  server = await startBrowserServer({ core: t.core, staticDir: staticDir.path });
  const exchange = await httpCall(`/?token=${server.token}`, 'GET', '', {});
  cookie = String(exchange.headers['set-cookie']).split(';')[0] ?? '';
});

afterAll(async () => {
  await server.close();
  reader.close();
  t.close();
  staticDir.remove();
});

const dataVersion = () => reader.pragma('data_version', { simple: true }) as number;

function httpCall(path: string, method: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, agent: false, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The keys a procedure's input object takes, so mutated inputs have the right names with wrong values. */
function inputKeys(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let i = 0; i < 5; i++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap();
    else if (current instanceof z.ZodPipe) current = current.in;
    else break;
  }
  return [];
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('', '\u0000', 'a\u0000b', '%E0%A4%A', '"', "'; DROP TABLE posts; --", '\uD800', '💥'.repeat(500), 'x'.repeat(20_000), '__proto__', 'constructor'),
  fc.uuid(),
  fc.constantFrom(...[0, 1].map((i) => () => knownIds[i] ?? '')).map((id) => id()),
);
const leaf = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER, 1e308, -0),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.anything({ maxDepth: 3 }));

const inputFor = (keys: string[]) =>
  fc.oneof(
    fc.anything({ maxDepth: 4 }),
    keys.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] }),
    keys.length === 0 ? fc.dictionary(fc.string(), value, { maxKeys: 3 }) : fc.record(Object.fromEntries(keys.map((key) => [key, value]))),
  );

/** JSON.stringify's type hides that it gives undefined for undefined. */
const asJson = (input: unknown): string => {
  return input === undefined ? 'undefined' : JSON.stringify(input);
};

const noInternalError = (name: string, input: unknown, result: CallResult) => {
  if (!result.ok) expect(result.error.code, `${name} ${asJson(input).slice(0, 300)}: ${result.error.message}`).not.toBe('internal');
};

describe('contract fuzzing', () => {
  it('through the router: no internal error, and no write from invalid input', { timeout: 60_000 }, async () => {
    for (const name of procedureNames) {
      const keys = inputKeys(contract[name].input);
      await fc.assert(
        fc.asyncProperty(inputFor(keys), async (input) => {
          const before = dataVersion();
          const result = await t.core.router.call(name, input);
          noInternalError(name, input, result);
          if (!result.ok && result.error.code === 'validation') expect(dataVersion(), `${name} wrote from invalid input`).toBe(before);
        }),
        { numRuns: 40, seed: 14 + name.length },
      );
    }
  });

  it('deeply nested post content is refused as invalid, never overflows the stack', { timeout: 30_000 }, async () => {
    const nested = (depth: number): unknown => {
      let node: unknown = { type: 'text', text: 'x' };
      for (let i = 0; i < depth; i++) node = { type: 'paragraph', content: [node] };
      return { type: 'doc', content: [node] };
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('posts.create', 'posts.save', 'signoff.request'), fc.integer({ min: 1, max: 6_000 }), async (name, depth) => {
        const before = dataVersion();
        const input = { partnerId: knownIds[0], id: knownIds[1], postId: knownIds[1], baseVersion: 1, content: nested(depth) };
        const result = await t.core.router.call(name, input);
        noInternalError(name, `depth ${depth}`, result);
        if (!result.ok && result.error.code === 'validation') expect(dataVersion()).toBe(before);
      }),
      { numRuns: 30, seed: 5000 },
    );
  });

  it('through HTTP: random bodies and content types get a 4xx or a 2xx, never a 500', { timeout: 60_000 }, async () => {
    const names = [...procedureNames, 'nope', 'partners', 'partners.list.x'];
    const body = fc.oneof(
      fc.constant('').chain(() => deep),
      fc.anything({ maxDepth: 3 }).map(asJson),
      fc.string(),
      fc.constantFrom('{', '[]', 'null', '"', '{"__proto__":{"x":1}}', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'),
    );
    // Deep nesting as text (JSON.stringify itself would overflow the stack on it).
    const deep = fc.integer({ min: 100, max: 5_000 }).map((depth) => `{"partnerId":"${knownIds[0] ?? ''}","content":{"type":"doc","content":[${'{"type":"paragraph","content":['.repeat(depth)}${']}'.repeat(depth)}]}}`);
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/jsonp', 'text/plain', '');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), body, contentType, async (name, text, type) => {
        const before = dataVersion();
        const reply = await httpCall(`/api/call/${name}`, 'POST', text, { Cookie: cookie, ...(type === '' ? {} : { 'Content-Type': type }) });
        expect(reply.status, `${name} ${type} ${text.slice(0, 200)}: ${reply.body.slice(0, 300)}`).not.toBe(500);
        if (reply.status === 400 || reply.status === 415 || reply.status === 404) expect(dataVersion(), `${name} wrote from invalid input`).toBe(before);
      }),
      { numRuns: 600, seed: 1414 },
    );
  });

  it('through HTTP: random paths never get a 500', { timeout: 30_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('api', 'call', '%', '%2e', '..', '%00', 'assets', 'x.js', '%E0%A4', '?', '#', '&token=', 'index.html'), { maxLength: 6 }), async (parts) => {
        const reply = await httpCall(`/${parts.join('/')}`, 'GET', '', { Cookie: cookie });
        expect(reply.status, parts.join('/')).not.toBe(500);
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
