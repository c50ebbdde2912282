import { contract } from '../../../shared/api/contract';
import type { AppEvent, PlumeApi, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract';
import { AppEvent as AppEventSchema } from '../../../shared/api/contract';
import { ApiError, Result } from '../../../shared/api/errors';
import type { CallResult } from '../../../shared/api/transport';
import { z } from 'zod';

/** A transport moves one call and the event stream; the client does the typing and parsing. */
export interface Transport {
  call(name: string, input: unknown): Promise<CallResult>;
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
    async call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
      const raw = await transport.call(name, input);
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
