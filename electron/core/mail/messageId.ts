import { randomBytes } from 'node:crypto';

/** A fresh RFC 5322 Message-ID, `<128 random bits@domain>`: unguessable, so it also authenticates a thread. */
export const newMessageId = (domain: string): string => `<${randomBytes(16).toString('hex')}@${domain}>`;

/** The ids found in an In-Reply-To or References value, each in angle brackets. */
export function messageIdsIn(value: string): string[] {
  return [...value.matchAll(/<[^<>\s]+>/g)].map((match) => match[0]);
}
