import type { EventBus } from '../events';
import type { Connectivity } from '../outbox/connectivity';

export type MailServer = 'smtp' | 'imap';

/**
 * Whether the mail servers answered last time they were asked (null: not asked yet). Told
 * apart from the machine being online: the network may be fine while the SMTP server is down.
 */
export class MailReachability {
  private readonly state: Record<MailServer, boolean | null> = { smtp: null, imap: null };

  constructor(
    private readonly events: EventBus,
    /** The machine's connectivity (the UI's online/offline report); absent: assumed online. */
    private readonly connectivity: Pick<Connectivity, 'online'> | null = null,
  ) {}

  /**
   * Whether the machine is otherwise online as seen from `server`'s failure: the UI says so
   * (the status bar's own signal), or the other mail server answered last time. A name that
   * does not resolve is then a wrong name, not an outage.
   */
  otherwiseOnline(server: MailServer): boolean {
    const other: MailServer = server === 'smtp' ? 'imap' : 'smtp';
    return (this.connectivity?.online ?? true) || this.state[other] === true;
  }

  get(): Record<MailServer, boolean | null> {
    return { ...this.state };
  }

  set(server: MailServer, reachable: boolean): void {
    if (this.state[server] === reachable) return;
    this.state[server] = reachable;
    this.events.emit({ type: 'mail.reachability', ...this.get() });
  }
}
