import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/testCore';
import { partnerInput } from '../../support/partnerInput';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

async function closedWorkspace(names: string[]): Promise<string> {
  const folder = tempDir();
  cleanups.push(() => folder.remove());
  const t = createTestCore(folder.path);
  for (const name of names) await t.call('partners.create', partnerInput(name));
  t.core.close();
  return folder.path;
}

/**
 * Another workspace's -wal and -shm, with frames not yet checkpointed (as a copy taken while it
 * ran leaves them), put beside an intact plume.sqlite.
 */
async function strayWalBeside(dir: string): Promise<void> {
  const other = await closedWorkspace(['Me Autre Cabinet']);
  const file = join(other, 'plume.sqlite');
  const db = new Database(file);
  db.pragma('wal_autocheckpoint = 0');
  db.exec("CREATE TABLE stray (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const insert = db.prepare('INSERT INTO stray (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 60; i++) insert.run('y'.repeat(900));
  })();
  db.exec("UPDATE partners SET display_name = display_name || ' (autre)'");
  copyFileSync(`${file}-wal`, join(dir, 'plume.sqlite-wal'));
  copyFileSync(`${file}-shm`, join(dir, 'plume.sqlite-shm'));
  db.close();
}

async function startAndClose(dir: string): Promise<void> {
  const t = createTestCore(dir);
  await t.core.storage.whenChecked();
  await t.core.storage.whenBackupsChecked();
  t.core.close();
}

describe('a workspace file judged damaged because of a WAL that is not its own', () => {
  it('is never written: plume.sqlite and its -wal hold the same bytes after the start that found the damage', async () => {
    const dir = await closedWorkspace(['Me Claire Dupont', 'Me Jean Martin']);
    await strayWalBeside(dir);
    const file = join(dir, 'plume.sqlite');
    const before = { file: sha256(file), wal: sha256(`${file}-wal`) };

    const t = createTestCore(dir);
    await t.core.storage.whenChecked();
    const health = await t.call('workspace.health', {});
    t.core.close();

    expect(health.status).toBe('damaged');
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect({ file: sha256(file), wal: sha256(`${file}-wal`) }).toEqual(before);
    // The copy set aside holds what was found, WAL included.
    expect(sha256(health.setAsidePath ?? '')).toBe(before.file);
    expect(sha256(`${health.setAsidePath ?? ''}-wal`)).toBe(before.wal);
    expect(existsSync(`${health.setAsidePath ?? ''}-shm`)).toBe(true);
  });

  it('is set aside once: the next starts name the copy already there instead of making another', async () => {
    const dir = await closedWorkspace(['Me Claire Dupont', 'Me Jean Martin']);
    await strayWalBeside(dir);
    await startAndClose(dir);
    const copies = () => readdirSync(dir).filter((name) => /^plume\.sqlite\.damaged-.*Z$/.test(name));
    expect(copies()).toHaveLength(1);

    const second = createTestCore(dir);
    // A later day: the copy would get another name.
    second.clock.advance(86_400_000);
    await second.core.storage.whenChecked();
    const health = await second.call('workspace.health', {});
    second.core.close();
    expect(health.status).toBe('damaged');
    expect(copies()).toHaveLength(1);
    expect(health.setAsidePath).toBe(join(dir, copies()[0] ?? ''));
    expect(health.setAsideEarlier).toBe(true);
  });
});
