import { z } from 'zod';

/**
 * « Garder ma version » in one tab replaces the text another tab saved: that tab is told so (its
 * text is in the history), not just « updated from another window ». Core's save event does not
 * say whose text a save replaced; the tabs of one browser (and the desktop's windows) tell each
 * other here.
 */
const KeptOver = z.object({ postId: z.string(), over: z.number().int() });
type KeptOver = z.infer<typeof KeptOver>;

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('plume.keptOver');

export const keptOver = {
  /** This tab is about to save its text over stored version `over` of the post. */
  announce(postId: string, over: number): void {
    const message: KeptOver = { postId, over };
    channel?.postMessage(message);
  },
  /** Calls `listener` with the version replaced, whenever another tab keeps its text over this post. */
  subscribe(postId: string, listener: (over: number) => void): () => void {
    if (!channel) return () => undefined;
    const onMessage = (event: MessageEvent<unknown>) => {
      // Another tab's message is a boundary: it may come from an older Plume.
      const parsed = KeptOver.safeParse(event.data);
      if (parsed.success && parsed.data.postId === postId) listener(parsed.data.over);
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  },
};
