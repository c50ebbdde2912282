import type { EventBus } from '../events';

export type MailServer = 'smtp' | 'imap';

/**
 * Whether the mail servers answered last time they were asked (null: not asked yet). Told
 * apart from the machine being online: the network may be fine while the SMTP server is down.
 */
export class MailReachability {
  private readonly state: Record<MailServer, boolean | null> = { smtp: null, imap: null };

  constructor(private readonly events: EventBus) {}

  get(): Record<MailServer, boolean | null> {
    return { ...this.state };
  }

  set(server: MailServer, reachable: boolean): void {
    if (this.state[server] === reachable) return;
    this.state[server] = reachable;
    this.events.emit({ type: 'mail.reachability', ...this.get() });
  }
}
