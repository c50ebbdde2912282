import { defineHandlers } from '../router';
import type { SnippetService } from './service';

export const snippetHandlers = (snippets: SnippetService) =>
  defineHandlers({
    'snippets.list': ({ partnerId, includeFirm }) => snippets.list(partnerId, includeFirm),
    'snippets.create': ({ partnerId, fields }) => snippets.create(partnerId, fields),
    'snippets.update': ({ id, fields }) => snippets.update(id, fields),
    'snippets.delete': ({ id }) => {
      snippets.delete(id);
      return { ok: true as const };
    },
  });
