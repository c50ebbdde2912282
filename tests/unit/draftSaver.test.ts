import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { docFromParagraphs } from '../../shared/posts/document';
import type { Post, PostSaveInput } from '../../shared/posts/schema';
import { DraftSaver } from '../../renderer/src/editor/draftSaver';
import type { SaverStatus } from '../../renderer/src/editor/draftSaver';

const postId = '2b1a6c1e-8b5f-4f0e-9a53-0d6f1c9f7e11';

function fakePost(version: number): Post {
  return {
    id: postId,
    partnerId: postId,
    title: '',
    note: '',
    networks: [],
    content: docFromParagraphs([]),
    plainText: '',
    versions: {},
    status: 'draft',
    version,
    revisionCount: version,
    scheduledAt: null,
    scheduledZone: null,
    createdAt: 0,
    updatedAt: Date.now(),
  };
}

describe('draft autosave', () => {
  let saves: PostSaveInput[];
  let kept: number;
  let statuses: SaverStatus[];
  let respond: (input: PostSaveInput) => Promise<Post>;
  let text: string;
  let saver: DraftSaver;

  beforeEach(() => {
    vi.useFakeTimers();
    saves = [];
    kept = 0;
    statuses = [];
    text = '';
    respond = (input) => Promise.resolve(fakePost(input.baseVersion + 1));
    saver = new DraftSaver({
      postId,
      baseVersion: 1,
      readContent: () => docFromParagraphs([text]),
      save: (input) => {
        saves.push(input);
        return respond(input);
      },
      keepRevision: () => {
        kept++;
        return Promise.resolve(fakePost(saver.baseVersion));
      },
      onSaved: () => undefined,
      onStatus: (status) => statuses.push(status),
      policy: { quietMs: 300, maxWaitMs: 700 },
      revisionPolicy: { pauseMs: 30_000 },
      retryMs: 1000,
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const type = async (chars: string, everyMs: number) => {
    for (const c of chars) {
      text += c;
      saver.contentChanged();
      await vi.advanceTimersByTimeAsync(everyMs);
    }
  };

  it('saves once after a pause, with the latest content and base version', async () => {
    await type('Bonjour', 50);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.baseVersion).toBe(1);
    expect(saves[0]?.content).toEqual(docFromParagraphs(['Bonjour']));
    expect(saver.currentStatus).toBe('clean');
    expect(saver.baseVersion).toBe(2);
  });

  it('saves a per-network version after a pause like the body, and keeps the newest one for the retry when core is unreachable', async () => {
    let down = true;
    respond = (input) => (down ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(fakePost(input.baseVersion + 1)));
    saver.edit({ versions: { x: docFromParagraphs(['Court']) } });
    await vi.advanceTimersByTimeAsync(400);
    expect(saves.at(-1)?.versions).toEqual({ x: docFromParagraphs(['Court']) });
    expect(saver.currentStatus).toBe('retrying');
    // Typed while the save was failing: the retry carries the newest versions.
    saver.edit({ versions: { x: docFromParagraphs(['Court !']) } });
    down = false;
    await vi.advanceTimersByTimeAsync(1100);
    expect(saver.currentStatus).toBe('clean');
    expect(saves.at(-1)?.versions).toEqual({ x: docFromParagraphs(['Court !']) });
    expect(saver.hasPending).toBe(false);
  });

  it('saves at least every maxWait during continuous typing', async () => {
    await type('x'.repeat(60), 50); // 3 s of typing
    expect(saves.length).toBeGreaterThanOrEqual(4);
    // the next save builds on the version the previous one returned
    expect(saves.map((s) => s.baseVersion)).toEqual(saves.map((_, i) => i + 1));
  });

  it('keeps edits while core reopens the workspace file and saves them by itself once it is open again', async () => {
    let reopening = true;
    respond = (input) =>
      reopening
        ? Promise.reject(new ApiError({ code: 'unavailable', messageKey: 'errors.workspaceReopening', message: 'reopening', details: { retryable: true } }))
        : Promise.resolve(fakePost(input.baseVersion + 1));
    await type('abc', 10);
    await vi.advanceTimersByTimeAsync(400);
    // Retried, never taken for a refusal of the text (invalid) or a conflict.
    expect(saver.currentStatus).toBe('retrying');
    expect(saver.hasPending).toBe(true);
    reopening = false;
    await vi.advanceTimersByTimeAsync(1100);
    expect(saver.currentStatus).toBe('clean');
    expect(saves.at(-1)?.content).toEqual(docFromParagraphs(['abc']));
  });

  it('text put back over an older version than the one stored waits, as a conflict, for « keep mine » before anything is saved', async () => {
    saver.conflictOver(1);
    expect(saver.currentStatus).toBe('conflict');
    text = 'Texte de la panne';
    saver.contentChanged();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(saves).toHaveLength(0);
    expect(saver.baseVersion).toBe(1);
    await saver.keepMine(3);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.baseVersion).toBe(3);
    expect(saves[0]?.content).toEqual(docFromParagraphs(['Texte de la panne']));
    expect(saver.currentStatus).toBe('clean');
  });

  it('keeps edits when core is unreachable and retries until it answers', async () => {
    let down = true;
    respond = (input) => (down ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(fakePost(input.baseVersion + 1)));
    await type('abc', 10);
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.currentStatus).toBe('retrying');
    expect(saver.hasPending).toBe(true);
    down = false;
    await vi.advanceTimersByTimeAsync(1100);
    expect(saver.currentStatus).toBe('clean');
    expect(saves.at(-1)?.content).toEqual(docFromParagraphs(['abc']));
  });

  it('stops on a conflict, keeps the edits, and saves over the stored version when told to', async () => {
    respond = () => Promise.reject(new ApiError({ code: 'conflict', messageKey: 'errors.conflict', message: 'conflict' }));
    await type('mine', 10);
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.currentStatus).toBe('conflict');
    const attempts = saves.length;
    await type('!', 10);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves.length).toBe(attempts); // no silent overwrite while in conflict
    respond = (input) => Promise.resolve(fakePost(input.baseVersion + 1));
    await saver.keepMine(7);
    expect(saves.at(-1)?.baseVersion).toBe(7);
    expect(saves.at(-1)?.content).toEqual(docFromParagraphs(['mine!']));
    expect(saver.currentStatus).toBe('clean');
  });

  it('flush saves immediately and merges field edits', async () => {
    saver.edit({ title: 'Titre' });
    saver.edit({ note: 'Note' });
    await saver.flush();
    expect(saves).toEqual([{ id: postId, baseVersion: 1, title: 'Titre', note: 'Note' }]);
  });

  it('edits typed while a save is in flight go out in the next save', async () => {
    let release: () => void = () => undefined;
    respond = (input) =>
      new Promise((resolve) => {
        release = () => resolve(fakePost(input.baseVersion + 1));
      });
    text = 'a';
    saver.contentChanged();
    const first = saver.flush();
    text = 'ab';
    saver.contentChanged();
    release();
    await first;
    await vi.advanceTimersByTimeAsync(800);
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(saves).toHaveLength(2);
    expect(saves[1]?.content).toEqual(docFromParagraphs(['ab']));
    expect(saves[1]?.baseVersion).toBe(2);
  });

  it('asks for one revision after a pause in typing, not one per autosave', async () => {
    await type('Une phrase entière, tapée sans pause.', 80);
    expect(saves.length).toBeGreaterThan(3);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(kept).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(kept).toBe(1);
    // A second pause without typing asks nothing more.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kept).toBe(1);
  });

  it('typing again before the pause ends pushes it back', async () => {
    await type('abc', 10);
    await vi.advanceTimersByTimeAsync(20_000);
    await type('d', 10);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(kept).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(kept).toBe(1);
  });

  it('leaving the post saves what is pending, then keeps it as a revision; leaving untouched asks nothing', async () => {
    await type('ab', 10);
    await saver.leave();
    expect(saves.at(-1)?.content).toEqual(docFromParagraphs(['ab']));
    expect(kept).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kept).toBe(1);
  });

  it('Ctrl+S keeps a revision even with nothing typed here, after saving what is pending', async () => {
    await saver.keepRevision(true);
    expect(kept).toBe(1);
    await type('x', 10);
    await saver.keepRevision(true);
    expect(saves.at(-1)?.content).toEqual(docFromParagraphs(['x']));
    expect(kept).toBe(2);
  });

  it('asks for no revision while edits cannot be saved (the text is not on disk)', async () => {
    respond = () => Promise.reject(new ApiError({ code: 'conflict', messageKey: 'errors.conflict', message: 'conflict' }));
    await type('mine', 10);
    await saver.keepRevision(true);
    expect(saver.currentStatus).toBe('conflict');
    expect(kept).toBe(0);
  });
});
