import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { availableSnippets } from '../../../shared/snippets/available';
import type { Snippet, SnippetFields } from '../../../shared/snippets/schema';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { PartnerRepository } from '../partners/repository';
import type { SnippetRepository } from './repository';

const shortcutTaken = (shortcut: string): ApiError =>
  new ApiError({
    code: 'validation',
    messageKey: 'errors.validation',
    message: `Shortcut ${shortcut} is already used`,
    issues: [{ path: ['fields', 'shortcut'], messageKey: 'snippets.errors.shortcutTaken' }],
  });

/** The firm's snippets and each partner's. */
export class SnippetService {
  constructor(
    private readonly snippets: SnippetRepository,
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
  ) {}

  /** One owner's snippets; `includeFirm` adds the firm's after a partner's, as the editor offers them. */
  list(partnerId: string | null, includeFirm: boolean): Snippet[] {
    if (partnerId === null) return this.snippets.list(null);
    this.partner(partnerId);
    return includeFirm ? availableSnippets(this.snippets.listWithFirm(partnerId), partnerId) : this.snippets.list(partnerId);
  }

  create(partnerId: string | null, fields: SnippetFields): Snippet {
    if (partnerId !== null) this.partner(partnerId);
    const id = randomUUID();
    this.checkShortcut(partnerId, fields, id);
    this.snippets.insert(id, partnerId, fields, this.clock.now());
    return this.get(id);
  }

  update(id: string, fields: SnippetFields): Snippet {
    const current = this.get(id);
    this.checkShortcut(current.partnerId, fields, id);
    this.snippets.update(id, fields, this.clock.now());
    return this.get(id);
  }

  delete(id: string): void {
    this.get(id);
    this.snippets.delete(id);
  }

  private get(id: string): Snippet {
    const snippet = this.snippets.get(id);
    if (!snippet) throw new ApiError({ code: 'not_found', messageKey: 'snippets.errors.notFound', message: `snippet ${id} not found` });
    return snippet;
  }

  private partner(id: string): void {
    if (!this.partners.get(id)) throw notFound('partner', id);
  }

  private checkShortcut(partnerId: string | null, fields: SnippetFields, id: string): void {
    if (fields.shortcut !== null && this.snippets.shortcutTaken(partnerId, fields.shortcut, id)) throw shortcutTaken(fields.shortcut);
  }
}
