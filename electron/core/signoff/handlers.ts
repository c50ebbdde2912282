import { defineHandlers } from '../router';
import { notFound } from '../errors';
import { toView } from '../outbox/repository';
import type { Clock } from '../clock';
import type { SignoffFeature } from './feature';

export const signoffHandlers = (signoff: SignoffFeature, clock: Clock) =>
  defineHandlers({
    'signoff.status': ({ postId }) => signoff.views.status(postId),
    'signoff.request': (fields) => {
      signoff.service.request(fields);
      return signoff.views.status(fields.postId);
    },
    'signoff.recordDecision': (fields) => {
      signoff.service.recordDecision(fields);
      return signoff.views.status(fields.postId);
    },
    'signoff.withdraw': ({ postId }) => {
      signoff.service.withdraw(postId);
      return signoff.views.status(postId);
    },
    'signoff.history': ({ postId }) => signoff.views.history(postId),
    'signoff.attachment': ({ postId, sha256 }) => signoff.attachmentFiles.read(postId, sha256),
    'signoff.comments': ({ postId }) => signoff.comments.list(postId),
    'signoff.addComment': (fields) => signoff.comments.add(fields),
    'signoff.diff': ({ postId }) => signoff.views.diff(postId),
    'signoff.checkInbox': async () => {
      const result = await signoff.inbox.poll();
      return { checked: result.status === 'ok', processed: result.status === 'ok' ? result.processed : 0 };
    },
    'signoff.emailQueue': () => signoff.views.emailQueue(),
    'signoff.mailReachability': () => signoff.mailReachability.get(),
    'outbox.list': () => signoff.outbox.list().map(toView),
    'outbox.retry': ({ id }) => {
      const job = signoff.outbox.retry(id, clock.now());
      if (!job) throw notFound('outboxJob', id);
      signoff.scheduler.wake();
      return toView(job);
    },
    'outbox.setOnline': ({ online }) => {
      signoff.connectivity.set(online);
      return { online: signoff.connectivity.online };
    },
  });
