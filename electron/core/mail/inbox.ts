import type { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import { attachmentParts, openPart } from './attachmentParts';
import type { AttachmentPart } from './attachmentParts';
import { fetchTextOnly } from './textParts';

export interface InboxPosition {
  uidValidity: string;
  lastUid: number;
}

export interface FetchedMessage {
  uid: number;
  /** When the server received it (INTERNALDATE): set by the server, not by the sender. */
  receivedAt: number | null;
  /** The whole message, or for one too big to load whole its headers and text part only. */
  source: Buffer;
  /** The files it carries, left on the server until `open` streams one. */
  attachments: AttachmentPart[];
  open(part: string): Promise<Readable | null>;
  /** The message's size on the server. */
  size: number;
}

/** A message that could not be read at all; the caller records and reports it. */
export interface UnreadableMessage {
  uid: number;
  receivedAt: number | null;
  size: number;
  /** Its headers, when they could be fetched (to say who sent it and thread it). */
  headers: Buffer | null;
  reason: 'noTextPart' | 'fetchFailed';
}

export interface ReadOptions {
  position: InboxPosition | null;
  /** With no usable position (first run, UIDVALIDITY changed): read what arrived since then; null = nothing old. */
  since: number | null;
  handle(message: FetchedMessage): Promise<void>;
  unreadable(message: UnreadableMessage): Promise<void>;
  /** Called after each handled message, so a crash re-reads at most one. */
  savePosition(position: InboxPosition): void;
}

/** Loaded whole up to this size; a bigger message (a reply with a photo) is read by its text part only. */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

const toInstant = (value: Date | string | undefined): number | null => {
  if (value === undefined) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
};

async function headersOf(client: ImapFlow, uid: number): Promise<Buffer | null> {
  const found = await client.fetchOne(String(uid), { uid: true, headers: true }, { uid: true });
  return found === false ? null : (found.headers ?? null);
}

/** Reads INBOX messages after the saved position, oldest first. Returns how many were handled. */
export async function readNewMessages(client: ImapFlow, options: ReadOptions): Promise<number> {
  const lock = await client.getMailboxLock('INBOX', { readOnly: true });
  try {
    const mailbox = client.mailbox;
    if (mailbox === false) return 0;
    const uidValidity = mailbox.uidValidity.toString();
    const position = options.position?.uidValidity === uidValidity ? options.position : null;
    let uids: number[];
    if (position !== null) {
      const found = await client.search({ uid: `${position.lastUid + 1}:*` }, { uid: true });
      uids = (Array.isArray(found) ? found : []).filter((uid) => uid > position.lastUid);
    } else if (options.since !== null) {
      const found = await client.search({ since: new Date(options.since) }, { uid: true });
      uids = Array.isArray(found) ? found : [];
    } else {
      options.savePosition({ uidValidity, lastUid: Math.max(0, mailbox.uidNext - 1) });
      return 0;
    }
    uids.sort((a, b) => a - b);
    let handled = 0;
    for (const uid of uids) {
      const meta = await client.fetchOne(String(uid), { uid: true, size: true, internalDate: true, bodyStructure: true }, { uid: true });
      if (meta !== false) {
        const size = meta.size ?? 0;
        const receivedAt = toInstant(meta.internalDate);
        const files = { attachments: meta.bodyStructure ? attachmentParts(meta.bodyStructure) : [], open: (part: string) => openPart(client, uid, part) };
        if (size <= MAX_MESSAGE_BYTES) {
          const full = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
          if (full !== false && full.source !== undefined) await options.handle({ uid, receivedAt, source: full.source, size, ...files });
          else await options.unreadable({ uid, receivedAt, size, headers: null, reason: 'fetchFailed' });
        } else {
          const text = await fetchTextOnly(client, uid);
          if (text !== null) await options.handle({ uid, receivedAt, source: text.source, size, ...files });
          else await options.unreadable({ uid, receivedAt, size, headers: await headersOf(client, uid), reason: 'noTextPart' });
        }
        handled++;
      }
      options.savePosition({ uidValidity, lastUid: uid });
    }
    if (uids.length === 0 && position === null) options.savePosition({ uidValidity, lastUid: Math.max(0, mailbox.uidNext - 1) });
    return handled;
  } finally {
    lock.release();
  }
}
