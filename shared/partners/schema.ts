import { z } from 'zod';
import { Network } from '../posts/networks';
import { canonicalTimeZone, isValidTimeZone, zoneOfCity } from './timeZones';

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

export const PartnerId = z.uuid();

/** How the partner is addressed; the editorial pack writes "Avocate" for madame, "Avocat" otherwise. */
export const FormOfAddress = z.enum(['', 'madame', 'monsieur']);
export type FormOfAddress = z.infer<typeof FormOfAddress>;

/** Networks ticked on each new post of the partner, each once. */
const DefaultNetworks = z.array(Network).max(10).transform((list) => [...new Set(list)]);

/** The longest text of each of a partner's fields, and the longest sign-off lead (hours): the form's messages name them. */
export const partnerLimits = { displayName: 120, role: 120, organisation: 160, signoffLeadHours: 720 } as const;

// The partner form translates a message's key alone: each key here is a whole sentence.
const trimmed = (field: 'displayName' | 'role' | 'organisation') =>
  z.string().trim().max(partnerLimits[field], { message: `errors.partner.${field}` });
const signoffLead = { error: 'errors.partner.signoffLead' };

/** What a user types in the partner form; the same schema validates in the form and in core. */
export const PartnerInput = z.object({
  displayName: trimmed('displayName').min(1, { message: 'errors.required' }),
  role: trimmed('role').default(''),
  organisation: trimmed('organisation').default(''),
  /** Omitted: a new partner gets a palette colour nobody uses yet; an update keeps the stored one. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'errors.color' })
    .optional(),
  /** A zone (« Europe/Paris ») or a city's name as people type it (« Paris », « Montréal », « Londres »). */
  timeZone: z
    .string()
    .trim()
    .transform((typed) => (isValidTimeZone(typed) ? typed : (zoneOfCity(typed) ?? typed)))
    .refine(isValidTimeZone, { message: 'errors.timeZone' })
    .transform(canonicalTimeZone),
  locale: Locale.default('fr'),
  signoffEmail: z
    .union([z.literal(''), z.string().trim().pipe(z.email({ message: 'errors.email' }))])
    .default(''),
  /** Sign-off due this long before publication; omitted keeps the stored value (default 24 h). */
  signoffLeadMinutes: z.number(signoffLead).int(signoffLead).min(0, signoffLead).max(partnerLimits.signoffLeadHours * 60, signoffLead).optional(),
  /** Omitted keeps the stored value (none for a new partner). */
  defaultNetworks: DefaultNetworks.optional(),
  /** Omitted keeps the stored value ('' for a new partner). */
  formOfAddress: FormOfAddress.optional(),
});
export type PartnerInput = z.input<typeof PartnerInput>;
export type PartnerFields = z.output<typeof PartnerInput>;

export const Partner = z.object({
  id: PartnerId,
  displayName: z.string(),
  role: z.string(),
  organisation: z.string(),
  color: z.string(),
  timeZone: z.string(),
  locale: Locale,
  signoffEmail: z.string(),
  signoffLeadMinutes: z.number().int(),
  defaultNetworks: z.array(Network),
  formOfAddress: FormOfAddress,
  isExample: z.boolean(),
  archivedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Partner = z.infer<typeof Partner>;
