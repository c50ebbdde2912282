import type { ImapFlow } from 'imapflow';
import { connectImap, disconnect } from '../mail/imapClient';
import { readNewMessages } from '../mail/inbox';
import { UnreadableMimeError, parseInbound } from '../mail/inboundMessage';
import type { InboundMessage } from '../mail/inboundMessage';
import { InboxWatcher } from '../mail/inboxWatcher';
import { describeError, isUnreachable } from '../mail/networkErrors';
import type { SignoffDeps } from './deps';
import { digestOf } from './replies';
import type { ReplyProcessor } from './replies';
import { UnreadableReplies } from './unreadableReplies';
import { DeliveryFailures } from './deliveryFailures';
import { keepReplyAttachments } from './replyAttachments';

const MAILBOX = 'INBOX';
/** IMAP SINCE has a day's granularity: read back a day before the oldest open request. */
const FIRST_READ_MARGIN_MS = 24 * 3_600_000;
/** The watcher idles one second after its last command, so new mail is announced at once. */
const WATCHER_IDLE_DELAY_MS = 1_000;

export type PollResult = { status: 'ok'; processed: number } | { status: 'notConfigured' } | { status: 'failed'; error: string };

/** What the header block alone says (sender, subject, thread), or null when even that is unreadable. */
async function headersOnly(source: Buffer): Promise<InboundMessage | null> {
  const end = source.indexOf('\r\n\r\n');
  const head = end === -1 ? source : source.subarray(0, end + 4);
  const plain = Buffer.concat([Buffer.from(head.toString('latin1').replace(/^content-type\s*:.*(\r?\n[ \t].*)*\r?\n/gim, ''), 'latin1'), Buffer.from('\r\n')]);
  try {
    return await parseInbound(plain);
  } catch {
    return null;
  }
}

/** Reads sign-off replies from the workstation's inbox, by polling or with a watcher (IDLE). */
export class InboxReader {
  /** One read at a time, whoever asks (poll, watcher, "check now"). */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unreadable: UnreadableReplies;
  private readonly deliveryFailures: DeliveryFailures;

  constructor(
    private readonly deps: SignoffDeps,
    private readonly processor: ReplyProcessor,
  ) {
    this.unreadable = new UnreadableReplies(deps);
    this.deliveryFailures = new DeliveryFailures(deps);
  }

  get configured(): boolean {
    return this.deps.mail.settings() !== null;
  }

  /** Connects, reads what is new, disconnects. */
  async poll(): Promise<PollResult> {
    let client: ImapFlow | null;
    try {
      client = await this.connect();
    } catch (error) {
      if (isUnreachable(error)) this.deps.mailReachability.set('imap', false);
      return { status: 'failed', error: describeError(error) };
    }
    if (client === null) return { status: 'notConfigured' };
    this.deps.mailReachability.set('imap', true);
    try {
      return { status: 'ok', processed: await this.read(client) };
    } catch (error) {
      if (isUnreachable(error)) this.deps.mailReachability.set('imap', false);
      return { status: 'failed', error: describeError(error) };
    } finally {
      await disconnect(client);
    }
  }

  /** A watcher keeping a connection open on INBOX (IDLE). */
  watcher(): InboxWatcher {
    return new InboxWatcher(
      async () => {
        const client = await this.connect(WATCHER_IDLE_DELAY_MS);
        if (client === null) throw new Error('mail account not configured');
        return client;
      },
      async (client) => {
        await this.read(client);
      },
      this.deps.log,
    );
  }

  /** Reads new messages on an open connection; serialised with every other read. */
  read(client: ImapFlow): Promise<number> {
    const run = this.queue.then(() => this.readNow(client));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readNow(client: ImapFlow): Promise<number> {
    const key = await this.deps.key.get();
    const oldest = this.deps.signoff.oldestOpenRequestAt();
    let processed = 0;
    await readNewMessages(client, {
      position: this.deps.replies.inboxPosition(MAILBOX),
      since: oldest === null ? null : oldest - FIRST_READ_MARGIN_MS,
      handle: async (fetched) => {
        let message;
        try {
          message = await parseInbound(fetched.source);
        } catch (error) {
          this.deps.log.error(`unreadable message uid ${fetched.uid}`, error);
          const reason = error instanceof UnreadableMimeError ? error.reason : 'parseFailed';
          const headers = await headersOnly(fetched.source);
          this.unreadable.record({ headers, receivedAt: fetched.receivedAt, size: fetched.size, reason, sourceDigest: digestOf(fetched.source) });
          processed++;
          return;
        }
        const sourceDigest = digestOf(fetched.source);
        if (message.deliveryReport !== null) {
          // A bounce of a request: the partner never got it. Told, never a decision.
          this.deliveryFailures.record({ message, report: message.deliveryReport, receivedAt: fetched.receivedAt, sourceDigest });
          processed++;
          return;
        }
        if (!message.hasText) {
          // No part a reader can read (an opaque S/MIME signature): never "changes requested" with nothing said.
          this.unreadable.record({ headers: message, receivedAt: fetched.receivedAt, size: fetched.size, reason: 'noTextPart', sourceDigest });
          processed++;
          return;
        }
        // The raw reply is kept before it is judged: the record holds what arrived, applied or not.
        const eml = this.deps.archive?.store(fetched.source, { direction: 'received', messageId: message.messageId, requestId: null });
        // Files are streamed into the store before the reply is judged: its audit fact lists them.
        const store = this.deps.attachments?.store;
        const attachments =
          store !== undefined && fetched.attachments.length > 0 && this.processor.wantsAttachments(message, sourceDigest)
            ? await keepReplyAttachments(fetched, store, this.deps.log)
            : [];
        const outcome = this.processor.process({ message, receivedAt: fetched.receivedAt, sourceDigest, eml, attachments }, key);
        if (outcome.outcome !== 'unmatched' && outcome.outcome !== 'duplicate') processed++;
      },
      unreadable: async (info) => {
        const headers = info.headers === null ? null : await headersOnly(info.headers);
        const digest = digestOf(Buffer.concat([Buffer.from(`${info.uid}:${info.size}\n`), info.headers ?? Buffer.alloc(0)]));
        this.unreadable.record({ headers, receivedAt: info.receivedAt, size: info.size, reason: info.reason, sourceDigest: digest });
        processed++;
      },
      savePosition: (position) => this.deps.replies.saveInboxPosition(MAILBOX, position, this.deps.clock.now()),
    });
    return processed;
  }

  private async connect(autoIdleDelayMs?: number): Promise<ImapFlow | null> {
    const settings = this.deps.mail.settings();
    if (settings === null) return null;
    const password = await this.deps.mail.password();
    if (password === null) return null;
    return connectImap(settings, password, autoIdleDelayMs === undefined ? {} : { autoIdleDelayMs });
  }
}
