import { hardLimit, measure } from '../editorial/networks/measure';
import type { MeasureOptions } from '../editorial/networks/measure';
import type { Network } from '../posts/networks';
import type { SignoffContent } from '../signoff/revisionHash';
import type { ChainPreview, NetworkPreview } from './schema';
import { segmentsOf, spansFor } from './segments';

function chainItem(network: Network, text: string, options: MeasureOptions): ChainPreview {
  const measured = measure(network, text, options);
  return { text, segments: segmentsOf(text, spansFor(network, text)), count: { used: measured.used, limit: hardLimit(network, options), over: measured.over } };
}

/**
 * The approved thread and first comment of one network, for its preview: the first part is the
 * post's own text (what the connector sends first), the others and the comment follow as replies.
 */
export function chainOfPreview(network: Network, content: Pick<SignoffContent, 'threads' | 'firstComments'>, options: MeasureOptions): { first: string | null; extra: Pick<NetworkPreview, 'thread' | 'firstComment'> } {
  const parts = content.threads?.[network] ?? [];
  const comment = content.firstComments?.[network];
  return {
    first: parts[0] ?? null,
    extra: {
      ...(parts.length > 1 ? { thread: parts.slice(1).map((part) => chainItem(network, part, options)) } : {}),
      ...(comment === undefined ? {} : { firstComment: chainItem(network, comment, options) }),
    },
  };
}
