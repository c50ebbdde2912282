import { useSyncExternalStore } from 'react';
import i18next from 'i18next';

type Values = Readonly<Record<string, string | number>>;

/** Texts already translated in the current language, by key and values. */
const texts = new Map<string, string>();
let textsLanguage = '';
/** A calendar page asks a few thousand distinct texts at most; past this, start afresh. */
const MAX_TEXTS = 20_000;
// Dictionaries are static today; should one be added or changed at run time, nothing stale stays.
i18next.on('added', () => texts.clear());
i18next.on('removed', () => texts.clear());

/**
 * `t(key, values)` remembered: a calendar view draws hundreds of chips that each ask the same
 * few texts ("Glisser-déposer", "Approuvé", "heure de Montréal"…), and i18next resolves every
 * call again (~30 µs each: a busy week spent 40 ms of its first render there). Values must be
 * plain strings or numbers (they are part of the cache key); a language change starts afresh.
 */
export function cachedText(key: string, values?: Values): string {
  const language = i18next.language;
  if (language !== textsLanguage) {
    texts.clear();
    textsLanguage = language;
  }
  let id = key;
  if (values) for (const name of Object.keys(values)) id += `\u0000${name}\u0001${String(values[name])}`;
  let text = texts.get(id);
  if (text === undefined) {
    if (texts.size >= MAX_TEXTS) texts.clear();
    text = values ? i18next.t(key, values) : i18next.t(key);
    texts.set(id, text);
  }
  return text;
}

const languageListeners = new Set<() => void>();
i18next.on('languageChanged', () => {
  for (const listener of languageListeners) listener();
});
const onLanguage = (listener: () => void) => {
  languageListeners.add(listener);
  return () => languageListeners.delete(listener);
};
const currentLanguage = () => i18next.language;

/**
 * `cachedText` for a component, which re-renders when the language changes (as with
 * useTranslation). Through one store rather than useTranslation: a calendar view mounts
 * hundreds of chips, and useTranslation's per-component set-up (its own `t`, the namespace
 * checks, an i18next listener each) cost a busy week ~10 ms of its first render.
 */
export function useCachedText(): typeof cachedText {
  useSyncExternalStore(onLanguage, currentLanguage);
  return cachedText;
}
