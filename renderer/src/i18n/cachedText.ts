import { useTranslation } from 'react-i18next';
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

/** `cachedText` for a component, which re-renders when the language changes (as with useTranslation). */
export function useCachedText(): typeof cachedText {
  useTranslation();
  return cachedText;
}
