import { randomBytes, randomUUID } from 'node:crypto';
import type { Keychain } from '../credentials/keychain';
import { KEYCHAIN_SERVICE } from '../credentials/secrets';
import type { Clock } from '../clock';
import type { KeyRepository } from './keyRepository';

const KEY_BYTES = 32;

/**
 * The HMAC key that signs reply tokens: 32 random bytes kept in the OS keychain, created on
 * first use; SQLite holds only where it is. If the keychain lost it, a new key is made:
 * tokens already sent stop verifying (their replies are refused, plain thread replies still
 * work), which is the safe way to fail.
 */
export class SigningKey {
  private loading: Promise<Buffer> | null = null;

  constructor(
    private readonly keys: KeyRepository,
    private readonly keychain: Keychain,
    private readonly clock: Clock,
  ) {}

  get(): Promise<Buffer> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<Buffer> {
    const ref = this.keys.get();
    if (ref) {
      const stored = await this.keychain.get(ref.service, ref.account);
      const key = stored === null ? null : Buffer.from(stored, 'base64');
      if (key?.length === KEY_BYTES) return key;
    }
    const key = randomBytes(KEY_BYTES);
    const fresh = { service: KEYCHAIN_SERVICE, account: `signoff-token-key:${randomUUID()}` };
    await this.keychain.set(fresh.service, fresh.account, key.toString('base64'));
    this.keys.set(fresh, this.clock.now());
    return key;
  }
}
