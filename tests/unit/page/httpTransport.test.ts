import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../../renderer/src/api/client';
import { connection } from '../../../renderer/src/api/connection';
import { createHttpTransport } from '../../../renderer/src/api/httpTransport';
import { createIpcTransport } from '../../../renderer/src/api/ipcTransport';
import { MAX_REQUEST_BYTES, requestTooLarge } from '../../../shared/api/requestSize';
import type { PlumeBridge } from '../../../shared/api/transport';

interface Sent {
  url: string;
  body: string;
  keepalive: boolean;
}

/** The page's fetch, answered by the test: each request waits until the test gives it a Response. */
function fakeFetch() {
  const sent: Sent[] = [];
  const answers: ((response: Response) => void)[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => {
    const body = init.body instanceof Uint8Array ? new TextDecoder().decode(init.body) : typeof init.body === 'string' ? init.body : '';
    sent.push({ url, body, keepalive: init.keepalive === true });
    return new Promise<Response>((resolve, reject) => {
      answers.push(resolve);
      // As a browser does: an aborted request rejects with an AbortError.
      init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
    });
  });
  return { fetch, sent, answer: (index: number, response: Response) => answers[index]?.(response) };
}

/** An NDJSON answer whose lines the test writes one at a time. */
function streamedAnswer() {
  let writer: ReadableStreamDefaultController<Uint8Array> | null = null;
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (writer = controller) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } }),
    line: (value: unknown) => writer?.enqueue(encoder.encode(`${JSON.stringify(value)}\n`)),
    end: () => writer?.close(),
  };
}

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Plume-Events': 'boot-1.3' } });
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

let page: ReturnType<typeof fakeFetch>;
beforeEach(() => {
  page = fakeFetch();
  vi.stubGlobal('fetch', page.fetch);
  connection.set(true);
  connection.setSignedOut(false);
});
afterEach(() => vi.unstubAllGlobals());

describe('browser mode: reads asked for together travel as one request', () => {
  it('sends the reads of one task as one batch, and answers each as its line arrives, in any order', async () => {
    const transport = createHttpTransport();
    const answered: string[] = [];
    const post = transport.call('posts.get', { id: 'p1' }).then((result) => (answered.push('post'), result));
    const list = transport.call('posts.list', { limit: 500 }).then((result) => (answered.push('list'), result));
    await settle();
    expect(page.sent.map((request) => request.url)).toEqual(['/api/batch']);
    expect(JSON.parse(page.sent[0]?.body ?? '')).toEqual({ calls: [{ name: 'posts.get', input: { id: 'p1' } }, { name: 'posts.list', input: { limit: 500 } }] });
    const stream = streamedAnswer();
    page.answer(0, stream.response);
    stream.line({ i: 0, mark: 'boot-1.3', result: { ok: true, value: { id: 'p1' } } });
    await settle();
    // The post is answered while the list is still on its way.
    expect(answered).toEqual(['post']);
    stream.line({ i: 1, mark: 'boot-1.3', result: { ok: true, value: [] } });
    stream.end();
    await expect(post).resolves.toEqual({ ok: true, value: { id: 'p1' } });
    await expect(list).resolves.toEqual({ ok: true, value: [] });
    expect(answered).toEqual(['post', 'list']);
  });

  it('sends a read asked for alone on its own address, and a write at once and alone, even beside reads', async () => {
    const transport = createHttpTransport();
    void transport.call('settings.get', {});
    await settle();
    void transport.call('posts.save', { id: 'p1', baseVersion: 1 });
    void transport.call('signoff.status', { postId: 'p1' });
    void transport.call('publishing.status', { postId: 'p1' });
    await settle();
    expect(page.sent.map((request) => request.url)).toEqual(['/api/call/settings.get', '/api/call/posts.save', '/api/batch']);
    expect((JSON.parse(page.sent[2]?.body ?? '') as { calls: unknown[] }).calls).toHaveLength(2);
  });

  it('splits the reads of one task into batches core takes (at most 64 calls each)', async () => {
    const transport = createHttpTransport();
    for (let i = 0; i < 70; i++) void transport.call('posts.get', { id: `p${String(i)}` });
    await settle();
    expect(page.sent.map((request) => request.url)).toEqual(['/api/batch', '/api/batch']);
    expect(page.sent.map((request) => (JSON.parse(request.body) as { calls: unknown[] }).calls.length)).toEqual([64, 6]);
  });

  it('sends every call alone when the page is told to (plume.batch = off), as the network panel then shows them', async () => {
    const stored = new Map([['plume.batch', 'off']]);
    vi.stubGlobal('localStorage', { getItem: (key: string) => stored.get(key) ?? null });
    const transport = createHttpTransport();
    void transport.call('posts.get', { id: 'p1' });
    void transport.call('posts.list', { limit: 500 });
    await settle();
    expect(page.sent.map((request) => request.url)).toEqual(['/api/call/posts.get', '/api/call/posts.list']);
  });

  it('answers every call of a batch refused as a whole with that refusal, and shows the tab signed out', async () => {
    const transport = createHttpTransport();
    const calls = [transport.call('settings.get', {}), transport.call('partners.list', {})];
    await settle();
    page.answer(0, json({ ok: false, error: { code: 'unauthorized', messageKey: 'errors.unauthorized', message: 'Missing or invalid session' } }, 401));
    for (const call of calls) await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(connection.signedOut()).toBe(true);
  });

  it('fails the calls an answer left out when it ends early, as core no longer answering; the ones answered keep their answer', async () => {
    const transport = createHttpTransport();
    const first = transport.call('settings.get', {});
    const second = transport.call('partners.list', {});
    await settle();
    const stream = streamedAnswer();
    page.answer(0, stream.response);
    stream.line({ i: 0, mark: 'boot-1.3', result: { ok: true, value: {} } });
    stream.line({ i: 7, mark: 'boot-1.3', result: { ok: true, value: 'not asked for' } });
    stream.end();
    await expect(first).resolves.toEqual({ ok: true, value: {} });
    await expect(second).rejects.toBeInstanceOf(TransportError);
  });

  it('fails every call of a batch as unreachable when core cannot be reached, and shows the tab offline', async () => {
    const transport = createHttpTransport();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const calls = [transport.call('settings.get', {}), transport.call('partners.list', {})];
    for (const call of calls) await expect(call).rejects.toThrow('core unreachable');
    expect(connection.get()).toBe(false);
  });
});

