import { defineHandlers } from '../router';
import type { DigestService } from './service';

export const digestHandlers = (digest: DigestService) =>
  defineHandlers({
    'digest.settings': ({ partnerId }) => digest.settings(partnerId),
    'digest.setFrequency': ({ partnerId, frequency }) => digest.setFrequency(partnerId, frequency),
    'digest.preview': ({ partnerId }) => digest.preview(partnerId),
    'digest.sent': ({ partnerId }) => digest.sent(partnerId),
    'digest.queue': () => digest.queue(),
    'digest.sendNow': ({ partnerId }) => digest.sendNow(partnerId),
    'digest.cadenceFlags': () => digest.cadenceFlags(),
  });
