import type { CalendarWarning } from '../../../shared/calendar/warnings';
import type { ComputedUnit, UnitKind } from './warningUnits';

interface Kept {
  /** The partner's zone and cadence the unit was computed with: another one is a miss. */
  basis: string;
  warnings: CalendarWarning[];
  postIds: string[];
}

/** More units than this (a year of 50 partners is ~3,300) and the cache starts over. */
const MAX_UNITS = 20_000;

const unitKey = (partnerId: string, kind: UnitKind, start: string) => `${partnerId}|${kind}|${start}`;

/**
 * Computed warning units by partner-week and partner-month, dropped when a post they read
 * changes or when a post lands in them. Each partner has a generation, bumped at each
 * invalidation: a computation that started before it is answered but not kept.
 */
export class WarningsCache {
  private readonly units = new Map<string, Kept>();
  private readonly unitsByPost = new Map<string, Set<string>>();
  private readonly generations = new Map<string, number>();
  /** Bumped by `clear`, so partners never seen before are covered too. */
  private epoch = 0;

  get(partnerId: string, kind: UnitKind, start: string, basis: string): CalendarWarning[] | null {
    const kept = this.units.get(unitKey(partnerId, kind, start));
    return kept && kept.basis === basis ? kept.warnings : null;
  }

  generation(partnerId: string): string {
    return `${this.epoch}:${this.generations.get(partnerId) ?? 0}`;
  }

  put(unit: ComputedUnit, basis: string, generation: string): void {
    if (this.generation(unit.partnerId) !== generation) return;
    if (this.units.size >= MAX_UNITS) this.clear();
    const key = unitKey(unit.partnerId, unit.kind, unit.start);
    this.units.set(key, { basis, warnings: unit.warnings, postIds: unit.postIds });
    for (const postId of unit.postIds) {
      const keys = this.unitsByPost.get(postId) ?? new Set<string>();
      keys.add(key);
      this.unitsByPost.set(postId, keys);
    }
  }

  /** A post changed: the units that read it go, and those of where it is now (`landing`), if any. */
  invalidatePost(postId: string, landing: { partnerId: string; week: string; month: string } | null): void {
    const keys = [...(this.unitsByPost.get(postId) ?? [])];
    if (landing) keys.push(unitKey(landing.partnerId, 'week', landing.week), unitKey(landing.partnerId, 'month', landing.month));
    const partners = new Set(landing ? [landing.partnerId] : []);
    for (const key of keys) {
      partners.add(key.slice(0, key.indexOf('|')));
      this.drop(key);
    }
    this.unitsByPost.delete(postId);
    for (const partnerId of partners) this.generations.set(partnerId, (this.generations.get(partnerId) ?? 0) + 1);
  }

  clear(): void {
    this.units.clear();
    this.unitsByPost.clear();
    this.epoch += 1;
  }

  private drop(key: string): void {
    const kept = this.units.get(key);
    if (!kept) return;
    this.units.delete(key);
    for (const postId of kept.postIds) this.unitsByPost.get(postId)?.delete(key);
  }
}
