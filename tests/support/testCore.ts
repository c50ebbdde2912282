import { createCore } from '../../electron/core/app';
import type { Core } from '../../electron/core/app';
import type { Clock } from '../../electron/core/clock';
import { createLogger } from '../../electron/core/log';
import type { Logger } from '../../electron/core/log';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { tempDir } from './tempDir';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 10, 24, 9, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TestCore {
  core: Core;
  clock: ManualClock;
  dir: string;
  /** Calls through the router exactly as a transport does; throws the contract's error. */
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  /** Raw call with an untyped input, for testing what bad input does. */
  raw(name: string, input: unknown): ReturnType<Core['router']['call']>;
  close(): void;
}

/** `logger`: where core logs (default: nowhere), for a test that reads what the user is told in the log. */
export function createTestCore(existingDir?: string, logger: Logger = createLogger({})): TestCore {
  const temp = existingDir ? null : tempDir();
  const dir = existingDir ?? temp?.path ?? '';
  const clock = new ManualClock();
  const core = createCore({ dataDir: dir, clock, logger });
  return {
    core,
    clock,
    dir,
    async call(name, input) {
      const result = await core.router.call(name, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    raw: (name, input) => core.router.call(name, input),
    close() {
      core.close();
      temp?.remove();
    },
  };
}
