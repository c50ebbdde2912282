import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/open';
import { BackgroundCheckpoints } from '../../../electron/core/storage/backgroundCheckpoints';
import type { CheckpointReply } from '../../../electron/core/storage/backgroundCheckpoints';
import { createLogger } from '../../../electron/core/log';
import { tempDir } from '../../support/tempDir';

const open: Database[] = [];
const stops: BackgroundCheckpoints[] = [];
afterEach(async () => {
  for (const checkpoints of stops.splice(0)) await checkpoints.stop();
  for (const db of open.splice(0)) if (db.open) db.close();
});

/** A workspace file with a table to grow, its background checkpoints, and their replies as they come. */
function workspace() {
  const path = join(tempDir().path, 'plume.sqlite');
  const { db } = openDatabase(path, Date.UTC(2026, 11, 6));
  open.push(db);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const replies: CheckpointReply[] = [];
  const waiting: ((reply: CheckpointReply) => void)[] = [];
  const checkpoints = new BackgroundCheckpoints(db, path, createLogger({}), (reply) => {
    replies.push(reply);
    for (const resolve of waiting.splice(0)) resolve(reply);
  });
  stops.push(checkpoints);
  const nextCheckpoint = () => new Promise<CheckpointReply>((resolve) => waiting.push(resolve));
  /** ~4 KB rows, one transaction each: `pages` WAL pages and more. */
  const write = (pages: number) => {
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
    for (let i = 0; i < pages; i++) db.transaction(() => insert.run(`${i} ${'é'.repeat(1_900)}`))();
  };
  return { path, db, checkpoints, replies, nextCheckpoint, write };
}

describe('the WAL is checkpointed on a worker thread, never inside a save', () => {
  it('leaves 3,000 pages of commits in the WAL (no commit copies them into the file), then the worker copies them all', async () => {
    const { path, db, checkpoints, nextCheckpoint, write } = workspace();
    checkpoints.afterWrite();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const fileBefore = statSync(path).size;
    // SQLite's own checkpoint would run in the commit crossing 1,000 pages, three times here.
    write(3_000);
    expect(statSync(path).size).toBe(fileBefore);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(3_000 * 4_096);
    const reply = await nextCheckpoint();
    expect(reply).toMatchObject({ ok: true, busy: 0 });
    if (!reply.ok) throw new Error('checkpoint failed');
    expect(reply.checkpointed).toBe(reply.log);
    expect(reply.log).toBeGreaterThan(3_000);
    expect(statSync(path).size).toBeGreaterThan(fileBefore + 3_000 * 4_096);
  });

  it('checkpoints again after later writes, and not at all while nothing is written', async () => {
    const { checkpoints, replies, nextCheckpoint, write } = workspace();
    checkpoints.afterWrite();
    write(50);
    await nextCheckpoint();
    const count = replies.length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(replies.length).toBe(count);
    write(20);
    const later = await nextCheckpoint();
    expect(later).toMatchObject({ ok: true });
  });

  it('once stopped, holds no connection: core’s connection, closing last, takes the WAL away', async () => {
    const { path, db, checkpoints, nextCheckpoint, write } = workspace();
    checkpoints.afterWrite();
    write(200);
    await nextCheckpoint();
    write(200);
    const exited = checkpoints.stop();
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    await exited;
  });
});
