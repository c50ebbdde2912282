import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../../shared/posts/document';
import type { Logger } from '../../../electron/core/log';
import { createTestCore } from '../../support/testCore';
import type { TestCore } from '../../support/testCore';
import { partnerInput } from '../../support/partnerInput';
import { cannotRefuseWriting, refuseWriting } from '../../support/refuseWriting';
import { tempDir } from '../../support/tempDir';
import { refusal } from '../../support/refusal';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const collectingLogger = (lines: string[]): Logger => ({
  info: (message) => lines.push(`INFO ${message}`),
  error: (message, error) => lines.push(`ERROR ${message}${error instanceof Error ? `: ${error.message}` : ''}`),
});


async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A workspace with one post, closed (the WAL checkpointed away), then its file made to refuse writing. */
async function readOnlyWorkspace(lines: string[]): Promise<{ t: TestCore; file: string; postId: string; version: number; undo: () => void }> {
  const folder = tempDir();
  cleanups.push(() => folder.remove());
  const before = createTestCore(folder.path);
  const partner = await before.call('partners.create', partnerInput());
  const post = await before.call('posts.create', { partnerId: partner.id, title: 'Lecture seule', content: docFromParagraphs(['Première version.']) });
  before.core.close();
  const file = join(folder.path, 'plume.sqlite');
  const undo = refuseWriting(file);
  let undone = false;
  const undoOnce = () => {
    if (undone) return;
    undone = true;
    undo();
  };
  cleanups.push(undoOnce);
  const t = createTestCore(folder.path, collectingLogger(lines));
  cleanups.push(() => t.core.close());
  return { t, file, postId: post.id, version: post.version, undo: undoOnce };
}

describe.skipIf(cannotRefuseWriting() !== null)(`a workspace file that refuses writing${cannotRefuseWriting() ? ` — skipped: ${cannotRefuseWriting()}` : ''}`, () => {
  it('answers errors.workspaceReadOnly naming the file, not an internal error, for a new post and for each save the editor retries', async () => {
    const lines: string[] = [];
    const { t, file, postId, version } = await readOnlyWorkspace(lines);
    const [partner] = await t.call('partners.list', {});

    const created = await refusal(t.call('posts.create', { partnerId: partner?.id ?? '', title: 'Nouvelle' }));
    expect(created).toMatchObject({ code: 'unavailable', messageKey: 'errors.workspaceReadOnly', details: { file } });
    for (let attempt = 0; attempt < 5; attempt++) {
      const saved = await refusal(t.call('posts.save', { id: postId, baseVersion: version, content: docFromParagraphs([`Essai ${attempt}.`]) }));
      expect(saved.messageKey).toBe('errors.workspaceReadOnly');
    }
    expect((await t.call('workspace.health', {})).readOnly).toBe(true);
    // Said once, with what to do; not once per retried save, and not blamed on anything else.
    const said = lines.filter((line) => line.includes('is read-only'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(file);
    expect(said[0]).toMatch(/Make it writable/);
    expect(lines.filter((line) => /procedure .* failed|keychain/.test(line))).toEqual([]);
    // Reads go on.
    expect((await t.call('posts.get', { id: postId })).plainText).toContain('Première version.');
  });

  it('saves again by itself once the file is writable again (the read-only connection is reopened)', async () => {
    const lines: string[] = [];
    const { t, postId, version, undo } = await readOnlyWorkspace(lines);
    const content = docFromParagraphs(['Deuxième version, écrite pendant la lecture seule.']);
    expect((await refusal(t.call('posts.save', { id: postId, baseVersion: version, content }))).messageKey).toBe('errors.workspaceReadOnly');

    undo();
    const health = await eventually(
      () => t.call('workspace.health', {}),
      (h) => !h.readOnly,
    );
    expect(health.readOnly).toBe(false);
    const saved = await eventually(
      () => t.raw('posts.save', { id: postId, baseVersion: version, content }),
      (result) => result.ok,
    );
    expect(saved.ok).toBe(true);
    expect((await t.call('posts.get', { id: postId })).plainText).toContain('Deuxième version');
    expect(lines.some((line) => line.includes('writable again'))).toBe(true);
  });
});
