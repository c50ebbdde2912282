import { z } from 'zod';
import { procedure } from '../procedure';
import { Partner, PartnerId, PartnerInput } from '../../partners/schema';

export const partnerProcedures = {
  'partners.list': procedure(
    z.object({ includeArchived: z.boolean().default(false) }).strict().default({ includeArchived: false }),
    z.array(Partner),
  ),
  'partners.get': procedure(z.object({ id: PartnerId }).strict(), Partner),
  'partners.create': procedure(PartnerInput, Partner),
  'partners.update': procedure(z.object({ id: PartnerId, fields: PartnerInput }).strict(), Partner),
  'partners.setArchived': procedure(z.object({ id: PartnerId, archived: z.boolean() }).strict(), Partner),
  /** What archiving would hold back: the partner's posts set to go out (asked before the confirmation). */
  'partners.archiveImpact': procedure(z.object({ id: PartnerId }).strict(), z.object({ goingOut: z.number().int().nonnegative() }).strict()),
} as const;
