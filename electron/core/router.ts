import { ZodError } from 'zod';
import { contract, isProcedureName, procedureNames } from '../../shared/api/contract';
import type { ParsedInput, ProcedureName, ProcedureOutput } from '../../shared/api/contract';
import { ApiError, validationError } from '../../shared/api/errors';
import type { ApiErrorShape } from '../../shared/api/errors';
import { checkInputShape } from '../../shared/api/inputLimits';
import type { CallResult } from '../../shared/api/transport';
import type { Logger } from './log';

export type Handler<K extends ProcedureName> = (
  input: ParsedInput<K>,
) => ProcedureOutput<K> | Promise<ProcedureOutput<K>>;

export type Handlers<K extends ProcedureName> = { [P in K]: Handler<P> };

/** Features declare their handler maps with this, so each handler is typed by the contract. */
export const defineHandlers = <K extends ProcedureName>(handlers: Handlers<K>): Handlers<K> => handlers;

export type { CallResult } from '../../shared/api/transport';

type ErasedHandler = (input: unknown) => unknown;

/**
 * The single entry point for both transports: looks the procedure up, parses the input with
 * the contract's schema before the handler sees it, parses the output on the way back, and
 * turns every failure into the contract's error shape.
 */
export class Router {
  private readonly handlers = new Map<ProcedureName, ErasedHandler>();

  /** `mapError` turns storage failures (damaged file, full disk) into their own errors. */
  constructor(
    private readonly log: Logger,
    private readonly mapError: (procedure: string, error: unknown) => ApiError | null = () => null,
  ) {}

  register<K extends ProcedureName>(handlers: Handlers<K>): void {
    for (const name of Object.keys(handlers) as K[]) {
      if (this.handlers.has(name)) throw new Error(`Procedure registered twice: ${name}`);
      this.handlers.set(name, handlers[name] as ErasedHandler);
    }
  }

  /** Called once wiring is done: a declared procedure without a handler is a bug at start-up. */
  assertComplete(names: readonly ProcedureName[] = procedureNames): void {
    const missing = names.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new Error(`Procedures without a handler: ${missing.join(', ')}`);
  }

  async call(name: string, rawInput: unknown): Promise<CallResult> {
    if (!isProcedureName(name)) {
      return {
        ok: false,
        error: { code: 'unknown_procedure', messageKey: 'errors.unknownProcedure', message: `Unknown procedure ${name.slice(0, 80)}` },
      };
    }
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for ${name}`);
    const schema = contract[name];
    try {
      const badShape = checkInputShape(rawInput);
      if (badShape) throw badShape;
      const parsed = schema.input.safeParse(rawInput);
      if (!parsed.success) throw validationError(parsed.error);
      const value = await handler(parsed.data);
      return { ok: true, value: schema.output.parse(value) };
    } catch (error) {
      return { ok: false, error: this.toErrorShape(name, error) };
    }
  }

  private toErrorShape(name: string, error: unknown): ApiErrorShape {
    if (error instanceof ApiError) return error.toShape();
    if (error instanceof ZodError) return validationError(error).toShape();
    const mapped = this.mapError(name, error);
    if (mapped) return mapped.toShape();
    this.log.error(`procedure ${name} failed`, error);
    return { code: 'internal', messageKey: 'errors.internal', message: 'Internal error' };
  }
}
