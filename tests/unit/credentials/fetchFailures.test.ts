import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CredentialFailure } from '../../../electron/core/credentials/failure';
import { requestJson } from '../../../electron/core/credentials/http';

/** undici's shape: `TypeError: fetch failed` whose cause is what actually went wrong. */
const fetchFailed = (cause: Error) => new TypeError('fetch failed', { cause });
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

async function codeOf(thrown: Error): Promise<string> {
  vi.stubGlobal('fetch', () => Promise.reject(thrown));
  try {
    await requestJson({ url: 'http://127.0.0.1:8080/api/v1/apps' }, z.object({}));
    return 'no failure';
  } catch (error) {
    return error instanceof CredentialFailure ? error.code : 'not a credential failure';
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a network call that gets no usable HTTP answer says why', () => {
  it('a port fetch refuses to use is a refused port', async () => {
    expect(await codeOf(fetchFailed(new Error('bad port')))).toBe('port_refused');
  });

  it('a connection that fails for any other reason is the network being unreachable, not an unexpected answer', async () => {
    expect(await codeOf(fetchFailed(withCode('connect ECONNABORTED', 'ECONNABORTED')))).toBe('network_unreachable');
    expect(await codeOf(fetchFailed(withCode('other side closed', 'UND_ERR_CLOSED')))).toBe('network_unreachable');
    expect(await codeOf(fetchFailed(new Error('connection lost')))).toBe('network_unreachable');
  });

  it('an answer that is no HTTP, or a certificate refused, stays an unexpected answer', async () => {
    expect(await codeOf(fetchFailed(withCode('Expected HTTP/', 'HPE_INVALID_CONSTANT')))).toBe('unexpected_response');
    expect(await codeOf(fetchFailed(withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT')))).toBe('unexpected_response');
    expect(await codeOf(fetchFailed(withCode('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')))).toBe('unexpected_response');
  });
});
