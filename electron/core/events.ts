import { randomUUID } from 'node:crypto';
import type { AppEvent } from '../../shared/api/contract';

export type EventListener = (event: AppEvent) => void;

/** Core's outbound event stream; each transport subscribes and forwards to its UIs. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly boot = randomUUID();
  private seq = 0;

  /**
   * `<boot>.<seq>`: this run of core and how many events it has announced. A page compares the
   * mark of each answer with its event stream's to know whether an event fell between them.
   */
  mark(): string {
    return `${this.boot}.${this.seq}`;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    this.seq += 1;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed window) must not stop the others.
      }
    }
  }
}
