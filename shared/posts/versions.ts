import { z } from 'zod';
import { canonicalJson } from './canonicalJson';
import { plainTextOf, TipTapDoc } from './document';
import type { DocNode } from './document';
import { Network, networks as networkOrder } from './networks';

/**
 * Per-network versions (issue 16): a network's own body, replacing the common text for that
 * network only (a short X version, a more formal LinkedIn one). A network without one
 * receives the common text.
 */
export const NetworkVersion = z.object({
  content: z.custom<DocNode>((v) => typeof v === 'object' && v !== null),
  plainText: z.string(),
});
export type NetworkVersion = z.infer<typeof NetworkVersion>;

export const NetworkVersions = z.partialRecord(Network, NetworkVersion);
export type NetworkVersions = z.infer<typeof NetworkVersions>;

/** What an editor sends: each overridden network's document (core derives the plain text). */
export const NetworkVersionsInput = z.partialRecord(Network, TipTapDoc);
export type NetworkVersionsInput = z.input<typeof NetworkVersionsInput>;

/**
 * The stored versions for these documents, kept only for target networks (removing a network
 * drops its version), in the networks' order so equal maps store the same JSON.
 */
export function versionsFrom(docs: Partial<Record<Network, DocNode>>, targets: readonly Network[]): NetworkVersions {
  const versions: NetworkVersions = {};
  for (const network of networkOrder) {
    const content = docs[network];
    if (content && targets.includes(network)) versions[network] = { content, plainText: plainTextOf(content) };
  }
  return versions;
}

/** Only the documents of stored versions. */
export function versionDocs(versions: NetworkVersions): Partial<Record<Network, DocNode>> {
  const docs: Partial<Record<Network, DocNode>> = {};
  for (const network of networkOrder) {
    const version = versions[network];
    if (version) docs[network] = version.content;
  }
  return docs;
}

/** The networks that have a version, in the networks' order. */
export const versionNetworks = (versions: NetworkVersions): Network[] => networkOrder.filter((network) => versions[network] !== undefined);

/** The stored form: canonical JSON, so "did the versions change?" is a string comparison. */
export const versionsJson = (versions: NetworkVersions): string => canonicalJson(versions);
