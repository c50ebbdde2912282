import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

/**
 * A read-only connection holding a read transaction on the workspace file: while it is open, no
 * other connection can checkpoint the WAL into the file, not even the last one to close (SQLite
 * checkpoints on close only when it can lock the file for itself), and, read-only, it never
 * checkpoints either. Held while a file with a WAL is not yet known sound, and for as long as a
 * damaged file is open: a WAL that does not belong to the file (left by another database) would
 * otherwise be written into it, and the file "left untouched" changed.
 */
export class FileHold {
  private connection: Db | null;

  private constructor(connection: Db) {
    this.connection = connection;
  }

  /** Null when the file cannot even be read that far (then nothing holds it: said by the caller). */
  static take(path: string): { hold: FileHold } | { hold: null; error: unknown } {
    let connection: Db | null = null;
    try {
      connection = new Database(path, { readonly: true, fileMustExist: true });
      connection.exec('BEGIN');
      // Reads the header through the pager: the read transaction (and its lock) starts here.
      connection.pragma('user_version');
      return { hold: new FileHold(connection) };
    } catch (error) {
      try {
        connection?.close();
      } catch {
        // Closing a read-only connection writes nothing; a failure here changes nothing either.
      }
      return { hold: null, error };
    }
  }

  /** Lets go of the file: after this, the last connection to close checkpoints as usual. */
  release(): void {
    const connection = this.connection;
    this.connection = null;
    if (!connection) return;
    try {
      if (connection.inTransaction) connection.exec('COMMIT');
    } finally {
      connection.close();
    }
  }
}
