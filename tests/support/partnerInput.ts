import type { ProcedureInput } from '../../shared/api/contract';

/** A partner as `partners.create` takes it: Me Claire Dupont of Cabinet Arcand, or another name at the same firm. */
export const partnerInput = (displayName = 'Me Claire Dupont'): ProcedureInput<'partners.create'> => ({
  displayName,
  role: 'Associée',
  organisation: 'Cabinet Arcand',
  color: '#1d4ed8',
  timeZone: 'Europe/Paris',
  locale: 'fr',
  signoffEmail: 'claire.dupont@example.org',
});
