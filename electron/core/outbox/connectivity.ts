import type { EventBus } from '../events';

/**
 * Whether the machine is online, as last reported by the UI (browser online/offline events)
 * or core's own check. While offline the outbox sends nothing and jobs wait, in order.
 */
export class Connectivity {
  private value = true;
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(private readonly events: EventBus) {}

  get online(): boolean {
    return this.value;
  }

  set(online: boolean): void {
    if (online === this.value) return;
    this.value = online;
    this.events.emit({ type: 'connectivity.changed', online });
    for (const listener of this.listeners) listener(online);
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
