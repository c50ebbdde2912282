import { describe, expect, it } from 'vitest';
import { isRendererUrl } from '../../../electron/main/senderCheck';

describe('IPC sender check', () => {
  const file = 'file:///opt/Plume/resources/app.asar/out/renderer/index.html';
  const dev = 'http://localhost:5173';

  it('accepts our packaged page, with any hash route or query', () => {
    expect(isRendererUrl(file, file)).toBe(true);
    expect(isRendererUrl(`${file}#/posts/12`, file)).toBe(true);
    expect(isRendererUrl(`${file}?x=1`, file)).toBe(true);
  });

  it('refuses another file that merely contains /renderer/index.html', () => {
    expect(isRendererUrl('file:///tmp/evil/renderer/index.html', file)).toBe(false);
    expect(isRendererUrl('file:///tmp/x.html?/renderer/index.html', file)).toBe(false);
    expect(isRendererUrl(`${file}.evil.html`, file)).toBe(false);
    expect(isRendererUrl('file://evil-host/opt/Plume/resources/app.asar/out/renderer/index.html', file)).toBe(false);
  });

  it('accepts the dev server page and refuses a port or host that only starts the same', () => {
    expect(isRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:5173/#/calendar', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isRendererUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isRendererUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isRendererUrl('http://user@localhost:5173/', dev)).toBe(false);
    expect(isRendererUrl('http://localhost:5173/other.html', dev)).toBe(false);
  });

  it('refuses a frame without a URL or with an unparsable one', () => {
    expect(isRendererUrl(undefined, file)).toBe(false);
    expect(isRendererUrl('', file)).toBe(false);
    expect(isRendererUrl('not a url', dev)).toBe(false);
  });
});
