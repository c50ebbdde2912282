import StarterKit from '@tiptap/starter-kit';
import Placeholder from '@tiptap/extension-placeholder';
import type { Extensions } from '@tiptap/react';
import { CaretInBody } from './caretInBody';
import { EditorialLint } from './lint/extension';
import type { LintSession } from './lint/lintSession';
import { SnippetNode } from '../snippets/extension';
import type { SnippetSession } from '../snippets/snippetSession';
import { TypingStaysInEditor } from './typingStaysInEditor';

/**
 * TipTap's core extensions the post editors leave out. `delete` only emits a `delete` event
 * (nothing here listens), and to do so it diffs every transaction in a timer of its own: a task
 * after each keystroke, before its frame.
 */
export const omittedCoreExtensions = { delete: false } as const;

/**
 * What a social post can carry: paragraphs, bold, italic, lists, links. Headings, code,
 * quotes, rules, strike and underline are left out: no network renders them from text.
 */
export function postExtensions(placeholder: string, lintSession?: LintSession, snippetSession?: SnippetSession): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      codeBlock: false,
      code: false,
      blockquote: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        protocols: ['https', 'http', 'mailto'],
        defaultProtocol: 'https',
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Placeholder.configure({ placeholder }),
    CaretInBody,
    TypingStaysInEditor,
    ...(lintSession ? [EditorialLint.configure({ session: lintSession })] : []),
    // Always in the schema: a stored post may hold a snippet node.
    SnippetNode.configure({ session: snippetSession ?? null }),
  ];
}
