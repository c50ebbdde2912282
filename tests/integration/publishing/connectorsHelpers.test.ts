import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectorEnvironment } from '../../../electron/core/publishing/connectors/environment';
import { createXConnector } from '../../../electron/core/publishing/connectors/x/connector';
import { blueskyRecordKey, tidMicros, tidPattern } from '../../../shared/publishing/blueskyRecordKey';
import { escapeLittleText, littleReservedCharacters, toLittleText } from '../../../shared/publishing/linkedinText';
import { epochSecondsResetMs, isoResetMs, retryAfterMs } from '../../../shared/publishing/retryDelay';
import { renderLittle } from '../../support/fakes/littleText';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);

describe('waits the networks ask for', () => {
  it('reads Retry-After as seconds or as any HTTP-date form, never negative', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs(' 0 ', NOW)).toBe(0);
    expect(retryAfterMs('Tue, 24 Nov 2026 09:01:30 GMT', NOW)).toBe(90_000);
    expect(retryAfterMs('Tuesday, 24-Nov-26 09:01:30 GMT', NOW)).toBe(90_000);
    expect(retryAfterMs('Tue, 24 Nov 2026 08:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs('-5', NOW)).toBeUndefined();
    expect(retryAfterMs(null, NOW)).toBeUndefined();
  });

  it('reads epoch-seconds and ISO reset headers', () => {
    expect(epochSecondsResetMs(String(NOW / 1000 + 60), NOW)).toBe(60_000);
    expect(isoResetMs('2026-11-24T09:05:00.000Z', NOW)).toBe(300_000);
    expect(isoResetMs('nonsense', NOW)).toBeUndefined();
  });
});

describe('LinkedIn little text', () => {
  it('escapes each reserved character, alone and in a row', () => {
    for (const char of littleReservedCharacters) {
      expect(escapeLittleText(`a ${char} b`, { hashtags: false })).toBe(`a \\${char} b`);
    }
    const all = littleReservedCharacters.join('');
    expect(renderLittle(escapeLittleText(all))).toMatchObject({ text: all, cutAt: undefined });
  });

  it('refuses overlapping mentions', () => {
    expect(() => toLittleText('abc def', [{ start: 0, end: 5, urn: 'urn:li:person:a' }, { start: 4, end: 7, urn: 'urn:li:person:b' }])).toThrow(RangeError);
  });
});

describe('Bluesky record keys', () => {
  it('are valid TIDs carrying the job time, for any key', () => {
    for (const key of ['job-1', 'job-2', 'é'.repeat(40), '0'.repeat(200)]) {
      const tid = blueskyRecordKey(key, NOW);
      expect(tid).toMatch(tidPattern);
      expect(Number(tidMicros(tid) / 1_000_000n)).toBe(NOW / 1000);
    }
    const keys = new Set(Array.from({ length: 2000 }, (_, i) => blueskyRecordKey(`job-${i}`, NOW)));
    expect(keys.size).toBe(2000);
  });
});

describe('no answer from the network', () => {
  const job = {
    network: 'x' as const,
    account: { id: 'a', handle: '@h' },
    credentials: { kind: 'oauth' as const, accessToken: 't' },
    text: 'Bonjour',
    idempotencyKey: 'job-transport-1',
    jobCreatedAt: NOW,
  };

  it('is retryable with a known outcome when the connection is refused (nothing was sent)', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const connector = createXConnector(connectorEnvironment(), { baseUrl: `http://127.0.0.1:${port}` });
    // No outcomeUnknown: the outbox may simply try again later.
    expect(await connector.publish(job)).toEqual({ ok: false, error: { kind: 'retryable', status: 0, networkMessage: 'No answer from the network (ECONNREFUSED)' } });
  });

  it('is retryable with an unknown outcome when the post call times out', async () => {
    const hang = createServer((socket) => socket.on('data', () => undefined)).listen(0, '127.0.0.1');
    await new Promise((resolve) => hang.once('listening', resolve));
    const { port } = hang.address() as AddressInfo;
    const connector = createXConnector(connectorEnvironment({ timeoutMs: 200 }), { baseUrl: `http://127.0.0.1:${port}` });
    const outcome = await connector.publish(job);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'retryable', status: 0, outcomeUnknown: true } });
    await new Promise((resolve) => hang.close(resolve));
  });
});
