import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { docFromParagraphs } from '../../../shared/posts/document';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';

const partner = (n: number) => ({
  displayName: `Me Partenaire ${n}`,
  role: `Associée ${'x'.repeat(60)}`,
  organisation: 'Cabinet Arcand',
  color: '#1d4ed8',
  timeZone: 'Europe/Paris',
  locale: 'fr' as const,
  signoffEmail: `p${n}@example.org`,
});

const cores: TestCore[] = [];
const track = (t: TestCore) => (cores.push(t), t);
afterEach(() => {
  for (const t of cores.splice(0)) t.close();
});

async function workspaceWithPartners(count: number): Promise<TestCore> {
  const t = track(createTestCore());
  for (let i = 0; i < count; i++) await t.call('partners.create', partner(i));
  return t;
}

/** Closes the core (checkpointing the WAL into the file) and reopens the same folder. */
function reopen(t: TestCore, damage: (file: string) => void): TestCore {
  t.core.close();
  damage(t.core.databasePath);
  return track(createTestCore(t.dir));
}

function overwritePages(file: string, pages: number[]): void {
  const fd = openSync(file, 'r+');
  const junk = Buffer.alloc(600, 0x5a);
  for (const page of pages) writeSync(fd, junk, 0, junk.length, page * 4096 + 100);
  closeSync(fd);
}

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('a damaged workspace file', () => {
  it('is found damaged by the background check after a few pages were overwritten; writes stop, reads go on', async () => {
    const before = await workspaceWithPartners(60);
    const t = reopen(before, (file) => {
      // Three of the partners table's pages, found with SQLite's own dbstat: not the schema's,
      // which every statement reads first (a migration moving it to the file's end made the
      // damage surface as a statement's error before the background check ran).
      const probe = new Database(file, { readonly: true });
      const pages = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'partners' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 3").pluck().all() as number[];
      probe.close();
      expect(pages).toHaveLength(3);
      overwritePages(file, pages.map((pageno) => pageno - 1));
    });
    const damagedBytes = readFileSync(t.core.databasePath);

    await t.core.storage.whenChecked();
    const health = await t.call('workspace.health', {});
    expect(health.status).toBe('damaged');
    expect(health.reason).toMatch(/quick_check/);
    expect(health.readable).toBe(true);
    // The damaged file is left as it was and a copy is set aside next to it.
    expect(health.setAsidePath).toMatch(/plume\.sqlite\.damaged-/);
    expect(readFileSync(health.setAsidePath ?? '').equals(damagedBytes)).toBe(true);

    const create = await errorOf(t.call('partners.create', partner(99)));
    expect(create.messageKey).toBe('errors.workspaceDamaged');
    const post = await errorOf(t.call('posts.create', { title: 'x' } as never));
    expect(post.messageKey).toBe('errors.workspaceDamaged');
    // Reads keep working (what the damaged pages do not hold), so the user can export.
    await expect(t.call('settings.get', {})).resolves.toBeDefined();
    t.core.close();
    expect(readFileSync(t.core.databasePath).equals(damagedBytes)).toBe(true);
  });

  it('is put in the damaged state by a "malformed" error a procedure meets later, instead of answering internal error', async () => {
    const before = await workspaceWithPartners(1);
    const [p] = await before.call('partners.list', {});
    for (let i = 0; i < 80; i++) {
      await before.call('posts.create', { partnerId: p?.id ?? '', title: `Post ${i}`, content: docFromParagraphs(['Texte. '.repeat(100)]) });
    }
    const t = reopen(before, (file) => {
      // Every page of the posts table, found with SQLite's own dbstat, overwritten whole.
      const probe = new Database(file, { readonly: true });
      const pages = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'posts'").all() as { pageno: number }[];
      probe.close();
      const fd = openSync(file, 'r+');
      for (const { pageno } of pages) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (pageno - 1) * 4096);
      closeSync(fd);
    });
    const list = await errorOf(t.call('posts.list', {}));
    expect(list.messageKey).toBe('errors.workspaceDamaged');
    expect((await t.call('workspace.health', {})).status).toBe('damaged');
    const create = await errorOf(t.call('partners.create', partner(99)));
    expect(create.messageKey).toBe('errors.workspaceDamaged');
    await t.core.storage.whenChecked();
  });

  it('is refused at open when its header is not SQLite, and every call says the file cannot be read', async () => {
    const before = await workspaceWithPartners(2);
    const t = reopen(before, (file) => {
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.from('garbage garbage!'), 0, 16, 0);
      closeSync(fd);
    });
    const health = await t.call('workspace.health', {});
    expect(health).toMatchObject({ status: 'damaged', readable: false });
    expect(existsSync(health.setAsidePath ?? '')).toBe(true);
    const list = await errorOf(t.call('partners.list', {}));
    expect(list.messageKey).toBe('errors.workspaceUnreadable');
  });

  it('is refused at open when it was cut short', async () => {
    const before = await workspaceWithPartners(40);
    const t = reopen(before, (file) => truncateSync(file, statSync(file).size - 8192));
    const health = await t.call('workspace.health', {});
    expect(health.status).toBe('damaged');
    expect(health.reason).toMatch(/truncated/);
  });
});

describe('an empty (0-byte) workspace file', () => {
  it('is said, set aside, and the latest good backup is offered and restores the partners', async () => {
    const before = await workspaceWithPartners(3);
    await before.call('backups.create', {});
    const t = reopen(before, (file) => truncateSync(file, 0));

    const health = await t.call('workspace.health', {});
    expect(health.status).toBe('emptyFile');
    expect(statSync(health.setAsidePath ?? '').size).toBe(0);
    expect(health.latestBackup).not.toBeNull();
    expect(await t.call('partners.list', {})).toEqual([]);

    const restored = await t.call('backups.restore', { name: health.latestBackup?.name ?? '' });
    expect(restored.status).toBe('ok');
    expect(await t.call('partners.list', {})).toHaveLength(3);
  });
});

describe('a workspace stopped in the middle of a checkpoint', () => {
  it('opens healthy: the header already counts pages the file does not hold yet, but its WAL holds them', async () => {
    const t = await workspaceWithPartners(3);
    t.core.close();
    const file = t.core.databasePath;
    // Grow the database in the WAL only (no checkpoint), keeping the WAL on disk.
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE growth (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO growth (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run('x'.repeat(1000));
    })();
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    // The newest image of page 1 in the WAL: the header a checkpoint writes first.
    let page1: Buffer | null = null;
    for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
      if (wal.readUInt32BE(offset) === 1) page1 = wal.subarray(offset + 24, offset + 24 + pageSize);
    }
    if (page1 === null) throw new Error('page 1 not in the WAL');
    // A checkpoint cut short after page 1: the file's header counts the grown size, its tail is still in the WAL.
    const fd = openSync(file, 'r+');
    writeSync(fd, page1, 0, pageSize, 0);
    closeSync(fd);
    expect(page1.readUInt32BE(28) * pageSize).toBeGreaterThan(statSync(file).size);
    // Left as a killed process leaves it: the WAL is not checkpointed away on close.
    const copy = `${t.dir}-copy`;
    mkdirSync(copy);
    copyFileSync(file, join(copy, basename(file)));
    copyFileSync(`${file}-wal`, join(copy, `${basename(file)}-wal`));
    db.close();

    const reopened = track(createTestCore(copy));
    let health = await reopened.call('workspace.health', {});
    for (let i = 0; i < 200 && health.status === 'checking'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      health = await reopened.call('workspace.health', {});
    }
    expect(health.status).toBe('ok');
    expect(await reopened.call('partners.list', {})).toHaveLength(3);
  });
});
