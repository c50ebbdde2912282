import { z } from 'zod';
import { canonicalJson } from '../../../shared/posts/canonicalJson';
import { TipTapDoc } from '../../../shared/posts/document';
import type { DocNode } from '../../../shared/posts/document';
import { PostSaveInput } from '../../../shared/posts/schema';
import type { DraftFields } from './draftSaver';

/**
 * A copy, in the browser's own storage, of a post's text that core could not write (disk full,
 * a read-only file, core unreachable): the saver retries, but closing the tab or the window
 * ended the retries and the text was gone. The copy is written while saves fail and removed
 * once one succeeds; opening the post again offers it back. It holds the body and the fields
 * the editor edits (title, note, networks, partner).
 */
const UnsavedCopy = z.object({
  postId: z.string(),
  /** The stored version the copy's text was typed over. */
  baseVersion: z.number().int(),
  keptAt: z.number(),
  content: TipTapDoc,
  fields: PostSaveInput.pick({ title: true, note: true, networks: true, partnerId: true }),
});
export type UnsavedCopy = z.infer<typeof UnsavedCopy>;

const key = (postId: string): string => `plume.unsaved.${postId}`;

/** The browser's storage, or null where there is none (or it refuses: private mode, quota). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Keeps the text; false when the browser refused it too (its own storage full). */
export function keepUnsavedCopy(postId: string, baseVersion: number, content: DocNode, fields: DraftFields, now: number): boolean {
  const copy: UnsavedCopy = { postId, baseVersion, keptAt: now, content, fields };
  try {
    storage()?.setItem(key(postId), JSON.stringify(copy));
    return storage() !== null;
  } catch {
    return false;
  }
}

/** The copy kept for this post, if any and readable (a damaged entry is dropped). */
export function readUnsavedCopy(postId: string): UnsavedCopy | null {
  const raw = storage()?.getItem(key(postId));
  if (raw === null || raw === undefined) return null;
  try {
    const parsed = UnsavedCopy.safeParse(JSON.parse(raw));
    if (parsed.success && parsed.data.postId === postId) return parsed.data;
  } catch {
    // Not JSON: dropped below.
  }
  dropUnsavedCopy(postId);
  return null;
}

export function dropUnsavedCopy(postId: string): void {
  try {
    storage()?.removeItem(key(postId));
  } catch {
    // Nothing to drop where there is no storage.
  }
}

/** Whether the copy says something the stored post does not. */
export function copyDiffers(copy: UnsavedCopy, stored: { content: DocNode; title: string; note: string; networks: readonly string[]; partnerId: string }): boolean {
  const { title, note, networks, partnerId } = copy.fields;
  return (
    // Key order aside: core stores the body with its keys sorted, the editor writes them its own way.
    canonicalJson(copy.content) !== canonicalJson(stored.content) ||
    (title !== undefined && title !== stored.title) ||
    (note !== undefined && note !== stored.note) ||
    (partnerId !== undefined && partnerId !== stored.partnerId) ||
    (networks !== undefined && networks.join() !== stored.networks.join())
  );
}
