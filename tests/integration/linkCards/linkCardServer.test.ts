import { createServer } from 'node:http';
import type { IncomingHttpHeaders, RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/app';
import { isPrivateAddress, publicAddressesOnly } from '../../../electron/core/linkCards/addressPolicy';
import { fetchPage } from '../../../electron/core/linkCards/fetchPage';
import { createLogger } from '../../../electron/core/log';
import { linkCardRefusals } from '../../../shared/previews/schema';
import type { LinkCardState } from '../../../shared/previews/schema';
import { uiMessages } from '../../../renderer/src/i18n/resources';
import { ManualClock } from '../../support/testCore';
import { tempDir } from '../../support/tempDir';

/**
 * Link cards fetched by core from a page server on loopback, serving good and bad input.
 * The server listens on 127.0.0.3: only the good path lets that one address through (the
 * policy is injected); every redirect goes to an address the real policy judges.
 */
const HOST = '127.0.0.3';

interface PageServer {
  base: string;
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}

async function pageServer(handler: RequestListener): Promise<PageServer> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://${HOST}:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The real policy, plus the test server's own address (the page the link points at). */
const realPolicyButTheServer = (address: string): boolean => address === HOST || publicAddressesOnly(address);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function coreWith(limits: { timeoutMs?: number; maxBytes?: number } = {}): Core {
  const dir = tempDir();
  const core = createCore({ dataDir: dir.path, clock: new ManualClock(), logger: createLogger({}), linkCards: { policy: realPolicyButTheServer, limits } });
  cleanups.push(() => {
    core.close();
    dir.remove();
  });
  return core;
}

async function linkCard(core: Core, url: string): Promise<LinkCardState> {
  const result = await core.router.call('previews.linkCard', { url });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as LinkCardState;
}

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('link cards from a page server on loopback', () => {
  it('reads a page’s Open Graph card in its charset, sends no cookie, and keeps it for offline use', async () => {
    const server = await pageServer((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { Location: '/article', 'Set-Cookie': 'session=abc; Path=/' });
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': 'tracker=1' });
      res.end(
        latin1(
          '<!doctype html><html><head><meta charset="windows-1252"><title>Ignoré</title>' +
            '<meta property="og:title" content="Réforme du droit du travail &amp; vous">' +
            '<meta property="og:description" content="Ce qui change en 2027">' +
            '<meta property="og:site_name" content="Cabinet Dupont"><meta property="og:image" content="/img/carte.png">' +
            '</head><body><p>Texte</p></body></html>',
        ),
      );
    });
    cleanups.push(() => server.close());
    const core = coreWith();
    const url = `${server.base}/start`;

    const state = await linkCard(core, url);
    expect(state).toMatchObject({
      status: 'ready',
      card: { url, finalUrl: `${server.base}/article`, title: 'Réforme du droit du travail & vous', description: 'Ce qui change en 2027', siteName: 'Cabinet Dupont', imageUrl: `${server.base}/img/carte.png` },
    });
    expect(server.seen).toHaveLength(2);
    expect(server.seen.map((headers) => headers.cookie)).toEqual([undefined, undefined]);

    // Offline: the server is gone, the cached card still answers, a new fetch keeps it.
    await server.close();
    expect(await linkCard(core, url)).toMatchObject({ status: 'ready', card: { title: 'Réforme du droit du travail & vous' } });
  });

  it('refuses a huge page, announced or streamed', async () => {
    const huge = '<html><head><title>x</title></head><body>' + 'a'.repeat(2_000_000) + '</body></html>';
    const server = await pageServer((req, res) => {
      if (req.url === '/announced') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(huge)) });
      else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(huge);
    });
    cleanups.push(() => server.close());
    const core = coreWith();
    expect(await linkCard(core, `${server.base}/announced`)).toMatchObject({ status: 'refused', reason: 'tooLarge' });
    expect(await linkCard(core, `${server.base}/streamed`)).toMatchObject({ status: 'refused', reason: 'tooLarge' });
  });

  it('refuses a page whose bytes are not in the charset it names, or names no known charset', async () => {
    const server = await pageServer((req, res) => {
      const charset = req.url === '/unknown' ? 'x-plume-unknown' : 'utf-8';
      res.writeHead(200, { 'Content-Type': `text/html; charset=${charset}` });
      res.end(latin1('<html><head><title>Décision</title></head></html>'));
    });
    cleanups.push(() => server.close());
    const core = coreWith();
    expect(await linkCard(core, `${server.base}/wrong`)).toMatchObject({ status: 'refused', reason: 'badCharset' });
    expect(await linkCard(core, `${server.base}/unknown`)).toMatchObject({ status: 'refused', reason: 'badCharset' });
  });

  it.each([
    ['127.0.0.1', 'http://127.0.0.1/'],
    ['10.0.0.1', 'http://10.0.0.1/admin'],
    ['169.254.169.254 (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
    ['[::1]', 'http://[::1]/'],
    ['localhost (by name)', 'http://localhost/'],
  ])('refuses a redirect to %s before connecting there', async (_name, target) => {
    const server = await pageServer((_req, res) => {
      res.writeHead(302, { Location: target });
      res.end();
    });
    cleanups.push(() => server.close());
    const core = coreWith();
    expect(await linkCard(core, `${server.base}/go`)).toMatchObject({ status: 'refused', reason: 'privateAddress' });
    expect(server.seen).toHaveLength(1);
  });

  it('refuses a page that answers too slowly', async () => {
    const server = await pageServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><head>');
      // …and never finishes.
    });
    cleanups.push(() => server.close());
    const core = coreWith({ timeoutMs: 300 });
    expect(await linkCard(core, `${server.base}/slow`)).toMatchObject({ status: 'refused', reason: 'timeout' });
  });

  it('refuses an endless chain of redirects, and a page that is not HTML', async () => {
    const server = await pageServer((req, res) => {
      if (req.url === '/json') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{}');
        return;
      }
      const n = Number(req.url?.slice(1) ?? 0);
      res.writeHead(301, { Location: `/${n + 1}` });
      res.end();
    });
    cleanups.push(() => server.close());
    const core = coreWith();
    expect(await linkCard(core, `${server.base}/0`)).toMatchObject({ status: 'refused', reason: 'tooManyRedirects' });
    expect(await linkCard(core, `${server.base}/json`)).toMatchObject({ status: 'refused', reason: 'notHtml' });
    expect(await linkCard(core, 'file:///etc/passwd')).toMatchObject({ status: 'refused', reason: 'invalidUrl' });
  });

  it('has words in French and English for every reason it refuses', () => {
    for (const language of ['fr', 'en'] as const) {
      const messages = uiMessages(language) as { previews?: { linkCard?: { refused?: Record<string, unknown> } } };
      for (const reason of linkCardRefusals) expect(typeof messages.previews?.linkCard?.refused?.[reason], `${language} ${reason}`).toBe('string');
    }
  });
});

describe('the address guard, with the real policy', () => {
  it.each([
    '127.0.0.1', '127.9.9.9', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('lets %s through', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('refuses the loopback page server itself, by address and by name, without a request reaching it', async () => {
    const server = await pageServer((_req, res) => res.end('<html></html>'));
    cleanups.push(() => server.close());
    const port = new URL(server.base).port;
    expect(await fetchPage(server.base, publicAddressesOnly)).toMatchObject({ ok: false, reason: 'privateAddress' });
    expect(await fetchPage(`http://localhost:${port}/`, publicAddressesOnly)).toMatchObject({ ok: false, reason: 'privateAddress' });
    expect(server.seen).toHaveLength(0);
  });
});
