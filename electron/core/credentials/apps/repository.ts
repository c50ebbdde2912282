import type { Database } from 'better-sqlite3';
import type { AppNetwork } from '../../../../shared/credentials/networks';
import type { KeychainRef } from '../secrets';

interface AppRow {
  network: AppNetwork;
  client_id: string;
  has_secret: number;
  redirect_port: number | null;
  post_analytics: number;
  keychain_service: string;
  keychain_account: string;
  updated_at: number;
}

export interface AppRecord {
  network: AppNetwork;
  clientId: string;
  hasSecret: boolean;
  redirectPort: number | null;
  postAnalytics: boolean;
  keychain: KeychainRef;
  updatedAt: number;
}

const toRecord = (row: AppRow): AppRecord => ({
  network: row.network,
  clientId: row.client_id,
  hasSecret: row.has_secret === 1,
  redirectPort: row.redirect_port,
  postAnalytics: row.post_analytics === 1,
  keychain: { service: row.keychain_service, account: row.keychain_account },
  updatedAt: row.updated_at,
});

/** The only code that reads or writes the oauth_apps table. */
export class AppRepository {
  constructor(private readonly db: Database) {}

  list(): AppRecord[] {
    return this.db.prepare<[], AppRow>('SELECT * FROM oauth_apps ORDER BY network').all().map(toRecord);
  }

  get(network: AppNetwork): AppRecord | null {
    const row = this.db.prepare<[string], AppRow>('SELECT * FROM oauth_apps WHERE network = ?').get(network);
    return row ? toRecord(row) : null;
  }

  upsert(app: Omit<AppRecord, 'updatedAt'>, now: number): void {
    this.db
      .prepare(
        `INSERT INTO oauth_apps (network, client_id, has_secret, redirect_port, post_analytics, keychain_service, keychain_account, created_at, updated_at)
         VALUES (@network, @clientId, @hasSecret, @redirectPort, @postAnalytics, @service, @account, @now, @now)
         ON CONFLICT (network) DO UPDATE SET client_id = excluded.client_id, has_secret = excluded.has_secret,
           redirect_port = excluded.redirect_port, post_analytics = excluded.post_analytics, keychain_service = excluded.keychain_service,
           keychain_account = excluded.keychain_account, updated_at = excluded.updated_at`,
      )
      .run({
        network: app.network,
        clientId: app.clientId,
        hasSecret: app.hasSecret ? 1 : 0,
        redirectPort: app.redirectPort,
        postAnalytics: app.postAnalytics ? 1 : 0,
        service: app.keychain.service,
        account: app.keychain.account,
        now,
      });
  }

  delete(network: AppNetwork): void {
    this.db.prepare('DELETE FROM oauth_apps WHERE network = ?').run(network);
  }
}
