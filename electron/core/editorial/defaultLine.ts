import { EditorialLine } from '../../../shared/editorial/lineSchema';

export const FIRM_LINE_ID = 'firm';

/**
 * The firm's line before anyone edits it, stored as version 1 on first read (so a check that
 * used it can be traced to a stored version). Only what no firm would argue with: each
 * network's hard limit, no link shorteners, French typography as a suggestion.
 */
export const defaultFirmLine = (): EditorialLine =>
  EditorialLine.parse({
    id: FIRM_LINE_ID,
    name: 'Ligne éditoriale du cabinet',
    version: 1,
    language: 'fr',
    rules: [
      { kind: 'networkLimits', id: 'network-limits', severity: 'error', locked: true },
      { kind: 'links', id: 'links', severity: 'warning' },
      { kind: 'frenchTypography', id: 'french-typography', severity: 'info' },
    ],
  });

/** A partner line's id: one line per partner. */
export const partnerLineId = (partnerId: string): string => `partner-${partnerId}`;
