import { join } from 'node:path';
import { createCore } from '../../../electron/core/app';
import type { Core } from '../../../electron/core/app';
import type { Keychain } from '../../../electron/core/credentials/keychain';
import type { CredentialsOptions } from '../../../electron/core/credentials/options';
import { createLogger } from '../../../electron/core/log';
import type { AppEvent, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { CallResult } from '../../../shared/api/transport';
import { tempDir } from '../../support/tempDir';
import { ManualClock } from '../../support/testCore';

/**
 * A core on a temp folder with the given keychain, logging to its own plume.log, that records
 * everything it sends outwards (router responses, events) so tests can search them for secrets.
 */
export interface CredentialCore {
  core: Core;
  clock: ManualClock;
  dir: string;
  logFile: string;
  responses: string[];
  events: AppEvent[];
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  raw(name: string, input: unknown): Promise<CallResult>;
  /** The contract error of a call that must fail. */
  error(name: string, input: unknown): Promise<ApiError>;
  close(): void;
}

export function credentialCore(options: { keychain: Keychain; credentials?: CredentialsOptions; dir?: string }): CredentialCore {
  const temp = options.dir === undefined ? tempDir('plume-credentials-') : null;
  const dir = options.dir ?? temp?.path ?? '';
  const clock = new ManualClock(Date.now());
  const logFile = join(dir, 'plume.log');
  const core = createCore({
    dataDir: dir,
    clock,
    logger: createLogger({ file: logFile }),
    keychain: options.keychain,
    credentials: { refreshIntervalMs: 0, ...options.credentials },
  });
  const responses: string[] = [];
  const events: AppEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  const raw = async (name: string, input: unknown) => {
    const result = await core.router.call(name, input);
    responses.push(JSON.stringify(result));
    return result;
  };
  return {
    core,
    clock,
    dir,
    logFile,
    responses,
    events,
    raw,
    async call(name, input) {
      const result = await raw(name, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    async error(name, input) {
      const result = await raw(name, input);
      if (result.ok) throw new Error(`${name} succeeded but was expected to fail`);
      return new ApiError(result.error);
    },
    close() {
      core.close();
      temp?.remove();
    },
  };
}

export const partnerInput = {
  displayName: 'Me Claire Dupont',
  role: 'Associée',
  organisation: 'Cabinet Arcand',
  color: '#1d4ed8',
  timeZone: 'Europe/Paris',
  locale: 'fr' as const,
  signoffEmail: 'claire.dupont@example.org',
};
