import { describe, expect, it } from 'vitest';
import { silentNetworks } from '../../../shared/digest/cadenceFlag';

const now = Date.parse('2026-11-30T10:00:00Z');
const ADDED = Date.parse('2026-09-01T10:00:00Z');
const policy = { postsPerWeek: [{ network: 'linkedin' as const, min: 1 }, { network: 'x' as const, max: 5 }, { network: 'bluesky' as const, min: 0 }] };

describe('silentNetworks', () => {
  it('flags a network with a weekly minimum after more than 7 local days without a post', () => {
    const flags = silentNetworks({ policy, lastPublished: { linkedin: Date.parse('2026-11-22T09:00:00Z') }, since: ADDED, zone: 'Europe/Paris', now });
    expect(flags).toEqual([{ network: 'linkedin', minPerWeek: 1, lastPublishedAt: Date.parse('2026-11-22T09:00:00Z'), daysSilent: 8 }]);
  });

  it('does not flag a post exactly 7 local days ago', () => {
    expect(silentNetworks({ policy, lastPublished: { linkedin: Date.parse('2026-11-23T09:00:00Z') }, since: ADDED, zone: 'Europe/Paris', now })).toEqual([]);
  });

  it('counts days in the partner’s zone: 23:30 UTC is already the next day in Paris', () => {
    const last = Date.parse('2026-11-22T23:30:00Z');
    expect(silentNetworks({ policy, lastPublished: { linkedin: last }, since: ADDED, zone: 'Europe/Paris', now })).toEqual([]);
    expect(silentNetworks({ policy, lastPublished: { linkedin: last }, since: ADDED, zone: 'UTC', now })).toHaveLength(1);
  });

  it('flags a network never posted on, counted from the partner’s creation, and never one without a minimum', () => {
    expect(silentNetworks({ policy, lastPublished: {}, since: ADDED, zone: 'Europe/Paris', now })).toEqual([{ network: 'linkedin', minPerWeek: 1, lastPublishedAt: null, daysSilent: 90 }]);
    expect(silentNetworks({ policy, lastPublished: {}, since: Date.parse('2026-11-25T10:00:00Z'), zone: 'Europe/Paris', now })).toEqual([]);
    expect(silentNetworks({ policy: { postsPerWeek: [] }, lastPublished: {}, since: ADDED, zone: 'Europe/Paris', now })).toEqual([]);
  });
});
