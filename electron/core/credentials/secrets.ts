import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CredentialFailure } from './failure';
import type { Keychain } from './keychain';

/** Where a secret lives in the keychain: the only thing about it the database holds. */
export interface KeychainRef {
  service: string;
  account: string;
}

export const KEYCHAIN_SERVICE = 'Plume';

/** A fresh, unique reference; the random part keeps two workspaces on one machine apart. */
export const newKeychainRef = (kind: 'account' | 'oauth-app' | 'mail', label: string): KeychainRef => ({
  service: KEYCHAIN_SERVICE,
  account: `${kind}:${label}:${randomUUID()}`,
});

/**
 * Typed secrets on top of the keychain: each item is one JSON document, written whole and
 * parsed with its zod schema when read back (a keychain item is a boundary like any other).
 */
export class SecretStore {
  constructor(private readonly keychain: Keychain) {}

  async write<S extends z.ZodType>(ref: KeychainRef, schema: S, value: z.input<S>): Promise<void> {
    await this.keychain.set(ref.service, ref.account, JSON.stringify(schema.parse(value)));
  }

  /** null when the item is absent; an item that no longer parses counts as absent. */
  async read<S extends z.ZodType>(ref: KeychainRef, schema: S): Promise<z.output<S> | null> {
    const raw = await this.keychain.get(ref.service, ref.account);
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  /** Like read, but a missing item is the `secret_missing` failure. */
  async require<S extends z.ZodType>(ref: KeychainRef, schema: S): Promise<z.output<S>> {
    const value = await this.read(ref, schema);
    if (value === null) throw new CredentialFailure('secret_missing');
    return value;
  }

  /** Throws KeychainUnavailableError when the keychain cannot be used right now. */
  async probe(): Promise<void> {
    await this.keychain.get(KEYCHAIN_SERVICE, 'availability-probe');
  }

  async remove(ref: KeychainRef): Promise<boolean> {
    return this.keychain.delete(ref.service, ref.account);
  }
}
