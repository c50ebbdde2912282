/** Whether core answers (always true on desktop; the loopback server may be down in browser mode). */
type Listener = (reachable: boolean) => void;

let reachable = true;
const listeners = new Set<Listener>();

export const connection = {
  get: () => reachable,
  set(next: boolean) {
    if (next === reachable) return;
    reachable = next;
    for (const listener of listeners) listener(next);
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
