import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvatarCache } from '../../../electron/core/credentials/accounts/avatars';
import { closedPort, startLoopbackServer } from '../../support/loopbackServer';
import type { LoopbackServer } from '../../support/loopbackServer';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let cdn: LoopbackServer;
let flaky = true;

beforeAll(async () => {
  cdn = await startLoopbackServer((request, res) => {
    const send = (status: number, type: string, body: Buffer) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    switch (request.path) {
      case '/claire.png':
        return send(200, 'image/png', PNG);
      // A server that calls anything image/png: the bytes decide, not the header.
      case '/lying.png':
        return send(200, 'image/png', SVG);
      case '/huge.jpg':
        return send(200, 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(300 * 1024)]));
      case '/moved':
        res.writeHead(302, { Location: '/claire.png' });
        return res.end();
      case '/flaky.png':
        if (flaky) return send(503, 'text/plain', Buffer.from('busy'));
        return send(200, 'image/png', PNG);
      default:
        return send(404, 'text/plain', Buffer.from('not found'));
    }
  });
});
afterAll(() => cdn.close());

describe('avatars fetched by core for the UI (its CSP loads no remote image)', () => {
  it('hands a PNG over as a data URL, following a redirect, and fetches it once', async () => {
    const avatars = new AvatarCache();
    const expected = `data:image/png;base64,${PNG.toString('base64')}`;
    expect(await avatars.dataUrl(`${cdn.url}/claire.png`)).toBe(expected);
    expect(await avatars.dataUrl(`${cdn.url}/claire.png`)).toBe(expected);
    expect(cdn.requests.filter((r) => r.path === '/claire.png')).toHaveLength(1);
    expect(await avatars.dataUrl(`${cdn.url}/moved`)).toBe(expected);
  });

  it('gives nothing for a non-image (SVG with a script, whatever its header), an oversized file, a 404 or no URL', async () => {
    const avatars = new AvatarCache();
    expect(await avatars.dataUrl(`${cdn.url}/lying.png`)).toBeNull();
    expect(await avatars.dataUrl(`${cdn.url}/huge.jpg`)).toBeNull();
    expect(await avatars.dataUrl(`${cdn.url}/missing.png`)).toBeNull();
    expect(await avatars.dataUrl(null)).toBeNull();
  });

  it('refuses plain http off this machine and URLs with credentials, without a request', async () => {
    const avatars = new AvatarCache();
    const before = cdn.requests.length;
    expect(await avatars.dataUrl('http://media.example.org/claire.png')).toBeNull();
    expect(await avatars.dataUrl(`http://user:pass@127.0.0.1:${cdn.port}/claire.png`)).toBeNull();
    expect(await avatars.dataUrl('javascript:alert(1)')).toBeNull();
    expect(cdn.requests.length).toBe(before);
  });

  it('an unreachable or failing host gives initials for now, and the next look tries again', async () => {
    const avatars = new AvatarCache();
    expect(await avatars.dataUrl(`http://127.0.0.1:${await closedPort()}/claire.png`)).toBeNull();
    expect(await avatars.dataUrl(`${cdn.url}/flaky.png`)).toBeNull();
    flaky = false;
    expect(await avatars.dataUrl(`${cdn.url}/flaky.png`)).toMatch(/^data:image\/png;base64,/);
  });
});