describe('browser mode: a read its view no longer needs (a week paged past) is dropped', () => {
  it('leaves a batch before it is sent: the other read goes alone, the dropped one fails as aborted, the tab stays online', async () => {
    const transport = createHttpTransport();
    const left = new AbortController();
    const dropped = transport.call('calendar.range', { from: 0, to: 1 }, left.signal);
    const kept = transport.call('calendar.warnings', { from: '2026-03-02', to: '2026-03-08' });
    left.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(page.sent.map((request) => request.url)).toEqual(['/api/call/calendar.warnings']);
    page.answer(0, json({ ok: true, value: [] }));
    await expect(kept).resolves.toEqual({ ok: true, value: [] });
    expect(connection.get()).toBe(true);
  });

  it('aborts a read alone in flight without marking core unreachable', async () => {
    const transport = createHttpTransport();
    const left = new AbortController();
    const read = transport.call('calendar.range', { from: 0, to: 1 }, left.signal);
    await settle();
    expect(page.sent.map((request) => request.url)).toEqual(['/api/call/calendar.range']);
    left.abort();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(connection.get()).toBe(true);
  });

  it('fails a batched read aborted after the batch left at once, and still answers the others of its batch', async () => {
    const transport = createHttpTransport();
    const left = new AbortController();
    const dropped = transport.call('calendar.range', { from: 0, to: 1 }, left.signal);
    const kept = transport.call('calendar.warnings', { from: '2026-03-02', to: '2026-03-08' });
    await settle();
    expect(page.sent.map((request) => request.url)).toEqual(['/api/batch']);
    left.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    const stream = streamedAnswer();
    page.answer(0, stream.response);
    stream.line({ i: 0, mark: 'boot-1.3', result: { ok: true, value: [] } });
    stream.line({ i: 1, mark: 'boot-1.3', result: { ok: true, value: [] } });
    stream.end();
    await expect(kept).resolves.toEqual({ ok: true, value: [] });
    expect(connection.get()).toBe(true);
  });
});

describe('browser mode: a save is never refused by the browser for its size', () => {
  it('asks for keepalive (the last save as the page closes) only while the keepalive bodies in flight stay within 64 KiB', async () => {
    const transport = createHttpTransport();
    const text = (length: number) => 'é'.repeat(length / 2);
    void transport.call('posts.save', { id: 'small', baseVersion: 1, note: text(30_000) });
    void transport.call('posts.save', { id: 'second', baseVersion: 1, note: text(30_000) });
    void transport.call('posts.save', { id: 'big', baseVersion: 1, note: text(70_000) });
    await settle();
    // Chromium refuses a keepalive request beyond 64 KiB in flight (the call failed as if core were down).
    expect(page.sent.map((request) => [(JSON.parse(request.body) as { id: string }).id, request.keepalive])).toEqual([
      ['small', true],
      ['second', true],
      ['big', false],
    ]);
    page.answer(0, json({ ok: true, value: {} }));
    await settle();
    void transport.call('posts.save', { id: 'after', baseVersion: 2, note: text(30_000) });
    await settle();
    // The first answer read, its bytes no longer count.
    expect(page.sent[3]?.keepalive).toBe(true);
  });
});

describe('browser mode: a call too large for core says so, and never reads as « Plume ne répond pas »', () => {
  it('refuses a call over the request limit without sending it, with its size and the limit', async () => {
    const transport = createHttpTransport();
    const result = await transport.call('editorial.import', { partnerId: null, baseVersion: 1, json: 'a'.repeat(MAX_REQUEST_BYTES) });
    expect(page.sent).toEqual([]);
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large', messageKey: 'errors.tooLarge', details: { limit: MAX_REQUEST_BYTES } } });
    expect(connection.get()).toBe(true);
  });

  it('answers core’s JSON 413 as that refusal, the tab still online', async () => {
    const transport = createHttpTransport();
    const call = transport.call('posts.save', { id: 'p1' });
    await settle();
    page.answer(0, json({ ok: false, error: requestTooLarge(9_000_000) }, 413));
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'too_large', details: { size: 9_000_000 } } });
    expect(connection.get()).toBe(true);
  });
});

describe('desktop: the IPC transport refuses what browser mode refuses', () => {
  it('refuses a call over the request limit without passing it to main, and passes a smaller one', async () => {
    const calls: string[] = [];
    const bridge: PlumeBridge = {
      call: (name) => (calls.push(name), Promise.resolve({ ok: true, value: null })),
      onEvent: () => () => undefined,
      onFlushRequest: () => undefined,
    };
    const transport = createIpcTransport(bridge);
    await expect(transport.call('editorial.import', { json: 'é'.repeat(MAX_REQUEST_BYTES / 2) })).resolves.toMatchObject({ ok: false, error: { code: 'too_large' } });
    await expect(transport.call('editorial.import', { json: 'é'.repeat(1000) })).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual(['editorial.import']);
  });
});
