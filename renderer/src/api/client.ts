import { contract } from '../../../shared/api/contract';
import type { AppEvent, CallOptions, PlumeApi, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract';
import { AppEvent as AppEventSchema } from '../../../shared/api/contract';
import { ApiError, Result } from '../../../shared/api/errors';
import type { CallResult } from '../../../shared/api/transport';
import { z } from 'zod';

/** A transport moves one call and the event stream; the client does the typing and parsing. */
export interface Transport {
  /** `signal`: stop waiting (a transport that cannot abort its request still answers; the client drops it). */
  call(name: string, input: unknown, signal?: AbortSignal): Promise<CallResult>;
  onEvent(listener: (payload: unknown) => void): () => void;
}

const ResultShape = Result(z.unknown());

/** Thrown when core cannot be reached at all (browser-mode server down); distinct from an API error. */
export class TransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

export function createApi(transport: Transport): PlumeApi {
  return {
    async call<K extends ProcedureName>(name: K, input: ProcedureInput<K>, options?: CallOptions): Promise<ProcedureOutput<K>> {
      const signal = options?.signal;
      signal?.throwIfAborted();
      const raw = await transport.call(name, input, signal);
      // Left before the answer came: a big answer (an agenda's three weeks) is not checked for nothing.
      signal?.throwIfAborted();
      const result = ResultShape.parse(raw);
      if (!result.ok) throw new ApiError(result.error);
      return contract[name].output.parse(result.value) as ProcedureOutput<K>;
    },
    subscribe(listener: (event: AppEvent) => void) {
      return transport.onEvent((payload) => {
        const event = AppEventSchema.safeParse(payload);
        if (event.success) listener(event.data);
      });
    },
  };
}
