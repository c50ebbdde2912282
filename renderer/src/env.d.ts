import type { PlumeBridge } from '../../shared/api/transport';

declare global {
  interface Window {
    /** Present only inside the desktop app (set by the preload). */
    plumeBridge?: PlumeBridge;
  }
}
