import type { ImapFlow } from 'imapflow';
import type { Logger } from '../log';
import { disconnect } from './imapClient';

/**
 * Keeps one connection on INBOX and reads new mail as soon as the server says it arrived:
 * IMAP IDLE where the server offers it (imapflow idles by itself once the mailbox is open),
 * otherwise imapflow's periodic NOOP. A dropped connection just stops; the scheduler starts
 * a new watcher on its next tick.
 */
export class InboxWatcher {
  private client: ImapFlow | null = null;
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly open: () => Promise<ImapFlow>,
    private readonly onMail: (client: ImapFlow) => Promise<void>,
    private readonly log: Logger,
  ) {}

  get running(): boolean {
    return this.client?.usable ?? false;
  }

  async start(): Promise<void> {
    const client = await this.open();
    client.on('exists', () => void this.read());
    client.on('close', () => {
      if (this.client === client) this.client = null;
    });
    await client.mailboxOpen('INBOX', { readOnly: true });
    this.client = client;
    await this.read();
  }

  /** Reads what is new; a call during a read makes one more read afterwards, never two at once. */
  read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        const client = this.client;
        if (!client?.usable) return;
        try {
          await this.onMail(client);
        } catch (error) {
          this.log.error('reading the inbox failed', error);
        }
      // `again` is set by mail arriving while onMail awaited; TypeScript cannot see that.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      } while (this.again);
    })().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await disconnect(client);
  }
}
