import type { Network } from '../posts/networks';
import type { SignoffContent } from './revisionHash';

/**
 * What the request email shows the partner for each network, as a quote of it reads once the
 * email's own markers are taken out: the thread's parts (or the text) and then the first comment,
 * one per line. A reply's quote is compared with this, so an unchanged quote of a thread is no
 * correction, and an edited part is one.
 */
export function quotedTexts(content: SignoffContent): Partial<Record<Network, string>> {
  const out: Partial<Record<Network, string>> = {};
  for (const [network, text] of Object.entries(content.texts) as [Network, string | undefined][]) {
    if (text === undefined) continue;
    const parts = content.threads?.[network];
    const comment = content.firstComments?.[network];
    out[network] = [...(parts && parts.length > 0 ? parts : [text]), ...(comment === undefined ? [] : [comment])].join('\n');
  }
  return out;
}

/** Whether a network goes out as more than one text (a thread, or a first comment after it). */
export const isChained = (content: SignoffContent, network: Network): boolean =>
  (content.threads?.[network]?.length ?? 0) > 0 || content.firstComments?.[network] !== undefined;
