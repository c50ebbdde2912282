import type { TFunction } from 'i18next';
import type { MailFailure } from '../../../shared/mail/failure';
import { mailFailureParams } from '../../../shared/mail/failure';

/**
 * Why an email has not left, as one translated sentence saying what to do (`accounts.mail.failure.*`):
 * the Envoi page, the post's sign-off panel. Never a library's or the system's raw error.
 */
export const mailFailureText = (t: TFunction, failure: MailFailure): string => t(`accounts.mail.failure.${failure.reason}`, mailFailureParams(failure));
