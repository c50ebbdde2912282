/**
 * Whether core answers (always true on desktop; the loopback server may be down in browser
 * mode), and whether it still knows this tab: after a restart that lost the session, every call
 * gets 401 and the tab must say so instead of looking online.
 */
type Listener = (reachable: boolean) => void;

let reachable = true;
let signedOut = false;
const listeners = new Set<Listener>();
const notify = () => {
  for (const listener of listeners) listener(reachable);
};

export const connection = {
  get: () => reachable,
  set(next: boolean) {
    if (next === reachable) return;
    reachable = next;
    notify();
  },
  signedOut: () => signedOut,
  setSignedOut(next: boolean) {
    if (next === signedOut) return;
    signedOut = next;
    notify();
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
