import type { Database } from 'better-sqlite3';
import type { KeychainRef } from '../credentials/secrets';

/** The only code writing signoff_key: where in the keychain the token key lives, never the key. */
export class KeyRepository {
  constructor(private readonly db: Database) {}

  get(): KeychainRef | null {
    const row = this.db.prepare('SELECT keychain_service, keychain_account FROM signoff_key WHERE id = 1').get() as
      | { keychain_service: string; keychain_account: string }
      | undefined;
    return row ? { service: row.keychain_service, account: row.keychain_account } : null;
  }

  set(ref: KeychainRef, now: number): void {
    this.db
      .prepare(
        `INSERT INTO signoff_key (id, keychain_service, keychain_account, created_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET keychain_service = excluded.keychain_service, keychain_account = excluded.keychain_account`,
      )
      .run(ref.service, ref.account, now);
  }
}
