import { lintWorkerHandler } from './lintWorkerHandler';

/**
 * The editor's lint, off the main thread: the page keeps typing while a 300-rule line runs
 * over the post here. `shared/editorial` is pure, so this is the very same `lint`.
 */
const handle = lintWorkerHandler();

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const reply = handle(event.data);
  if (reply) self.postMessage(reply);
});
