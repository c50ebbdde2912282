import type { Logger } from '../../log';
import { defineHandlers } from '../../router';
import { credentialGuard } from '../guard';
import type { MailService } from './service';

export const mailHandlers = (mail: MailService, log: Logger) => {
  const guard = credentialGuard(log);
  return defineHandlers({
    'mail.get': () => mail.get(),
    'mail.save': (input) => guard(() => mail.save(input)),
    'mail.test': () => guard(() => mail.test()),
    'mail.remove': () =>
      guard(async () => {
        await mail.remove();
        return { ok: true as const };
      }),
  });
};
