import type { ImapFlow } from 'imapflow';

const SENT_NAMES = /^(sent|sent items|sent messages|sent mail|envoy[ée]s|messages envoy[ée]s|[ée]l[ée]ments envoy[ée]s)$/iu;

/** The account's Sent mailbox: the one flagged \Sent (RFC 6154), else a usual name. */
async function sentMailbox(client: ImapFlow): Promise<string | null> {
  const boxes = await client.list();
  const flagged = boxes.find((box) => box.specialUse === '\\Sent');
  return (flagged ?? boxes.find((box) => SENT_NAMES.test(box.name)))?.path ?? null;
}

/**
 * Whether a message with this Message-ID is in the Sent mailbox. Providers that file what
 * their SMTP server accepted (Gmail, Outlook.com, iCloud, Fastmail) answer "yes" for a message
 * that did leave; others never do, and the caller re-sends under the same Message-ID.
 */
export async function sentContains(client: ImapFlow, messageId: string): Promise<boolean> {
  const path = await sentMailbox(client);
  if (path === null) return false;
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    return Array.isArray(found) && found.length > 0;
  } finally {
    lock.release();
  }
}

/**
 * Files a sent message in the Sent mailbox, so the community manager's own mail client shows
 * what the partner received. Skipped where the provider filed it already (same Message-ID).
 * Returns false when the account has no Sent mailbox.
 */
export async function fileInSent(client: ImapFlow, raw: Buffer, messageId: string, date: Date): Promise<boolean> {
  const path = await sentMailbox(client);
  if (path === null) return false;
  if (await sentContains(client, messageId)) return true;
  await client.append(path, raw, ['\\Seen'], date);
  return true;
}
