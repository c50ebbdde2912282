/** Replaces literal string types by `string`, so a translation has the same keys, any words. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export interface FeatureMessages {
  fr: Record<string, unknown>;
  en: Record<string, unknown>;
}

/**
 * A feature's own dictionary, under its own top-level namespace (e.g. `{ accounts: {…} }`).
 * English must have exactly French's keys: the compiler checks it.
 */
export const defineMessages = <T extends Record<string, unknown>>(fr: T, en: Widen<T>): FeatureMessages => ({ fr, en });
