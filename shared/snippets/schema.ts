import { z } from 'zod';

export const SnippetId = z.uuid();

/** A signature or disclosure (« Avocate au barreau de Paris »), a set of hashtags, a recurring phrase. */
export const SnippetKind = z.enum(['signature', 'hashtags', 'phrase']);
export type SnippetKind = z.infer<typeof SnippetKind>;

/**
 * A snippet's own shortcut: a digit, pressed with Ctrl+Shift (Cmd+Shift on a Mac). Digits are
 * read from the physical key, so AZERTY and QWERTY keyboards get the same shortcut.
 */
export const SnippetShortcut = z.string().regex(/^[1-9]$/u, { message: 'snippets.errors.shortcut' });

/** What the user types in the snippet form; the same schema validates in the form and in core. */
export const SnippetInput = z.object({
  kind: SnippetKind,
  name: z.string().trim().min(1, { message: 'errors.required' }).max(80, { message: 'errors.tooLong' }),
  text: z.string().trim().min(1, { message: 'errors.required' }).max(1000, { message: 'errors.tooLong' }),
  shortcut: SnippetShortcut.nullable().default(null),
});
export type SnippetInput = z.input<typeof SnippetInput>;
export type SnippetFields = z.output<typeof SnippetInput>;

export const Snippet = z.object({
  id: SnippetId,
  /** null: the firm's, offered for every partner. */
  partnerId: z.uuid().nullable(),
  kind: SnippetKind,
  name: z.string(),
  text: z.string(),
  shortcut: SnippetShortcut.nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Snippet = z.infer<typeof Snippet>;

/** The document node a locked snippet becomes in the editor (an atom: edited or deleted only as a whole). */
export const SNIPPET_NODE = 'snippet';
