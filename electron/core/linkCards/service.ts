import type { LinkCardState } from '../../../shared/previews/schema';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { AddressPolicy } from './addressPolicy';
import { publicAddressesOnly } from './addressPolicy';
import { defaultFetchLimits, fetchPage } from './fetchPage';
import type { FetchLimits } from './fetchPage';
import { parseCard } from './parseCard';
import type { LinkCardRepository } from './repository';

export interface LinkCardOptions {
  /** Which addresses may be fetched; public ones only, except in the test of the good path. */
  policy?: AddressPolicy;
  limits?: Partial<FetchLimits>;
}

/** Refusals worth trying again later (the page may come back); the others stand until the link changes. */
const PASSING = new Set(['timeout', 'unreachable', 'httpStatus']);

/**
 * Link cards, fetched by core and kept in the workspace: previews read the cache only, so they
 * show the same card offline; a fetch that fails for a passing reason keeps the card fetched before.
 */
export class LinkCardService {
  private readonly policy: AddressPolicy;
  private readonly limits: FetchLimits;

  constructor(
    private readonly repository: LinkCardRepository,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: LinkCardOptions = {},
  ) {
    this.policy = options.policy ?? publicAddressesOnly;
    this.limits = { ...defaultFetchLimits, ...options.limits };
  }

  cached(url: string): LinkCardState {
    return this.repository.get(url) ?? { status: 'missing', url };
  }

  async fetch(url: string): Promise<LinkCardState> {
    const page = await fetchPage(url, this.policy, this.limits);
    const now = this.clock.now();
    if (!page.ok) {
      this.log.info(`link card for ${url} refused (${page.reason}): ${page.detail}`);
      const before = this.repository.get(url);
      if (before?.status === 'ready' && PASSING.has(page.reason)) return before;
      this.repository.putRefusal(url, page.reason, now);
      return { status: 'refused', url, reason: page.reason, at: now };
    }
    try {
      const card = parseCard(page.html, url, page.finalUrl, now);
      this.repository.putCard(card);
      return { status: 'ready', card };
    } catch (error) {
      this.log.info(`link card for ${url}: page not readable: ${error instanceof Error ? error.message : String(error)}`);
      this.repository.putRefusal(url, 'notHtml', now);
      return { status: 'refused', url, reason: 'notHtml', at: now };
    }
  }
}
