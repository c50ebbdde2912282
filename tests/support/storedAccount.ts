import Database from 'better-sqlite3';
import type { Clock } from '../../electron/core/clock';
import { AccountRepository } from '../../electron/core/credentials/accounts/repository';
import { AccountWriter } from '../../electron/core/credentials/accounts/writer';
import type { Connection } from '../../electron/core/credentials/accounts/writer';
import type { Keychain } from '../../electron/core/credentials/keychain';
import { SecretStore } from '../../electron/core/credentials/secrets';
import { EventBus } from '../../electron/core/events';
import type { Account } from '../../shared/credentials/account';

/**
 * A network account stored as the credentials feature stores it (its secret in `keychain`, the
 * reference in SQLite), through a second connection to the workspace file (WAL), for a test whose
 * network is a local server that has no sign-in page to go through.
 */
export async function storeAccount(databasePath: string, keychain: Keychain, clock: Clock, connection: Omit<Connection, 'existing'>): Promise<Account> {
  const db = new Database(databasePath);
  try {
    return await new AccountWriter(db, new AccountRepository(db), new SecretStore(keychain), clock, new EventBus()).save({ ...connection, existing: null });
  } finally {
    db.close();
  }
}
