import type { AppEvent } from '../../shared/api/contract';

export type EventListener = (event: AppEvent) => void;

/** Core's outbound event stream; each transport subscribes and forwards to its UIs. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed window) must not stop the others.
      }
    }
  }
}
