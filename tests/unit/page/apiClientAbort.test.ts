import { describe, expect, it } from 'vitest';
import { createApi } from '../../../renderer/src/api/client';
import type { Transport } from '../../../renderer/src/api/client';
import type { CallResult } from '../../../shared/api/transport';

/** A transport whose answers the test gives, and which records the signal each call was given. */
function heldTransport() {
  const held: { name: string; signal: AbortSignal | undefined; answer: (result: CallResult) => void }[] = [];
  const transport: Transport = {
    call: (name, _input, signal) => new Promise<CallResult>((resolve) => held.push({ name, signal, answer: resolve })),
    onEvent: () => () => undefined,
  };
  return { transport, held };
}

describe('the API client and a caller that stopped waiting', () => {
  it('hands the signal to the transport, and drops an answer that comes after the abort without checking it', async () => {
    const { transport, held } = heldTransport();
    const api = createApi(transport);
    const left = new AbortController();
    const read = api.call('calendar.range', { from: 0, to: 86_400_000 }, { signal: left.signal });
    expect(held[0]?.signal).toBe(left.signal);
    left.abort();
    // Not a list of entries: were it checked, the call would fail with a validation error.
    held[0]?.answer({ ok: true, value: { not: 'entries' } });
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does not send a call whose caller had already stopped waiting', async () => {
    const { transport, held } = heldTransport();
    const api = createApi(transport);
    const left = new AbortController();
    left.abort();
    await expect(api.call('calendar.range', { from: 0, to: 86_400_000 }, { signal: left.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(held).toHaveLength(0);
  });

  it('checks and returns the answer of a call not aborted', async () => {
    const { transport, held } = heldTransport();
    const api = createApi(transport);
    const read = api.call('calendar.range', { from: 0, to: 86_400_000 }, { signal: new AbortController().signal });
    held[0]?.answer({ ok: true, value: [] });
    await expect(read).resolves.toEqual([]);
  });
});
