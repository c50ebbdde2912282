import type { EntryOptions } from '@napi-rs/keyring';
import { keychainThread } from './keychainThread';
import type { KeychainRequest } from './keychainThread';

/**
 * The OS keychain, keytar's model: a secret is addressed by (service, account). Every failure
 * of the store itself (locked, absent, no D-Bus) is a KeychainUnavailableError, so callers
 * never fall back to keeping the secret anywhere else.
 */
export interface Keychain {
  set(service: string, account: string, secret: string): Promise<void>;
  /** null when no such item exists. */
  get(service: string, account: string): Promise<string | null>;
  /** false when there was nothing to delete. */
  delete(service: string, account: string): Promise<boolean>;
}

/** The store cannot be used right now. Its message never includes a secret. */
export class KeychainUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    super('OS keychain unavailable (locked, or no Secret Service / Keychain / Credential Manager)', options);
    this.name = 'KeychainUnavailableError';
  }
}

/**
 * On Linux @napi-rs/keyring picks its store automatically and, when no Secret Service answers
 * on D-Bus, silently falls back to the kernel keyutils keyring, which lives in kernel memory
 * and is lost at reboot (see the package's README, "Linux backend selection", and
 * `LinuxEntryOptions.store` in index.d.ts). Passing `{ linux: { store: 'secret-service' } }`
 * to every Entry pins it to the Secret Service (gnome-keyring, KWallet, KeePassXC…): if that
 * store is unavailable the constructor throws instead of falling back. The option is ignored on
 * macOS (Keychain) and Windows (Credential Manager), which have a single store.
 */
export const PINNED_STORE: EntryOptions = { linux: { store: 'secret-service' } };

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The Secret Service left the bus in the middle of a call (gnome-keyring restarting or killed):
 * « Message recipient disconnected from message bus without replying ». D-Bus starts the service
 * again for the next call, which then works (keychainRestart.test.ts); seen once in a full test run.
 */
const DAEMON_LEFT = /disconnected from message bus/i;

export interface SecretServiceKeychainOptions {
  /** A locked collection may wait for an unlock prompt, a wedged daemon never answers: give up after this long. */
  timeoutMs?: number;
  /**
   * Runs before each operation; a throw means "keychain unavailable". Tests use it to
   * simulate an absent keychain; the default does nothing.
   */
  probe?: () => void;
}

export class SecretServiceKeychain implements Keychain {
  private readonly timeoutMs: number;
  private readonly probe: () => void;

  constructor(options: SecretServiceKeychainOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.probe = options.probe ?? (() => undefined);
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await this.run({ op: 'set', service, account, secret });
  }

  async get(service: string, account: string): Promise<string | null> {
    const value = await this.run({ op: 'get', service, account });
    return typeof value === 'string' ? value : null;
  }

  async delete(service: string, account: string): Promise<boolean> {
    return (await this.run({ op: 'delete', service, account })) === true;
  }

  /** On the keychain's own thread (keychainThread.ts), so a store that hangs never blocks core. */
  private async run(request: KeychainRequest): Promise<string | boolean | null> {
    try {
      this.probe();
      try {
        return await keychainThread.call(request, PINNED_STORE, this.timeoutMs);
      } catch (error) {
        if (!(error instanceof Error) || !DAEMON_LEFT.test(error.message)) throw error;
        // Asked once more, of the daemon D-Bus starts again: every call is safe to repeat (the
        // same secret set, a read; a delete that had gone through says there was nothing left).
        return await keychainThread.call(request, PINNED_STORE, this.timeoutMs);
      }
    } catch (error) {
      throw new KeychainUnavailableError({ cause: error });
    }
  }
}
