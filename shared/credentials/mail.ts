import { z } from 'zod';
import { wholeNumberBetween } from '../api/issueKeys';
import { AccountStatus } from './account';
import { CredentialErrorCode } from './errors';

/** tls: TLS from the first byte (465/993); starttls: upgrade after connecting (587/143). */
export const MailSecurity = z.enum(['tls', 'starttls', 'none']);
export type MailSecurity = z.infer<typeof MailSecurity>;

const host = z
  .string()
  .trim()
  .min(1, { message: 'errors.required' })
  .max(253, { message: 'errors.tooLong' })
  .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'errors.invalid' });

export const MailServer = z.object({
  host,
  port: wholeNumberBetween(1, 65535),
  security: MailSecurity,
});
export type MailServer = z.infer<typeof MailServer>;

/** The workstation's mail account; `password` omitted on update keeps the stored one. */
export const MailAccountInput = z
  .object({
    smtp: MailServer,
    imap: MailServer,
    username: z.string().trim().min(1, { message: 'errors.required' }).max(320, { message: 'errors.tooLong' }),
    fromAddress: z.string().trim().min(1, { message: 'errors.required' }).pipe(z.email({ message: 'errors.email' })),
    fromName: z.string().trim().max(120, { message: 'errors.tooLong' }).default(''),
    password: z.string().min(1, { message: 'errors.required' }).max(500, { message: 'errors.tooLong' }).optional(),
  })
  .strict();
export type MailAccountInput = z.input<typeof MailAccountInput>;

export const MailAccount = z.object({
  smtp: MailServer,
  imap: MailServer,
  username: z.string(),
  fromAddress: z.string(),
  fromName: z.string(),
  hasPassword: z.boolean(),
  status: AccountStatus,
  lastErrorCode: CredentialErrorCode.nullable(),
  lastTestedAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
});
export type MailAccount = z.infer<typeof MailAccount>;

/**
 * One server's test. offline: the machine has no network (nothing learnt, the status is kept);
 * noAnswer: the server did not answer in time, or cut the line (status kept too); failed: the
 * server, its name or its port is wrong (`messageKey` translated with `params`: host, port).
 */
export const ProbeResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok') }),
  z.object({ outcome: z.literal('offline') }),
  z.object({ outcome: z.literal('noAnswer') }),
  z.object({
    outcome: z.literal('failed'),
    code: CredentialErrorCode,
    messageKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
]);
export type ProbeResult = z.infer<typeof ProbeResult>;

export const MailTest = z.object({ smtp: ProbeResult, imap: ProbeResult, account: MailAccount });
export type MailTest = z.infer<typeof MailTest>;
