import { defineHandlers } from '../router';
import type { PublicationService } from './service';

export const publishingHandlers = (publishing: PublicationService) =>
  defineHandlers({
    'publishing.status': ({ postId }) => publishing.status(postId),
    'publishing.setTarget': (input) => publishing.setTarget(input),
    'publishing.attachMedia': (input) => publishing.attachMedia(input),
    'publishing.setAlt': (input) => publishing.setAlt(input),
    'publishing.detachMedia': ({ postId, position }) => publishing.detachMedia(postId, position),
    'publishing.decideMissed': (input) => publishing.decideMissed(input),
    'publishing.retry': ({ postId }) => publishing.retry(postId),
    'publishing.manualDone': (input) => publishing.manualDone(input),
    'publishing.settings': () => publishing.settings(),
    'publishing.saveSettings': (settings) => publishing.saveSettings(settings),
    'publishing.queue': () => publishing.queue(),
  });
